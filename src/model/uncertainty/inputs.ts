// The rangeable inputs of a scenario, in one fixed order (scenario-wide, then each problem, then each investment, in
// the order the scenario lists them): the order draws are made in, whatever order the request's keys came in.
import { FINANCE, LOYALTY, OTHER, WORD_OF_MOUTH } from '../defaults.ts';
import type { Distribution, InvestmentInput, ProblemInput, Range, ScenarioInput, Uncertain, UncertainScenario } from '../types.ts';

/** The legal values of an input, for a swing clipped to them: [min, max]. */
export type Bounds = readonly [number, number];

/** Which value of the kernel an input sets (see kernel.ts). */
export type Slot =
  | 'lifetimeValue'
  | 'annualRevenue'
  | 'grossMargin'
  | 'retentionRate'
  | 'valueDiscountRate'
  | 'newCustomerValue'
  | `loyalty.${LoyaltyKey}`
  | 'positiveTold'
  | 'negativeTold'
  | 'positiveInfluence'
  | 'negativeInfluence'
  | 'discountRate'
  | 'riskAdjustment'
  | 'prevalence'
  | 'affectedCustomers'
  | 'complaintsPerYear'
  | 'complaintRate'
  | 'costPerComplaint'
  | `problemLoyalty.${LoyaltyKey}`
  | 'prevalenceReduction'
  | 'complaintRateMultiplier'
  | 'costPerComplaintReduction'
  | 'upfront'
  | 'annual';

export type LoyaltyKey = 'baseline' | 'silent' | 'satisfied' | 'mollified' | 'dissatisfied';
export const LOYALTY_KEYS: readonly LoyaltyKey[] = ['baseline', 'silent', 'satisfied', 'mollified', 'dissatisfied'];

/** One rangeable input of a scenario that has a value (given or defaulted). */
export interface Input {
  /** Its path in the scenario as sent: `loyalty.silent`, `problems[0].prevalence`, `investments[1].cost.upfront`. */
  path: string;
  slot: Slot;
  /** -1 for a scenario-wide input; else the position of its problem or investment. */
  problem: number;
  investment: number;
  likely: number;
  /** Its range, when it was given as one. */
  range?: { low: number; high: number; distribution: Distribution };
  /** Whether a swing sweeps it when it has no range. */
  swept: boolean;
  /** Where a swing is clipped, the other inputs at likely. */
  bounds: Bounds;
}

const SHARE: Bounds = [0, 1];
const MONEY: Bounds = [0, Number.POSITIVE_INFINITY];

export function isRange(v: unknown): v is Range {
  return typeof v === 'object' && v !== null && 'likely' in v;
}

/** The likely value of an input as sent. */
export function likelyOf(v: Uncertain): number;
export function likelyOf(v: Uncertain | undefined): number | undefined;
export function likelyOf(v: Uncertain | undefined): number | undefined {
  return isRange(v) ? v.likely : v;
}

/** Every rangeable input that has a value, in the fixed order. `customers` bounds the counts of a swing. */
export function inputsOf(s: UncertainScenario): Input[] {
  const out: Input[] = [];
  const add = (
    path: string,
    slot: Slot,
    sent: Uncertain | undefined,
    fallback: number | undefined,
    bounds: Bounds,
    where: { problem?: number; investment?: number } = {},
    swept = true,
  ) => {
    if (sent === undefined && fallback === undefined) return;
    const likely = sent === undefined ? fallback! : likelyOf(sent);
    const input: Input = {
      path,
      slot,
      problem: where.problem ?? -1,
      investment: where.investment ?? -1,
      likely,
      swept,
      bounds,
    };
    if (isRange(sent)) input.range = { low: sent.low, high: sent.high, distribution: sent.distribution ?? 'pert' };
    out.push(input);
  };
  const cv = s.customerValue;
  add('customerValue.lifetimeValue', 'lifetimeValue', cv.lifetimeValue, undefined, MONEY);
  add('customerValue.annualRevenue', 'annualRevenue', cv.annualRevenue, undefined, MONEY);
  add('customerValue.grossMargin', 'grossMargin', cv.grossMargin, undefined, SHARE);
  add('customerValue.retentionRate', 'retentionRate', cv.retentionRate, undefined, SHARE, {}, false);
  const annual = cv.lifetimeValue === undefined;
  add(
    'customerValue.discountRate',
    'valueDiscountRate',
    cv.discountRate,
    annual ? OTHER.lifetimeValueDiscountRate.value : undefined,
    SHARE,
    {},
    false,
  );
  // A defaulted newCustomerValue follows the lifetime value; it is no input of its own.
  add('newCustomerValue', 'newCustomerValue', s.newCustomerValue, undefined, MONEY);
  for (const key of LOYALTY_KEYS) add(`loyalty.${key}`, `loyalty.${key}`, s.loyalty?.[key], LOYALTY[key].value, SHARE);
  const w = s.wordOfMouth;
  add('wordOfMouth.positiveTold', 'positiveTold', w?.positiveTold, WORD_OF_MOUTH.positiveTold.value, MONEY);
  add('wordOfMouth.negativeTold', 'negativeTold', w?.negativeTold, WORD_OF_MOUTH.negativeTold.value, MONEY);
  add('wordOfMouth.positiveInfluence', 'positiveInfluence', w?.positiveInfluence, WORD_OF_MOUTH.positiveInfluence.value, SHARE);
  add('wordOfMouth.negativeInfluence', 'negativeInfluence', w?.negativeInfluence, WORD_OF_MOUTH.negativeInfluence.value, SHARE);
  add('finance.discountRate', 'discountRate', s.finance?.discountRate, FINANCE.discountRate.value, SHARE);
  add('finance.riskAdjustment', 'riskAdjustment', s.finance?.riskAdjustment, FINANCE.riskAdjustment.value, SHARE, {}, false);
  s.problems.forEach((p, i) => {
    problemInputs(p, i, s.customers, add);
  });
  (s.investments ?? []).forEach((inv, k) => {
    investmentInputs(inv, k, add);
  });
  return out;
}

