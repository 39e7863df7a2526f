// Flat query parameters, as a spreadsheet sends them, turned into a scenario; and the scenario's error paths
// turned back into the parameter names the user typed.
import type { z } from '@hono/zod-openapi';
import type { FieldError } from '../present/problem.ts';
import { fieldErrors } from '../present/field-errors.ts';
import { invalidInput, uncomputable } from '../present/problem.ts';
import { ModelError } from '../model/errors.ts';
import { Scenario } from '../schemas/scenario.ts';
import type { ScenarioInput } from '../model/types.ts';

type Query = Record<string, unknown>;

const LOYALTY_KEYS = ['baseline', 'silent', 'satisfied', 'mollified', 'dissatisfied'] as const;
const WORD_OF_MOUTH_KEYS = ['positiveTold', 'negativeTold', 'positiveInfluence', 'negativeInfluence'] as const;

/**
 * Customers, customer value, loyalty and word of mouth. Where there is finance, one discountRate serves the lifetime
 * value (with annual figures) and the cash flows; where there is none, it is the lifetime value's alone, and so
 * refused with lifetimeValue as the JSON form refuses it.
 */
export function flatCustomers(q: Query, finance = true) {
  const annual = q.lifetimeValue === undefined || !finance;
  return {
    currency: q.currency,
    customers: q.customers,
    customerValue: {
      lifetimeValue: q.lifetimeValue,
      annualRevenue: q.annualRevenue,
      grossMargin: q.grossMargin,
      retentionRate: q.retentionRate,
      discountRate: annual ? q.discountRate : undefined,
    },
    newCustomerValue: q.newCustomerValue,
    loyalty: Object.fromEntries(LOYALTY_KEYS.map((k) => [k, q[`loyalty.${k}`]])),
    wordOfMouth: Object.fromEntries(WORD_OF_MOUTH_KEYS.map((k) => [k, q[k]])),
  };
}

export function flatFinance(q: Query) {
  return { horizonYears: q.horizonYears, discountRate: q.discountRate, riskAdjustment: q.riskAdjustment };
}

export function flatProblem(q: Query) {
  return {
    id: 'problem',
    prevalence: q.prevalence,
    affectedCustomers: q.affectedCustomers,
    complaintsPerYear: q.complaintsPerYear,
    complaintRate: q.complaintRate,
    outcomes: { satisfied: q.satisfied, mollified: q.mollified, dissatisfied: q.dissatisfied },
    costPerComplaint: q.costPerComplaint,
  };
}

export function flatInvestment(q: Query) {
  const after = [q.satisfiedAfter, q.mollifiedAfter, q.dissatisfiedAfter].some((v) => v !== undefined);
  return {
    id: 'investment',
    problems: 'all',
    effects: {
      prevalenceReduction: q.prevalenceReduction,
      complaintRateMultiplier: q.complaintRateMultiplier,
      outcomes: after ? { satisfied: q.satisfiedAfter, mollified: q.mollifiedAfter, dissatisfied: q.dissatisfiedAfter } : undefined,
      costPerComplaintReduction: q.costPerComplaintReduction,
    },
    cost: { upfront: q.upfrontCost, annual: q.annualCost },
  };
}

const TOP_NAMES: [RegExp, string][] = [
  [/^customerValue$/, 'lifetimeValue'],
  [/^customerValue\.(\w+)$/, '$1'],
  [/^wordOfMouth\.(\w+)$/, '$1'],
  [/^finance\.(\w+)$/, '$1'],
];

const FLAT_NAMES: [RegExp, string][] = [
  ...TOP_NAMES,
  [/^problems\[0\]$/, 'prevalence'],
  [/^problems\[0\]\.outcomes$/, 'satisfied/mollified/dissatisfied'],
  [/^problems\[0\]\.outcomes\.(\w+)$/, '$1'],
  [/^problems\[0\]\.(\w+)$/, '$1'],
  [/^investments\[0\]\.effects$/, 'prevalenceReduction/complaintRateMultiplier/satisfiedAfter/costPerComplaintReduction'],
  [/^investments\[0\]\.effects\.outcomes$/, 'satisfiedAfter/mollifiedAfter/dissatisfiedAfter'],
  [/^investments\[0\]\.effects\.outcomes\.(\w+)$/, '$1After'],
  [/^investments\[0\]\.effects\.(\w+)$/, '$1'],
  [/^investments\[0\]\.cost\.(\w+)$/, '$1Cost'],
  [/^investments\[0\]\.rampUp$/, 'rampUp'],
];

function renamer(names: [RegExp, string][]) {
  return (path: string): string => {
    for (const [pattern, name] of names) if (pattern.test(path)) return path.replace(pattern, name);
    return path;
  };
}

/** `problems[0].complaintRate` → `complaintRate`: the parameter the user typed. */
export const flatName = renamer(FLAT_NAMES);

/** `finance.horizonYears` → `horizonYears`; problems and investments keep their paths (`problems[1].complaintRate`). */
export const flatTopName = renamer(TOP_NAMES);

export function renameErrors(errors: FieldError[], rename: (path: string) => string): FieldError[] {
  return errors.map((e) => ({ ...e, path: rename(e.path) }));
}

/** Validates a scenario built from parameters; its errors name what `rename` makes of each path. */
export function parseScenario(candidate: unknown, rename: (path: string) => string = (p) => p): ScenarioInput {
  const result = Scenario.safeParse(candidate);
  if (!result.success) throw invalidInput(renameErrors(fieldErrors(result.error as z.ZodError), rename));
  return result.data;
}

/** Runs the model, naming parameters instead of scenario paths should its figures not be computable. */
export function withNames<T>(rename: (path: string) => string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ModelError) throw uncomputable(e, rename);
    throw e;
  }
}
