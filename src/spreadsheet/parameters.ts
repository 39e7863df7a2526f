// The one table of flat query parameters, as a spreadsheet sends them. From it come the query schemas (with the
// body's own rules, so the OpenAPI document states every limit), the scenario a request stands for, and the names
// its errors and assumptions are given back in.
import { z } from '@hono/zod-openapi';
import { invalidInput } from '../present/problem.ts';
import { once } from '../schemas/once.ts';
import { queryNumber, queryUncertain, RANGE_FORM, RANGE_TEXT } from '../schemas/query.ts';
import { scenarioSchemas } from '../schemas/scenario.ts';

/** How the docs page shows a parameter's example: filled in for "try it" (the filled ones make one valid request), or only shown. */
type Shown = 'required' | 'filled' | 'shown';

export interface Parameter {
  name: string;
  /** The input it fills, as a path in the scenario (the one-problem routes' problem and investment are problems[0], investments[0]). */
  at: string;
  description: string;
  example: number | string;
  shown: Shown;
}

const p = (name: string, at: string, shown: Shown, example: number | string, description: string): Parameter => ({
  name,
  at,
  description,
  example,
  shown,
});

/** Who the customers are and what they are worth; loyalty and word of mouth. */
export const CUSTOMERS: readonly Parameter[] = [
  p('currency', 'currency', 'shown', 'EUR', 'ISO 4217 code, a label only (default USD)'),
  p('customers', 'customers', 'required', 100000, 'Active customers'),
  p('lifetimeValue', 'customerValue.lifetimeValue', 'filled', 500, 'Customer lifetime value; or give annualRevenue, grossMargin and retentionRate'),
  p('annualRevenue', 'customerValue.annualRevenue', 'shown', 420, 'Revenue of one customer per year (instead of lifetimeValue)'),
  p('grossMargin', 'customerValue.grossMargin', 'shown', 0.35, 'Gross margin on that revenue'),
  p('retentionRate', 'customerValue.retentionRate', 'shown', 0.8, 'Share of customers kept each year'),
  p(
    'discountRate',
    'customerValue.discountRate',
    'shown',
    0.08,
    'Discount rate of the lifetime-value formula with annual figures, and of the cash flows where there are any (default 0.10)',
  ),
  p('newCustomerValue', 'newCustomerValue', 'shown', 350, 'Value of one prospect won or lost through word of mouth (default: the lifetime value)'),
  p('loyalty.baseline', 'loyalty.baseline', 'shown', 0.9, 'Share of customers with no problem still loyal a year later (default 0.85)'),
  p('loyalty.silent', 'loyalty.silent', 'shown', 0.2, 'Share loyal of those who had the problem and did not complain (default 0.09)'),
  p('loyalty.satisfied', 'loyalty.satisfied', 'shown', 0.8, 'Share loyal of satisfied complainants (default 0.82)'),
  p('loyalty.mollified', 'loyalty.mollified', 'shown', 0.5, 'Share loyal of mollified complainants (default 0.54)'),
  p('loyalty.dissatisfied', 'loyalty.dissatisfied', 'shown', 0.15, 'Share loyal of dissatisfied complainants (default 0.19)'),
  p('positiveTold', 'wordOfMouth.positiveTold', 'shown', 5, 'People each satisfied complainant tells (default 4.5)'),
  p('negativeTold', 'wordOfMouth.negativeTold', 'shown', 9, 'People each unhappy customer tells (default 10)'),
  p('positiveInfluence', 'wordOfMouth.positiveInfluence', 'shown', 0.01, 'Share of listeners won by good news (default 0.02)'),
  p('negativeInfluence', 'wordOfMouth.negativeInfluence', 'shown', 0.01, 'Share of listeners lost to bad news (default 0.02)'),
];

