// The query schemas of the spreadsheet routes, from the one parameter table.
import { z } from '@hono/zod-openapi';
import { LIMITS } from '../model/defaults.ts';
import { outputParams, reportLanguage } from '../schemas/query.ts';
import { once } from '../schemas/once.ts';
import { CUSTOMERS, FINANCE, INVESTMENT, LIFETIME_VALUE, lifetimeValueRoot, PROBLEM, queryShape, SETTINGS, type Parameter } from './parameters.ts';

const tableParam = <T extends readonly [string, ...string[]]>(tables: T) =>
  z
    .enum(tables)
    .optional()
    .meta({ description: `With csv or tsv: the table to answer, ${tables.join(', ')} (default ${tables[0]})`, examples: [tables.at(-1)!] });

/** The parameters of each flat route, in the order the docs page lists them. */
export const PARAMETERS = {
  problemDamage: [...CUSTOMERS, ...PROBLEM, ...SETTINGS],
  investmentRoi: [...CUSTOMERS, ...PROBLEM, ...INVESTMENT, ...FINANCE, ...SETTINGS],
  lifetimeValue: LIFETIME_VALUE,
  businessCase: [...CUSTOMERS, ...FINANCE, ...SETTINGS],
} satisfies Record<string, readonly Parameter[]>;

/** A parameter given once per item, up to `max` times, as a list; missing, it is required and `form` shows how. */
const repeated = (description: string, example: string[], max: number, form: string) =>
  z
    .union([z.string(), z.array(z.string()).max(max, { error: `may be given at most ${max} times` })], {
      error: (iss) => (iss.input === undefined ? `is required: ${form}` : undefined),
    })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .meta({ type: 'array', items: { type: 'string' }, maxItems: max, description, example });

/** The query schemas of the spreadsheet routes, made on first use (see once.ts). */
export const querySchemas = once(() => {
  const ProblemDamageQuery = z.strictObject({
    ...queryShape(PARAMETERS.problemDamage),
    table: tableParam(['result', 'sensitivity', 'assumptions']),
    ...outputParams('totalAnnualDamage'),
  });

  const InvestmentRoiQuery = z.strictObject({
    ...queryShape(PARAMETERS.investmentRoi),
    table: tableParam(['result', 'cashFlows', 'sensitivity', 'breakEven', 'assumptions']),
    ...outputParams('npv'),
  });

  const LifetimeValueQuery = z.strictObject({
    ...queryShape(PARAMETERS.lifetimeValue, lifetimeValueRoot(), false),
    table: tableParam(['result', 'assumptions']),
    ...outputParams('lifetimeValue'),
  });

  const BusinessCaseQuery = z.strictObject({
    ...queryShape(PARAMETERS.businessCase),
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
    portfolio: z
      .string()
      .max(12000)
      .optional()
      .meta({
        description:
          'Ask for the best set of investments: `portfolio=` (empty: no budget), or `key:value` pairs joined by `,` with keys budgetUpfront, budgetAnnual, include and exclude (ids joined by /), as in the JSON form’s portfolio',
        examples: ['budgetAnnual:100000'],
      }),
    table: tableParam(['problems', 'investments', 'sensitivity', 'breakEven', 'portfolio', 'ladder', 'assumptions']),
    ...outputParams('investments.fix-billing.npv'),
  });
  const ReportQuery = BusinessCaseQuery.omit({ table: true, format: true, field: true, onError: true }).extend({ lang: reportLanguage() });
  return { ProblemDamageQuery, InvestmentRoiQuery, LifetimeValueQuery, BusinessCaseQuery, ReportQuery };
});
