import { z } from '@hono/zod-openapi';
import { businessCase } from '../model/business-case.ts';
import { answer } from '../present/answer.ts';
import { businessCaseView, renamed } from '../present/views.ts';
import { outputParams } from '../schemas/query.ts';
import { resultSchema } from '../schemas/results.ts';
import { scenarioSchemas } from '../schemas/scenario.ts';
import { parseCompact } from '../spreadsheet/compact.ts';
import { parseFlat, withNames } from '../spreadsheet/flat.ts';
import { entryRenamer, renamer, scenarioOf } from '../spreadsheet/parameters.ts';
import { PARAMETERS, querySchemas } from '../spreadsheet/queries.ts';
import { jsonBody } from '../http/json-body.ts';
import { answerContent, problemResponses } from './responses.ts';
import { cached } from '../http/cache.ts';
import { defineRoute, type Mount } from '../http/routes.ts';

const TABLES =
  'With csv or tsv, `table` picks problems (default), investments, sensitivity (one row per investment and swept input, then the total damage’s), breakEven (one row per investment and input), portfolio (one row per chosen investment, with what the set would lose without it), ladder or assumptions. ' +
  'When simulated, the problems table gains totalAnnualDamage Mean/P10/P50/P90 columns and the investments table npv Mean/P10/P50/P90 and probabilityPositiveNpv.';

const outputQuery = () =>
  z.strictObject({
    ...outputParams('investments.fix-billing.npv'),
    table: querySchemas().BusinessCaseQuery.shape.table,
  });

export const businessCaseRoute = defineRoute({ method: 'post', path: '/v1/business-case', middleware: jsonBody }, () => ({
  operationId: 'computeBusinessCase',
  tags: ['Business case'],
  summary: 'Compute the business case of a problem catalogue',
  description:
    'Takes a scenario (customers, customer value, loyalty, word of mouth, finance settings, problems and candidate investments) and ' +
    'returns every problem’s annual damage, ranked, every investment’s benefit, NPV, ROI, payback and cost of delay, ranked, the ' +
    'totals, and every assumption taken from a default. The arithmetic is the model, version 2, set out with its sources at [/method](/method) (TARP/CCMC market damage model, ' +
    `Forrester TEI finance). Figures are not rounded. ${TABLES}`,
  request: {
    query: outputQuery(),
    body: {
      required: true,
      description: 'The scenario',
      content: { 'application/json': { schema: scenarioSchemas().Scenario, examples: scenarioSchemas().scenarioExamples } },
    },
  },
  responses: {
    200: { description: 'The business case', content: answerContent(resultSchema('BusinessCase')) },
    ...problemResponses('malformed-json', 'missing-body', 'payload-too-large', 'unsupported-media-type', 'invalid-input', 'uncomputable'),
  },
}));

const businessCaseGetRoute = defineRoute({ method: 'get', path: '/v1/business-case', middleware: cached }, () => ({
  operationId: 'getBusinessCase',
  tags: ['Business case', 'Spreadsheet'],
  summary: 'Compute a business case from a URL',
  description:
    'The same business case as the POST, from query parameters, for spreadsheets that can only send GET. Each problem is one ' +
    '`problem=id,key:value,…` parameter and each investment one `investment=id,key:value,…` parameter, with the keys of the JSON ' +
    'form; lists inside a value are joined by `/` (outcomes `0.4/0.2/0.4`, problems `billing-errors/late-delivery`, rampUp `0.5/1`). ' +
    'Every character of this form is URL-safe, so ten problems and five investments fit in Excel’s 2,048-character URL. ' +
    `The n-th problem parameter is \`problems[n-1]\` in errors. ${TABLES}`,
  request: { query: querySchemas().BusinessCaseQuery },
  responses: {
    200: { description: 'The business case', content: answerContent(resultSchema('BusinessCase')) },
    ...problemResponses('invalid-input', 'uncomputable'),
  },
}));

type BusinessCaseQuery = z.output<ReturnType<typeof querySchemas>['BusinessCaseQuery']>;

/** The scenario of a GET form of the business case, and how its parameters name the scenario's paths. */
export function scenarioFromQuery(q: Omit<BusinessCaseQuery, 'format' | 'field' | 'table' | 'onError'>) {
  const items = parseCompact(q.problem, q.investment ?? [], q.portfolio);
  const rename = renamer(PARAMETERS.businessCase);
  return { scenario: parseFlat(scenarioOf(q, PARAMETERS.businessCase, items), rename), rename };
}

export function registerBusinessCase(app: Mount) {
  app.openapi(businessCaseRoute, (c) => answer(businessCaseView(businessCase(c.req.valid('json'))), c.req.valid('query')));

  app.openapi(businessCaseGetRoute, (c) => {
    const q = c.req.valid('query');
    const { scenario, rename } = scenarioFromQuery(q);
    const result = withNames(rename, () => businessCase(scenario));
    return answer(businessCaseView(renamed(result, rename, entryRenamer(PARAMETERS.businessCase, q))), q);
  });
}