/** The one problem of the one-problem routes. */
export const PROBLEM: readonly Parameter[] = [
  p(
    'prevalence',
    'problems[0].prevalence',
    'filled',
    0.12,
    'Share of customers who meet the problem in a year; or give affectedCustomers or complaintsPerYear',
  ),
  p('affectedCustomers', 'problems[0].affectedCustomers', 'shown', 12000, 'Customers who meet the problem in a year (at most customers)'),
  p('complaintsPerYear', 'problems[0].complaintsPerYear', 'shown', 6000, 'Complaints received a year (affected = complaintsPerYear ÷ complaintRate)'),
  p('complaintRate', 'problems[0].complaintRate', 'required', 0.5, 'Share of affected customers who complain'),
  p('satisfied', 'problems[0].outcomes.satisfied', 'required', 0.4, 'Share of complainants satisfied'),
  p('mollified', 'problems[0].outcomes.mollified', 'required', 0.2, 'Share of complainants mollified'),
  p('dissatisfied', 'problems[0].outcomes.dissatisfied', 'required', 0.4, 'Share of complainants dissatisfied'),
  p('costPerComplaint', 'problems[0].costPerComplaint', 'filled', 8, 'Handling plus rework cost of one complaint (default 0)'),
];

/** The one investment of the investment route, acting on its one problem. */
export const INVESTMENT: readonly Parameter[] = [
  p(
    'prevalenceReduction',
    'investments[0].effects.prevalenceReduction',
    'filled',
    0.6,
    'Prevention: share of affected customers who no longer meet the problem',
  ),
  p(
    'complaintRateMultiplier',
    'investments[0].effects.complaintRateMultiplier',
    'shown',
    1.3,
    'Easier complaint access: the complaint rate is multiplied by this (capped at 1)',
  ),
  p(
    'satisfiedAfter',
    'investments[0].effects.outcomes.satisfied',
    'shown',
    0.7,
    'Better handling: share of complainants satisfied after the investment',
  ),
  p('mollifiedAfter', 'investments[0].effects.outcomes.mollified', 'shown', 0.2, 'Better handling: share mollified after'),
  p('dissatisfiedAfter', 'investments[0].effects.outcomes.dissatisfied', 'shown', 0.1, 'Better handling: share dissatisfied after'),
  p(
    'costPerComplaintReduction',
    'investments[0].effects.costPerComplaintReduction',
    'shown',
    0.5,
    'Cheaper handling: share by which the cost per complaint falls',
  ),
  p('upfrontCost', 'investments[0].cost.upfront', 'filled', 250000, 'Paid once at the start (default 0)'),
  p('annualCost', 'investments[0].cost.annual', 'filled', 50000, 'Paid every year (default 0)'),
];

/** Finance settings; `discountRate` (with the customers) serves the cash flows too. */
export const FINANCE: readonly Parameter[] = [
  p('horizonYears', 'finance.horizonYears', 'filled', 3, 'Years of benefits and costs counted (default 3)'),
  p('riskAdjustment', 'finance.riskAdjustment', 'filled', 0.1, 'Share of every benefit withheld for risk (default 0.10)'),
];

/** The simulation and the tornado: on every route that computes a scenario. */
export const SETTINGS: readonly Parameter[] = [
  p('samples', 'simulation.samples', 'shown', 10000, 'Monte Carlo samples when an input is a range, 100 to 100000 (default 10000)'),
  p('seed', 'simulation.seed', 'shown', 1, 'Seed of the simulation, an integer in [0, 2^32) (default 1): the same seed gives the same figures'),
  p('swing', 'sensitivity.swing', 'shown', 0.2, 'Tornado: sweep every input without a range from likely × (1 − swing) to likely × (1 + swing)'),
  p('top', 'sensitivity.top', 'shown', 10, 'Tornado: entries listed per figure, 1 to 50 (default 10)'),
];

/** The lifetime-value route: the annual figures alone. */
export const LIFETIME_VALUE: readonly Parameter[] = [
  p('annualRevenue', 'customerValue.annualRevenue', 'required', 420, 'Revenue of one customer per year'),
  p('grossMargin', 'customerValue.grossMargin', 'required', 0.35, 'Gross margin on that revenue'),
  p('retentionRate', 'customerValue.retentionRate', 'required', 0.8, 'Share of customers kept each year'),
  p('discountRate', 'customerValue.discountRate', 'filled', 0.1, 'Discount rate (default 0.10)'),
];

