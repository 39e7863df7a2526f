import { z } from '@hono/zod-openapi';
import { FORMATS } from './formats.ts';
import { LIMITS } from '../model/defaults.ts';
import { shown } from './common.ts';

/** The longest number accepted as text: more digits than a double holds, and a bound on the work of reading one. */
export const NUMBER_TEXT_LENGTH = 64;

/**
 * A number as text: dot decimal, optional exponent, no thousands separators. Each part can match in only one way, so
 * matching takes time linear in the text, which is at most 64 characters anyway.
 */
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The number a text stands for, or why it stands for none. */
export function readNumber(text: string): { value: number } | { problem: string } {
  const t = text.trim();
  if (t.length > NUMBER_TEXT_LENGTH) return { problem: `must be a number of at most ${NUMBER_TEXT_LENGTH} characters (got ${text.length})` };
  if (DECIMAL.test(t)) {
    const value = Number(t);
    return Number.isFinite(value) ? { value } : { problem: `must be a finite number, at most about 1.8e308 in size (got ${shown(text)})` };
  }
  const hint = /^-?\d+,\d+$/.test(t) ? ' with a dot for decimals' : '';
  return { problem: `must be a number${hint} (got ${shown(text)})` };
}

/** A number in a query parameter: dot decimal, no thousands separators. */
export const QueryNumber = z
  .string()
  .transform((text, ctx) => {
    const read = readNumber(text);
    if ('value' in read) return read.value;
    ctx.addIssue({ code: 'custom', message: read.problem });
    return z.NEVER;
  })
  .meta({ type: 'number' });

// On the docs page, `example` fills a parameter in for "try it", and `examples` only shows it: the filled-in ones
// make one valid request, the others (alternatives, overrides) are shown but left out.
const num = (description: string, example: number) => QueryNumber.optional().meta({ description, examples: [example] });
const filled = (description: string, example: number) => QueryNumber.optional().meta({ description, example });
const required = (description: string, example: number) => QueryNumber.meta({ description, example });

/** How the answer is given: the same on every spreadsheet-friendly operation. */
export const outputParams = {
  format: z
    .enum(FORMATS)
    .optional()
    .meta({
      description:
        'json (default); csv (RFC 4180, header row, CRLF); tsv; txt: one bare value, picked by `field`. Giving `field` alone implies txt.',
      example: 'json',
    }),
  field: z.string().max(300).optional().meta({
    description:
      'With format=txt: the one value to answer, by its JSON name or path (e.g. `totalAnnualDamage`, `investments.fix-billing.npv`). ' +
      'In a list, a segment of digits is a 0-based position in the answer, whose lists are ranked (`problems.0` is the problem ranked 1, ' +
      'not the first one sent); any other segment is an id (ids are never only digits and never hold a dot). A figure that is null ' +
      '(an roi without costs) answers 422 `/problems/no-value` saying why, or `#N/A` and the reason with onError=cell.',
    examples: ['totalAnnualDamage'],
  }),
  onError: z.enum(['cell']).optional().meta({
    description: 'cell: answer an error with status 200 and its reason in a single cell (`#ERROR field: reason`), so a spreadsheet shows it',
    examples: ['cell'],
  }),
  _: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .meta({ type: 'string', description: 'Ignored: change it to make a spreadsheet fetch again (may be repeated)', examples: ['1'] }),
};

const customerParams = {
  currency: z.string().optional().meta({ description: 'ISO 4217 code, a label only (default USD)', examples: ['EUR'] }),
  customers: required('Active customers', 100000),
  lifetimeValue: filled('Customer lifetime value; or give annualRevenue, grossMargin and retentionRate', 500),
  annualRevenue: num('Revenue of one customer per year (instead of lifetimeValue)', 420),
  grossMargin: num('Gross margin on that revenue, 0 to 1', 0.35),
  retentionRate: num('Share of customers kept each year, 0 to 1', 0.8),
  discountRate: num('Discount rate, 0 to 1: of the lifetime-value formula, and of the cash flows (default 0.10)', 0.08),
  newCustomerValue: num('Value of one prospect won or lost through word of mouth (default: the lifetime value)', 350),
  'loyalty.baseline': num('Share of customers with no problem still loyal a year later (default 0.85)', 0.9),
  'loyalty.silent': num('Share loyal of those who had the problem and did not complain (default 0.09)', 0.2),
  'loyalty.satisfied': num('Share loyal of satisfied complainants (default 0.82)', 0.8),
  'loyalty.mollified': num('Share loyal of mollified complainants (default 0.54)', 0.5),
  'loyalty.dissatisfied': num('Share loyal of dissatisfied complainants (default 0.19)', 0.15),
  positiveTold: num('People each satisfied complainant tells (default 4.5)', 5),
  negativeTold: num('People each unhappy customer tells (default 10)', 9),
  positiveInfluence: num('Share of listeners won by good news (default 0.02)', 0.01),
  negativeInfluence: num('Share of listeners lost to bad news (default 0.02)', 0.01),
};