type Add = (
  path: string,
  slot: Slot,
  sent: Uncertain | undefined,
  fallback: number | undefined,
  bounds: Bounds,
  where: { problem?: number; investment?: number },
) => void;

function problemInputs(p: ProblemInput<Uncertain>, i: number, customers: number, add: Add) {
  const at = `problems[${i}]`;
  const where = { problem: i };
  const rate = likelyOf(p.complaintRate);
  add(`${at}.prevalence`, 'prevalence', p.prevalence, undefined, SHARE, where);
  add(`${at}.affectedCustomers`, 'affectedCustomers', p.affectedCustomers, undefined, [0, customers], where);
  add(`${at}.complaintsPerYear`, 'complaintsPerYear', p.complaintsPerYear, undefined, [0, customers * rate], where);
  // With complaint counts, a lower rate means more affected customers, at most all of them.
  const cpy = likelyOf(p.complaintsPerYear);
  add(`${at}.complaintRate`, 'complaintRate', p.complaintRate, undefined, [cpy === undefined ? 0 : cpy / customers, 1], where);
  add(`${at}.costPerComplaint`, 'costPerComplaint', p.costPerComplaint, OTHER.costPerComplaint.value, MONEY, where);
  // A problem's own loyalty is an input only where given.
  for (const key of LOYALTY_KEYS) add(`${at}.loyalty.${key}`, `problemLoyalty.${key}`, p.loyalty?.[key], undefined, SHARE, where);
}

function investmentInputs(inv: InvestmentInput<Uncertain>, k: number, add: Add) {
  const at = `investments[${k}]`;
  const where = { investment: k };
  const e = inv.effects;
  add(`${at}.effects.prevalenceReduction`, 'prevalenceReduction', e.prevalenceReduction, undefined, SHARE, where);
  add(`${at}.effects.complaintRateMultiplier`, 'complaintRateMultiplier', e.complaintRateMultiplier, undefined, MONEY, where);
  add(`${at}.effects.costPerComplaintReduction`, 'costPerComplaintReduction', e.costPerComplaintReduction, undefined, SHARE, where);
  add(`${at}.cost.upfront`, 'upfront', inv.cost.upfront, OTHER.upfrontCost.value, MONEY, where);
  add(`${at}.cost.annual`, 'annual', inv.cost.annual, OTHER.annualCost.value, MONEY, where);
}

const likelyIn = <T extends object>(o: T | undefined): T | undefined => {
  if (o === undefined) return undefined;
  let copy: Record<string, unknown> | undefined;
  for (const key in o) {
    const v: unknown = o[key];
    if (isRange(v)) {
      copy ??= { ...o } as Record<string, unknown>;
      copy[key] = v.likely;
    }
  }
  return (copy as T | undefined) ?? o;
};

/** A scenario without ranges as the point scenario it is: the settings left out. */
export function pointOf(s: UncertainScenario): ScenarioInput {
  if (s.simulation === undefined && s.sensitivity === undefined) return s as ScenarioInput;
  const { simulation: _simulation, sensitivity: _sensitivity, ...rest } = s;
  return rest as ScenarioInput;
}

/** The scenario at its likely values: the point scenario every deterministic figure is computed from. */
export function atLikely(s: UncertainScenario): ScenarioInput {
  const { simulation: _simulation, sensitivity: _sensitivity, ...rest } = s;
  return {
    ...rest,
    customerValue: likelyIn(s.customerValue)!,
    newCustomerValue: likelyOf(s.newCustomerValue),
    loyalty: likelyIn(s.loyalty),
    wordOfMouth: likelyIn(s.wordOfMouth),
    finance: likelyIn(s.finance),
    problems: s.problems.map((p) => {
      const q = likelyIn(p)!;
      return p.loyalty === undefined ? q : { ...q, loyalty: likelyIn(p.loyalty) };
    }),
    investments: s.investments?.map((inv) => ({ ...inv, effects: likelyIn(inv.effects)!, cost: likelyIn(inv.cost)! })),
  } as ScenarioInput;
}

const anyRange = (o: object | undefined) => {
  if (o !== undefined) for (const key in o) if (isRange((o as Record<string, Uncertain>)[key])) return true;
  return false;
};

/** Whether any input of the scenario is a range. */
export function hasRanges(s: UncertainScenario): boolean {
  return (
    anyRange(s.customerValue) ||
    isRange(s.newCustomerValue) ||
    anyRange(s.loyalty) ||
    anyRange(s.wordOfMouth) ||
    anyRange(s.finance) ||
    s.problems.some((p) => anyRange(p) || anyRange(p.loyalty)) ||
    (s.investments ?? []).some((inv) => anyRange(inv.effects) || anyRange(inv.cost))
  );
}