/** Paths of rules about several parameters, named by all of them, on every flat route. */
const SCENARIO_GROUPS: Record<string, string> = {
  customerValue: 'lifetimeValue',
  wordOfMouth: 'positiveTold/negativeTold/positiveInfluence/negativeInfluence',
  'finance.discountRate': 'discountRate',
};

/** The same on the one-problem routes, whose problem and investment are parameters too; and the inputs no parameter sets. */
const ITEM_GROUPS: Record<string, string> = {
  'problems[0]': 'prevalence/affectedCustomers/complaintsPerYear',
  'problems[0].outcomes': 'satisfied/mollified/dissatisfied',
  'investments[0].effects': 'prevalenceReduction/complaintRateMultiplier/satisfiedAfter/costPerComplaintReduction',
  'investments[0].effects.outcomes': 'satisfiedAfter/mollifiedAfter/dissatisfiedAfter',
  'investments[0].rampUp': 'rampUp',
  'investments[0].cost': 'upfrontCost/annualCost',
  'investments[0].problems': 'prevalence/affectedCustomers/complaintsPerYear',
};

// ---- The body's rule of each input, and what it says in the OpenAPI document ----

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> } };

/** The schema the JSON body gives the input at `path`, with optional, default and metadata wrappers taken off. */
export function ruleAt(root: z.ZodType, path: string): Schema {
  let s = root as Schema;
  const unwrap = () => {
    for (;;) {
      const def = s._zod.def;
      if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') s = def.innerType as Schema;
      else return;
    }
  };
  for (const step of path.replace(/\[\d+\]/g, '.[]').split('.')) {
    unwrap();
    s = (step === '[]' ? s._zod.def.element : (s._zod.def.shape as Record<string, Schema>)[step]) as Schema;
    if (!s) throw new Error(`no input at ${path}`);
  }
  unwrap();
  return s;
}

type Check = { _zod: { def: { check: string; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp } } };

/** The JSON Schema words for a rule: its type, its bounds (minimum or exclusiveMinimum, maximum or exclusiveMaximum), its pattern. */
function documented(rule: Schema): Record<string, unknown> {
  const def = rule._zod.def;
  const out: Record<string, unknown> = { type: def.type === 'string' ? 'string' : def.format === 'safeint' ? 'integer' : 'number' };
  for (const check of (def.checks as Check[] | undefined) ?? []) {
    const { check: kind, value, inclusive, format, pattern } = check._zod.def;
    if (kind === 'greater_than') out[inclusive ? 'minimum' : 'exclusiveMinimum'] = value;
    if (kind === 'less_than') out[inclusive ? 'maximum' : 'exclusiveMaximum'] = value;
    if (kind === 'string_format' && format === 'regex' && pattern) out.pattern = pattern.source;
  }
  return out;
}

/**
 * The query schema of one parameter: text read as a number (unless the input is text), then the body's own rule for
 * that input. A rangeable input (a number or a range in the body) takes a range as `low/likely/high[/distribution]`
 * too, where `ranges` allows it.
 */
function querySchema(param: Parameter, root: z.ZodType, ranges: boolean) {
  const rule = ruleAt(root, param.at);
  const rangeable = rule._zod.def.type === 'union';
  const numberRule = rangeable ? ((rule._zod.def.options as Schema[])[0] as Schema) : rule;
  const example = { ...(param.shown === 'shown' ? { examples: [param.example] } : { example: param.example }) };
  if (rangeable && ranges) {
    const meta = {
      description: `${param.description}. A number, or a range ${RANGE_FORM}, each value obeying the number's rule`,
      ...example,
      // Either form, and no type besides: the text a query carries is read as one or the other.
      type: ['number', 'string'],
      anyOf: [documented(numberRule), { type: 'string', pattern: RANGE_TEXT }],
    };
    const schema = queryUncertain()
      .pipe(rule as unknown as z.ZodType<number, number>)
      .meta(meta);
    return param.shown === 'required' ? schema : schema.optional();
  }
  const meta = { description: param.description, ...example, ...documented(numberRule) };
  const schema =
    numberRule._zod.def.type === 'string'
      ? numberRule.meta(meta)
      : queryNumber()
          .pipe(numberRule as unknown as z.ZodType<number, number>)
          .meta(meta);
  return param.shown === 'required' ? schema : schema.optional();
}