const problemParams = {
  prevalence: filled('Share of customers who meet the problem in a year; or give affectedCustomers or complaintsPerYear', 0.12),
  affectedCustomers: num('Customers who meet the problem in a year', 12000),
  complaintsPerYear: num('Complaints received a year (affected = complaintsPerYear ÷ complaintRate)', 6000),
  complaintRate: required('Share of affected customers who complain, in (0, 1]', 0.5),
  satisfied: required('Share of complainants satisfied', 0.4),
  mollified: required('Share of complainants mollified', 0.2),
  dissatisfied: required('Share of complainants dissatisfied', 0.4),
  costPerComplaint: filled('Handling plus rework cost of one complaint (default 0)', 8),
};

const financeParams = {
  horizonYears: filled('Years of benefits and costs counted, 1 to 10 (default 3)', 3),
  riskAdjustment: filled('Share of every benefit withheld for risk, 0 to under 1 (default 0.10)', 0.1),
};

const investmentParams = {
  prevalenceReduction: filled('Prevention: share of affected customers who no longer meet the problem', 0.6),
  complaintRateMultiplier: num('Easier complaint access: the complaint rate is multiplied by this (capped at 1)', 1.3),
  satisfiedAfter: num('Better handling: share of complainants satisfied after the investment', 0.7),
  mollifiedAfter: num('Better handling: share mollified after', 0.2),
  dissatisfiedAfter: num('Better handling: share dissatisfied after', 0.1),
  costPerComplaintReduction: num('Cheaper handling: share by which the cost per complaint falls', 0.5),
  upfrontCost: filled('Paid once at the start (default 0)', 250000),
  annualCost: filled('Paid every year (default 0)', 50000),
};

const tableParam = <T extends readonly [string, ...string[]]>(tables: T) =>
  z
    .enum(tables)
    .optional()
    .meta({ description: `With csv or tsv: the table to answer, ${tables.join(', ')} (default ${tables[0]})`, examples: [tables.at(-1)!] });

export const ProblemDamageQuery = z.strictObject({
  ...customerParams,
  ...problemParams,
  table: tableParam(['result', 'assumptions']),
  ...outputParams,
});

export const InvestmentRoiQuery = z.strictObject({
  ...customerParams,
  ...problemParams,
  ...investmentParams,
  ...financeParams,
  table: tableParam(['result', 'cashFlows', 'assumptions']),
  ...outputParams,
});

export const LifetimeValueQuery = z.strictObject({
  annualRevenue: required('Revenue of one customer per year', 420),
  grossMargin: required('Gross margin on that revenue, 0 to 1', 0.35),
  retentionRate: required('Share of customers kept each year, 0 to 1', 0.8),
  discountRate: filled('Discount rate, 0 to 1 (default 0.10)', 0.1),
  table: tableParam(['result', 'assumptions']),
  ...outputParams,
});

/** A parameter given once per item, up to `max` times, as a list; missing, it is required and `form` shows how. */
const repeated = (description: string, example: string[], max: number, form: string) =>
  z
    .union([z.string(), z.array(z.string()).max(max, { error: `may be given at most ${max} times` })], {
      error: (iss) => (iss.input === undefined ? `is required: ${form}` : undefined),
    })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .meta({ type: 'array', items: { type: 'string' }, maxItems: max, description, example });

export const BusinessCaseQuery = z.strictObject({
  ...customerParams,
  ...financeParams,
  problem: repeated(
    'One problem per parameter: `id,key:value,…` with the keys of a JSON problem (prevalence, affectedCustomers, complaintsPerYear, ' +
      'complaintRate, outcomes as satisfied/mollified/dissatisfied, costPerComplaint, loyalty.silent, …)',
    [
      'billing-errors,prevalence:0.12,complaintRate:0.5,outcomes:0.4/0.2/0.4,costPerComplaint:8',
      'late-delivery,prevalence:0.2,complaintRate:0.25,outcomes:0.3/0.4/0.3,costPerComplaint:5',
    ],
    LIMITS.problems,
    'give one problem per parameter, such as problem=billing-errors,prevalence:0.12,complaintRate:0.5,outcomes:0.4/0.2/0.4',
  ),
  investment: repeated(
    'One investment per parameter: `id,key:value,…` with problems (ids joined by /, or all), prevalenceReduction, complaintRateMultiplier, ' +
      'outcomes (s/m/d), costPerComplaintReduction, upfront, annual, rampUp (values joined by /)',
    [
      'fix-billing,problems:billing-errors,prevalenceReduction:0.6,upfront:250000,annual:50000',
      'better-handling,problems:all,outcomes:0.7/0.2/0.1,upfront:100000,annual:120000',
    ],
    LIMITS.investments,
    'give one investment per parameter',
  ).optional(),
  table: tableParam(['problems', 'investments', 'assumptions']),
  ...outputParams,
});
