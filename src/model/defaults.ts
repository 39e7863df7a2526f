import type { Assumption, Finance, LoyaltyRates, WordOfMouth } from './types.ts';

export const MODEL_VERSION = '2';

interface Sourced<T> {
  value: T;
  source: string;
}

const TARP_LOYALTY = 'TARP/CCMC (Goodman, Strategic Customer Service), problems over $100';

export const LOYALTY: { [K in keyof LoyaltyRates]: Sourced<number> } = {
  baseline: { value: 0.85, source: 'Assumed: share of customers with no problem who stay loyal a year later' },
  silent: { value: 0.09, source: `${TARP_LOYALTY}: 9% of those who did not complain would buy again` },
  satisfied: { value: 0.82, source: `${TARP_LOYALTY}: 82% of complainants satisfied quickly would buy again` },
  mollified: { value: 0.54, source: `${TARP_LOYALTY}: 54% of complainants satisfied (not quickly) would buy again` },
  dissatisfied: { value: 0.19, source: `${TARP_LOYALTY}: 19% of dissatisfied complainants would buy again` },
};

export const WORD_OF_MOUTH: { [K in keyof WordOfMouth]: Sourced<number> } = {
  positiveTold: { value: 4.5, source: 'TARP: a satisfied customer tells 4 to 5 people' },
  negativeTold: { value: 10, source: 'TARP: an unhappy customer tells 9 to 10 people' },
  positiveInfluence: { value: 0.02, source: 'Assumed (conservative): 2% of listeners act on good news' },
  negativeInfluence: { value: 0.02, source: 'Assumed (conservative): 2% of listeners act on bad news' },
};

export const FINANCE: { [K in keyof Finance]: Sourced<number> } = {
  horizonYears: { value: 3, source: 'Forrester Total Economic Impact practice: 3-year horizon' },
  discountRate: { value: 0.1, source: 'Forrester Total Economic Impact practice: 10% discount rate' },
  riskAdjustment: { value: 0.1, source: 'Forrester Total Economic Impact practice: 10% of benefits withheld for risk' },
};

export const OTHER = {
  currency: { value: 'USD', source: 'Default currency label; figures are not converted' },
  lifetimeValueDiscountRate: {
    value: 0.1,
    source: 'Discount rate of the lifetime-value formula (Gupta & Lehmann), 10% by default',
  },
  newCustomerValue: { value: 'lifetime value', source: 'Assumed: a prospect won or lost is worth one customer lifetime value' },
  costPerComplaint: { value: 0, source: 'No handling cost was given for this problem' },
  rampUp: { value: [1], source: 'Full benefit from the first year' },
  upfrontCost: { value: 0, source: 'No upfront cost was given' },
  annualCost: { value: 0, source: 'No annual cost was given' },
};

export const LIMITS = {
  problems: 200,
  investments: 100,
  maxHorizonYears: 10,
  idLength: 100,
  nameLength: 200,
  bodyBytes: 1024 * 1024,
  outcomeSumTolerance: 1e-6,
  minSamples: 100,
  maxSamples: 100_000,
  /** Samples × (problems + investments + 1): the simulated figures a request may keep, 8 bytes each (24 MB). */
  simulatedValues: 3_000_000,
  maxTop: 50,
} as const;

/** The settings of a simulation or a tornado that a request leaves out. */
export const SIMULATION = { samples: 10_000, seed: 1 } as const;
export const SENSITIVITY = { top: 10 } as const;

/** The most samples a scenario of this size may ask for: its simulated figures must fit in LIMITS.simulatedValues. */
export function maxSamples(problems: number, investments: number): number {
  return Math.min(LIMITS.maxSamples, Math.floor(LIMITS.simulatedValues / (problems + investments + 1)));
}

/**
 * Every default, by the input it stands for, in the order a business case lists the ones it used: the one mapping
 * from defaults to fields. `[]` stands for each problem or investment.
 */
export const DEFAULTS: readonly { field: string; value: Assumption['value']; source: string }[] = [
  { field: 'currency', ...OTHER.currency },
  { field: 'customerValue.discountRate', ...OTHER.lifetimeValueDiscountRate },
  { field: 'newCustomerValue', ...OTHER.newCustomerValue },
  ...Object.entries(LOYALTY).map(([key, d]) => ({ field: `loyalty.${key}`, ...d })),
  ...Object.entries(WORD_OF_MOUTH).map(([key, d]) => ({ field: `wordOfMouth.${key}`, ...d })),
  { field: 'problems[].costPerComplaint', ...OTHER.costPerComplaint },
  ...Object.entries(FINANCE).map(([key, d]) => ({ field: `finance.${key}`, ...d })),
  { field: 'investments[].cost.upfront', ...OTHER.upfrontCost },
  { field: 'investments[].cost.annual', ...OTHER.annualCost },
  { field: 'investments[].rampUp', ...OTHER.rampUp },
];

/** Every default of the model, as it applies before a scenario is known. */
export function allDefaults(): Assumption[] {
  return DEFAULTS.map(({ field, value, source }) => ({ field, value: Array.isArray(value) ? [...value] : value, source }));
}