/** The query shape of a list of parameters, for a route's `z.strictObject`; `ranges`: whether rangeable inputs take ranges. */
export function queryShape(params: readonly Parameter[], root: z.ZodType = scenarioSchemas().Scenario, ranges = true) {
  return Object.fromEntries(params.map((param) => [param.name, querySchema(param, root, ranges)]));
}

/** The lifetime-value route's inputs: the customer value alone. */
export const lifetimeValueRoot = once(() => z.object({ customerValue: scenarioSchemas().CustomerValue }));

// ---- The scenario a request stands for ----

type Node = Record<string, unknown>;

function setAt(target: Node, path: string, value: unknown): void {
  const steps = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node: Node = target;
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i]!;
    const next = /^\d+$/.test(steps[i + 1]!) ? [] : {};
    node = (node[step] ??= next) as Node;
  }
  node[steps.at(-1)!] = value;
}

/**
 * The scenario the given parameters stand for. One `discountRate` serves the lifetime value (with annual figures,
 * or where there is no finance: then it is refused with lifetimeValue, as the JSON form refuses it) and the cash
 * flows (where there is finance).
 */
export function scenarioOf(query: Record<string, unknown>, params: readonly Parameter[], fixed: Node = {}): Node {
  const scenario: Node = structuredClone(fixed);
  const finance = params.some((param) => param.at.startsWith('finance.'));
  for (const param of params) {
    const value = query[param.name];
    if (value === undefined) continue;
    if (param.name === 'discountRate' && finance) {
      setAt(scenario, 'finance.discountRate', value);
      if (query.lifetimeValue !== undefined) continue;
      // Serving two inputs, a range would be drawn twice, independently: one uncertain rate must be one draw.
      if (typeof value === 'object') {
        throw invalidInput([
          {
            path: 'discountRate',
            message:
              'must be a number here: with annual figures it serves both the lifetime value and the cash flows, which a range would draw apart',
          },
        ]);
      }
    }
    setAt(scenario, param.at, value);
  }
  return scenario;
}

// ---- Errors and assumptions named as the request named them ----

/**
 * Turns input paths into the parameters' names; a path no parameter fills is left as it is (on the business case's
 * GET, `problems[1].complaintRate` is the second `problem=` parameter's).
 */
export function renamer(params: readonly Parameter[]): (path: string) => string {
  const items = params.some((param) => param.at.startsWith('problems[0]'));
  const names = new Map<string, string>(Object.entries({ ...SCENARIO_GROUPS, ...(items ? ITEM_GROUPS : {}) }));
  for (const param of params) names.set(param.at, param.name);
  return (path) => {
    const name = names.get(path);
    if (name !== undefined) return name;
    // A part of a range: the parameter's name, then the part.
    const part = /^(.*)\.(low|likely|high|distribution)$/.exec(path);
    const whole = part ? names.get(part[1]!) : undefined;
    return whole !== undefined ? `${whole}.${part![2]}` : path;
  };
}

/**
 * Input paths of break-even and tornado entries, named as the request named its inputs; but where one
 * `discountRate` serves both the lifetime value (from annual figures) and the cash flows, a tornado that moves the
 * cash flows' rate alone names it `finance.discountRate`: asking again with `discountRate` moved would move both.
 */
export function entryRenamer(params: readonly Parameter[], query: Record<string, unknown>): (path: string) => string {
  const rename = renamer(params);
  const shared = params.some((param) => param.at.startsWith('finance.')) && query.lifetimeValue === undefined;
  return shared ? (path) => (path === 'finance.discountRate' ? path : rename(path)) : rename;
}
