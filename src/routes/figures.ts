import { businessCase } from '../model/business-case.ts';
import { lifetimeValueCase } from '../model/lifetime-value.ts';
import type { AnnualFigures } from '../model/types.ts';
import { answer } from '../present/answer.ts';
import { investmentRoiView, problemDamageView, renamed, singleView } from '../present/views.ts';
import { resultSchema, resultSchemas } from '../schemas/results.ts';
import { parseFlat, withNames } from '../spreadsheet/flat.ts';
import { entryRenamer, lifetimeValueRoot, renamer, scenarioOf } from '../spreadsheet/parameters.ts';
import { PARAMETERS, querySchemas } from '../spreadsheet/queries.ts';
import { answerContent, problemResponses } from './responses.ts';
import { cached } from '../http/cache.ts';
import { defineRoute, type Mount } from '../http/routes.ts';

const errors = () => problemResponses('invalid-input', 'uncomputable');

const problemDamageRoute = defineRoute({ method: 'get', path: '/v1/problem-damage', middleware: cached }, () => ({
  operationId: 'getProblemDamage',
  tags: ['Spreadsheet'],
  summary: 'One problem’s annual damage, from flat parameters',
  description:
    'The damage of one problem ([the method](/method#damage)) from query parameters, for a spreadsheet cell: e.g. ' +
    '`=WEBSERVICE("…/v1/problem-damage?customers=100000&lifetimeValue=500&prevalence=0.12&complaintRate=0.5&satisfied=0.4&mollified=0.2&dissatisfied=0.4&costPerComplaint=8&field=totalAnnualDamage")` ' +
    'answers 4074000. Errors name the parameter.',
  request: { query: querySchemas().ProblemDamageQuery },
  responses: { 200: { description: 'The damage', content: answerContent(resultSchema('ProblemDamageAnswer')) }, ...errors() },
}));

const investmentRoiRoute = defineRoute({ method: 'get', path: '/v1/investment-roi', middleware: cached }, () => ({
  operationId: 'getInvestmentRoi',
  tags: ['Spreadsheet'],
  summary: 'One investment’s worth on one problem, from flat parameters',
  description:
    'The benefit, NPV, ROI, payback and cost of delay ([the method](/method#investment)) of one investment on one problem, from query parameters. ' +
    'One `discountRate` serves both the lifetime-value formula and the discounting of the cash flows. ' +
    '`table=cashFlows` gives the yearly cash flows as CSV.',
  request: { query: querySchemas().InvestmentRoiQuery },
  responses: { 200: { description: 'The investment’s worth', content: answerContent(resultSchema('InvestmentRoiAnswer')) }, ...errors() },
}));

const lifetimeValueRoute = defineRoute({ method: 'get', path: '/v1/lifetime-value', middleware: cached }, () => ({
  operationId: 'getLifetimeValue',
  tags: ['Spreadsheet'],
  summary: 'Customer lifetime value from annual figures',
  description: 'V = annualRevenue · grossMargin · r / (1 + d − r) (Gupta & Lehmann), with r the retention rate and d the discount rate.',
  request: { query: querySchemas().LifetimeValueQuery },
  responses: { 200: { description: 'The lifetime value', content: answerContent(resultSchema('LifetimeValueAnswer')) }, ...errors() },
}));

/** The one problem and the one investment the parameters describe, before their values are set. */
const ONE_PROBLEM = { problems: [{ id: 'problem' }] };
const ONE_INVESTMENT = { ...ONE_PROBLEM, investments: [{ id: 'investment', problems: 'all', effects: {}, cost: {} }] };

export function registerFigures(app: Mount) {
  app.openapi(problemDamageRoute, (c) => {
    const q = c.req.valid('query');
    const rename = renamer(PARAMETERS.problemDamage);
    const scenario = parseFlat(scenarioOf(q, PARAMETERS.problemDamage, ONE_PROBLEM), rename);
    const result = renamed(
      withNames(rename, () => businessCase(scenario)),
      rename,
    );
    return answer(problemDamageView(result), q);
  });

  app.openapi(investmentRoiRoute, (c) => {
    const q = c.req.valid('query');
    const rename = renamer(PARAMETERS.investmentRoi);
    const scenario = parseFlat(scenarioOf(q, PARAMETERS.investmentRoi, ONE_INVESTMENT), rename);
    const result = renamed(
      withNames(rename, () => businessCase(scenario)),
      rename,
      entryRenamer(PARAMETERS.investmentRoi, q),
    );
    return answer(investmentRoiView(result), q);
  });

  app.openapi(lifetimeValueRoute, (c) => {
    const q = c.req.valid('query');
    const rename = renamer(PARAMETERS.lifetimeValue);
    const { customerValue } = parseFlat(scenarioOf(q, PARAMETERS.lifetimeValue), rename, lifetimeValueRoot());
    // This route's parameters are read as numbers only (queryShape without ranges).
    const { annualRevenue, grossMargin, retentionRate, discountRate } = customerValue as Partial<AnnualFigures>;
    const json = withNames(rename, () =>
      lifetimeValueCase({ annualRevenue: annualRevenue!, grossMargin: grossMargin!, retentionRate: retentionRate!, discountRate }),
    );
    return answer(
      singleView(json, () => resultSchemas().LifetimeValueAnswer.shape),
      q,
    );
  });
}
