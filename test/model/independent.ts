// A second, deliberately plain implementation of the method (MODEL.md §2–3 and §8), written from the page and not
// from src/: the damage of each problem, the worth of each investment, the tornado, break-even by bisection, IRR by
// bisection, and a Monte Carlo sampler of its own. Slow and obvious on purpose: tests hold the model to it.
import type {
  Distribution,
  Effects,
  InvestmentInput,
  Outcomes,
  ProblemInput,
  Range,
  ScenarioInput,
  UncertainScenario,
} from '../../src/model/types.ts';

// ---------------------------------------------------------------------------------------------------------------
// Defaults (MODEL.md §1)

export const DEFAULT_LOYALTY = { baseline: 0.85, silent: 0.09, satisfied: 0.82, mollified: 0.54, dissatisfied: 0.19 };
export const DEFAULT_WORD_OF_MOUTH = { positiveTold: 4.5, negativeTold: 10, positiveInfluence: 0.02, negativeInfluence: 0.02 };
export const DEFAULT_FINANCE = { horizonYears: 3, discountRate: 0.1, riskAdjustment: 0.1 };
const DEFAULT_VALUE_DISCOUNT_RATE = 0.1;

export const LOYALTY_KEYS = ['baseline', 'silent', 'satisfied', 'mollified', 'dissatisfied'] as const;
export const WORD_OF_MOUTH_KEYS = ['positiveTold', 'negativeTold', 'positiveInfluence', 'negativeInfluence'] as const;
type Loyalty = Record<(typeof LOYALTY_KEYS)[number], number>;

// ---------------------------------------------------------------------------------------------------------------
// Scenarios as sent: ranges, paths

export function isRange(v: unknown): v is Range {
  return typeof v === 'object' && v !== null && 'likely' in v && 'low' in v && 'high' in v;
}

/** A deep copy with every range replaced by its likely value, and the simulation and sensitivity settings left out. */
export function likelyScenario(sent: UncertainScenario): ScenarioInput {
  const walk = (v: unknown): unknown => {
    if (isRange(v)) return v.likely;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, x] of Object.entries(v)) if (x !== undefined) out[key] = walk(x);
      return out;
    }
    return v;
  };
  const { simulation: _simulation, sensitivity: _sensitivity, ...rest } = sent;
  return walk(rest) as ScenarioInput;
}

/** `problems[0].loyalty.silent` → ['problems', 0, 'loyalty', 'silent']. */
function steps(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([A-Za-z]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad path ${path}`);
    out.push(m[1]!);
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

export function getPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const step of steps(path)) {
    if (node === undefined || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** A setter of the value at a path whose objects all exist: the path read once. */
export function setterOf(root: unknown, path: string): (value: number) => void {
  const s = steps(path);
  let parent = root as Record<string | number, unknown>;
  for (const step of s.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const key = s.at(-1)!;
  return (value) => {
    parent[key] = value;
  };
}

/** Sets the value at a path, making the objects on the way where they are missing. */
export function setPath(root: unknown, path: string, value: unknown): void {
  const s = steps(path);
  let node = root as Record<string | number, unknown>;
  for (const step of s.slice(0, -1)) {
    if (node[step] === undefined) node[step] = {};
    node = node[step] as Record<string | number, unknown>;
  }
  node[s.at(-1)!] = value;
}

// ---------------------------------------------------------------------------------------------------------------
// §2: the damage of one problem

export interface ProblemState {
  affected: number;
  complaintRate: number;
  outcomes: Outcomes;
  costPerComplaint: number;
  loyalty: Loyalty;
}

export interface Context {
  V: number;
  Vp: number;
  positiveTold: number;
  negativeTold: number;
  positiveInfluence: number;
  negativeInfluence: number;
}

export interface DamageFigures {
  affected: number;
  complainants: number;
  silent: number;
  satisfiedComplainants: number;
  mollifiedComplainants: number;
  dissatisfiedComplainants: number;
  customersLost: number;
  directRevenueAtRisk: number;
  negativeListeners: number;
  positiveListeners: number;
  prospectsLost: number;
  prospectsWon: number;
  wordOfMouthRevenueAtRisk: number;
  serviceCost: number;
  totalAnnualDamage: number;
  /** The size of the terms the damage is a sum of: how much rounding its figures may carry. */
  magnitude: number;
}

export function lifetimeValueOf(s: ScenarioInput): number {
  const cv = s.customerValue;
  if (cv.lifetimeValue !== undefined) return cv.lifetimeValue;
  const r = cv.retentionRate!;
  const d = cv.discountRate ?? DEFAULT_VALUE_DISCOUNT_RATE;
  return (cv.annualRevenue! * cv.grossMargin! * r) / (1 + d - r);
}

export function contextOf(s: ScenarioInput): Context {
  const V = lifetimeValueOf(s);
  const w = s.wordOfMouth ?? {};
  return {
    V,
    Vp: s.newCustomerValue === undefined ? V : s.newCustomerValue,
    positiveTold: w.positiveTold ?? DEFAULT_WORD_OF_MOUTH.positiveTold,
    negativeTold: w.negativeTold ?? DEFAULT_WORD_OF_MOUTH.negativeTold,
    positiveInfluence: w.positiveInfluence ?? DEFAULT_WORD_OF_MOUTH.positiveInfluence,
    negativeInfluence: w.negativeInfluence ?? DEFAULT_WORD_OF_MOUTH.negativeInfluence,
  };
}

export function loyaltyOf(s: ScenarioInput, p: ProblemInput): Loyalty {
  const out = { ...DEFAULT_LOYALTY };
  for (const key of LOYALTY_KEYS) {
    const own = p.loyalty?.[key];
    const wide = s.loyalty?.[key];
    if (own !== undefined) out[key] = own;
    else if (wide !== undefined) out[key] = wide;
  }
  return out;
}

export function stateOf(s: ScenarioInput, p: ProblemInput): ProblemState {
  let affected: number;
  if (p.prevalence !== undefined) affected = s.customers * p.prevalence;
  else if (p.affectedCustomers !== undefined) affected = p.affectedCustomers;
  else affected = p.complaintsPerYear! / p.complaintRate;
  return { affected, complaintRate: p.complaintRate, outcomes: p.outcomes, costPerComplaint: p.costPerComplaint ?? 0, loyalty: loyaltyOf(s, p) };
}

export function damageOf(p: ProblemState, c: Context): DamageFigures {
  const L = p.loyalty;
  const b = L.baseline;
  const A = p.affected;
  const K = A * p.complaintRate;
  const S = A - K;
  const Ksat = K * p.outcomes.satisfied;
  const Kmol = K * p.outcomes.mollified;
  const Kdis = K * p.outcomes.dissatisfied;
  const customersLost = S * (b - L.silent) + Ksat * (b - L.satisfied) + Kmol * (b - L.mollified) + Kdis * (b - L.dissatisfied);
  const directRevenueAtRisk = customersLost * c.V;
  const negativeListeners = (S + Kdis) * c.negativeTold;
  const positiveListeners = Ksat * c.positiveTold;
  const prospectsLost = negativeListeners * c.negativeInfluence;
  const prospectsWon = positiveListeners * c.positiveInfluence;
  const wordOfMouthRevenueAtRisk = (prospectsLost - prospectsWon) * c.Vp;
  const serviceCost = K * p.costPerComplaint;
  const totalAnnualDamage = directRevenueAtRisk + wordOfMouthRevenueAtRisk + serviceCost;
  const magnitude =
    Math.abs(A) *
    (2 * Math.abs(c.V) + Math.abs(c.Vp) * (c.negativeTold * c.negativeInfluence + c.positiveTold * c.positiveInfluence + 1) + p.costPerComplaint + 1);
  return {
    affected: A,
    complainants: K,
    silent: S,
    satisfiedComplainants: Ksat,
    mollifiedComplainants: Kmol,
    dissatisfiedComplainants: Kdis,
    customersLost,
    directRevenueAtRisk,
    negativeListeners,
    positiveListeners,
    prospectsLost,
    prospectsWon,
    wordOfMouthRevenueAtRisk,
    serviceCost,
    totalAnnualDamage,
    magnitude,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// §3: what an investment is worth

/** The problem with one investment's effects applied; the affected count was fixed from the problem's own inputs. */
export function withEffects(p: ProblemState, e: Effects): ProblemState {
  return {
    ...p,
    affected: p.affected * (1 - (e.prevalenceReduction ?? 0)),
    complaintRate: Math.min(1, p.complaintRate * (e.complaintRateMultiplier ?? 1)),
    outcomes: e.outcomes ?? p.outcomes,
    costPerComplaint: p.costPerComplaint * (1 - (e.costPerComplaintReduction ?? 0)),
  };
}

export function targetsOf(s: ScenarioInput, inv: InvestmentInput): number[] {
  if (inv.problems === 'all') return s.problems.map((_, i) => i);
  return inv.problems.map((id) => s.problems.findIndex((p) => p.id === id));
}

export function financeOf(s: ScenarioInput) {
  return {
    horizonYears: s.finance?.horizonYears ?? DEFAULT_FINANCE.horizonYears,
    discountRate: s.finance?.discountRate ?? DEFAULT_FINANCE.discountRate,
    riskAdjustment: s.finance?.riskAdjustment ?? DEFAULT_FINANCE.riskAdjustment,
  };
}

export interface InvestmentWorth {
  annualBenefit: number;
  riskAdjustedAnnualBenefit: number;
  benefits: number[];
  pvBenefits: number;
  pvCosts: number;
  npv: number;
  roi: number | null;
  paybackMonths: number | null;
  /** A month's cumulative net came within rounding of 0: the payback month is not certain to the month. */
  paybackTight: boolean;
  costOfDelayPerMonth: number;
  /** Year 0 … H: −upfront, then benefit_t − annual. */
  flows: number[];
  /** The size of the terms npv is a difference of. */
  scale: number;
}

export function worthOf(s: ScenarioInput, k: number, before?: DamageFigures[]): InvestmentWorth {
  const inv = s.investments![k]!;
  const c = contextOf(s);
  const f = financeOf(s);
  const H = f.horizonYears;
  let annualBenefit = 0;
  let magnitude = 0;
  for (const i of targetsOf(s, inv)) {
    const state = stateOf(s, s.problems[i]!);
    const d0 = before?.[i] ?? damageOf(state, c);
    const d1 = damageOf(withEffects(state, inv.effects), c);
    annualBenefit += d0.totalAnnualDamage - d1.totalAnnualDamage;
    magnitude += d0.magnitude + d1.magnitude;
  }
  const B = annualBenefit * (1 - f.riskAdjustment);
  const ramp = inv.rampUp ?? [1];
  const upfront = inv.cost.upfront ?? 0;
  const annual = inv.cost.annual ?? 0;
  const benefits: number[] = [];
  let pvBenefits = 0;
  let pvCosts = upfront;
  for (let t = 1; t <= H; t++) {
    const share = ramp[Math.min(t - 1, ramp.length - 1)]!;
    const benefit = B * share;
    benefits.push(benefit);
    pvBenefits += benefit / (1 + f.discountRate) ** t;
    pvCosts += annual / (1 + f.discountRate) ** t;
  }
  const npv = pvBenefits - pvCosts;
  const flows = [-upfront, ...benefits.map((b) => b - annual)];
  const scale = magnitude * H + upfront + annual * H + 1;
  // Payback: the first whole month at which the undiscounted cumulative net reaches 0.
  let paybackMonths: number | null = null;
  let paybackTight = false;
  if (upfront === 0 && benefits[0]! - annual > 0) paybackMonths = 0;
  let cumulative = -upfront;
  for (let t = 0; t < H; t++) {
    for (let month = 1; month <= 12; month++) {
      cumulative += (benefits[t]! - annual) / 12;
      if (Math.abs(cumulative) <= 1e-8 * scale) paybackTight = true;
      if (paybackMonths === null && cumulative >= 0) paybackMonths = t * 12 + month;
    }
  }
  if (upfront === 0 && Math.abs(benefits[0]! - annual) <= 1e-8 * scale) paybackTight = true;
  return {
    annualBenefit,
    riskAdjustedAnnualBenefit: B,
    benefits,
    pvBenefits,
    pvCosts,
    npv,
    roi: pvCosts === 0 ? null : npv / pvCosts,
    paybackMonths,
    paybackTight,
    costOfDelayPerMonth: (benefits[0]! - annual) / 12,
    flows,
    scale,
  };
}

export interface Evaluation {
  /** In the scenario's order. */
  problems: DamageFigures[];
  totalAnnualDamage: number;
  /** D⁺-based shares (§2), by the scenario's order: null for problems that do no damage. */
  shares: (number | null)[];
  investments: InvestmentWorth[];
}

export function evaluatePoint(s: ScenarioInput): Evaluation {
  const c = contextOf(s);
  const problems = s.problems.map((p) => damageOf(stateOf(s, p), c));
  let totalAnnualDamage = 0;
  let positive = 0;
  for (const d of problems) {
    totalAnnualDamage += d.totalAnnualDamage;
    if (d.totalAnnualDamage > 0) positive += d.totalAnnualDamage;
  }
  const shares = problems.map((d) => (positive > 0 && d.totalAnnualDamage > 0 ? d.totalAnnualDamage / positive : null));
  return { problems, totalAnnualDamage, shares, investments: (s.investments ?? []).map((_, k) => worthOf(s, k, problems)) };
}

// ---------------------------------------------------------------------------------------------------------------
// §8: IRR, by bisection in x = 1 / (1 + r)

/** How often the sign changes along the flows, zero flows left out. */
export function signChanges(flows: readonly number[]): number {
  let changes = 0;
  let last = 0;
  for (const f of flows) {
    if (f === 0) continue;
    if (last !== 0 && Math.sign(f) !== last) changes++;
    last = Math.sign(f);
  }
  return changes;
}

export function irrOf(flows: readonly number[]): number | null {
  if (signChanges(flows) !== 1) return null;
  // P(x) = Σ flow_t · x^t has exactly one positive root (Descartes); near x = 0 it has the sign of the first non-zero flow.
  const P = (x: number) => flows.reduce((sum, f, t) => sum + f * x ** t, 0);
  const start = Math.sign(flows.find((f) => f !== 0)!);
  let lo = 0;
  let hi = 1;
  while (Math.sign(P(hi)) === start) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return null;
  }
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const v = P(mid);
    if (v === 0) {
      lo = hi = mid;
      break;
    }
    if (Math.sign(v) === start) lo = mid;
    else hi = mid;
  }
  const x = (lo + hi) / 2;
  return 1 / x - 1;
}

// ---------------------------------------------------------------------------------------------------------------
// §8: break-even, by bisection within the legal range

export interface BreakEvenFound {
  field: string;
  value: number;
  breakEven: number | null;
  /** Points of the legal range where npv is 0 within rounding: a root there, or none, are both honest answers. */
  soft: number[];
  /** npv hardly moves with the input over its range: where its root lies is not determined by the figures. */
  flat: boolean;
}

const EFFECT_SCALARS = ['prevalenceReduction', 'complaintRateMultiplier', 'costPerComplaintReduction'] as const;

/** Bisection of f on [lo, hi], f(lo) and f(hi) of opposite signs, to 1e-13 relative. */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  const sLo = Math.sign(f(lo));
  for (let i = 0; i < 400; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi || hi - lo <= 1e-13 * Math.max(Math.abs(lo), Math.abs(hi))) break;
    const v = f(mid);
    if (v === 0) return mid;
    if (Math.sign(v) === sLo) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

/** Investment k's npv in a copy of the point scenario with one input set. */
function npvWith(s: ScenarioInput, field: string, k: number): (x: number) => { npv: number; scale: number } {
  const copy = structuredClone(s);
  return (x) => {
    setPath(copy, field, x);
    const w = worthOf(copy, k);
    return { npv: w.npv, scale: w.scale };
  };
}

/**
 * Each break-even of investment k (§8): its given effect scalars, its upfront and annual costs, and the lifetime value
 * when given as such, in that order. `s` is the scenario at its likely values.
 */
export function breakEvensOf(s: ScenarioInput, k: number): BreakEvenFound[] {
  const inv = s.investments![k]!;
  const fields: { field: string; value: number; share: boolean; multiplier: boolean }[] = [];
  for (const name of EFFECT_SCALARS) {
    const v = inv.effects[name];
    if (v !== undefined) {
      fields.push({
        field: `investments[${k}].effects.${name}`,
        value: v,
        share: name !== 'complaintRateMultiplier',
        multiplier: name === 'complaintRateMultiplier',
      });
    }
  }
  fields.push({ field: `investments[${k}].cost.upfront`, value: inv.cost.upfront ?? 0, share: false, multiplier: false });
  fields.push({ field: `investments[${k}].cost.annual`, value: inv.cost.annual ?? 0, share: false, multiplier: false });
  if (s.customerValue.lifetimeValue !== undefined) {
    fields.push({ field: 'customerValue.lifetimeValue', value: s.customerValue.lifetimeValue, share: false, multiplier: false });
  }
  return fields.map(({ field, value, share, multiplier }) => {
    const at = npvWith(s, field, k);
    const soft: number[] = [];
    const noise = (x: number) => 1e-9 * at(x).scale;
    const f = (x: number) => at(x).npv;
    const check = (x: number) => {
      const r = at(x);
      if (Math.abs(r.npv) <= 1e-9 * r.scale) soft.push(x);
      return r.npv;
    };
    if (multiplier) {
      // Piecewise affine, kinks where a targeted problem's complaint rate reaches 1: the smallest root in [0, ∞).
      const kinks = [...new Set(targetsOf(s, inv).map((i) => 1 / s.problems[i]!.complaintRate))].sort((a, b) => a - b);
      const points = [0, ...kinks];
      const values = points.map(check);
      const flat = values.every((v) => Math.abs(v - values[0]!) <= noise(0));
      for (let j = 0; j < points.length; j++) {
        if (values[j] === 0) return { field, value, breakEven: points[j]!, soft, flat };
        if (j + 1 < points.length && Math.sign(values[j]!) !== Math.sign(values[j + 1]!) && values[j + 1] !== 0) {
          return { field, value, breakEven: bisect(f, points[j]!, points[j + 1]!), soft, flat };
        }
      }
      return { field, value, breakEven: null, soft, flat };
    }
    // Affine: the root is unique where there is one.
    const atLikely = check(value);
    const atZero = check(0);
    if (share) {
      const atOne = check(1);
      const flat = Math.abs(atOne - atZero) <= noise(0) + noise(1);
      if (atLikely === 0) return { field, value, breakEven: value, soft, flat };
      if (atZero === 0) return { field, value, breakEven: 0, soft, flat };
      if (atOne === 0) return { field, value, breakEven: 1, soft, flat };
      if (Math.sign(atZero) === Math.sign(atOne)) return { field, value, breakEven: null, soft, flat };
      return { field, value, breakEven: bisect(f, 0, 1), soft, flat };
    }
    // Money, 0 to no upper bound: look further out while the sign holds and npv comes closer to 0 (or has not yet
    // moved beyond rounding).
    let far = Math.max(1, 2 * value);
    let atFar = check(far);
    const moved = () => Math.abs(atFar - atZero) > noise(0) + noise(far);
    while (far < Number.MAX_VALUE && atFar !== 0 && Math.sign(atFar) === Math.sign(atZero) && (Math.abs(atFar) < Math.abs(atZero) || !moved())) {
      far = Math.min(far * 16, Number.MAX_VALUE);
      atFar = check(far);
      // Figures overflow before npv turns: where the root lies is beyond what doubles can say.
      if (!Number.isFinite(atFar)) return { field, value, breakEven: null, soft, flat: true };
    }
    const flat = !moved();
    if (atLikely === 0) return { field, value, breakEven: value, soft, flat };
    if (atZero === 0) return { field, value, breakEven: 0, soft, flat };
    if (atFar === 0) return { field, value, breakEven: far, soft, flat };
    if (Math.sign(atFar) === Math.sign(atZero)) return { field, value, breakEven: null, soft, flat };
    return { field, value, breakEven: bisect(f, 0, far), soft, flat };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// §8: the tornado

export interface Entry {
  field: string;
  low: number;
  high: number;
  figureAtLow: number;
  figureAtHigh: number;
  swing: number;
  /** The size of the terms the figure is a difference of, at either end: how much rounding it may carry. */
  scale: number;
}

type Scope = { kind: 'scenario'; damage: boolean } | { kind: 'problem'; i: number } | { kind: 'investment'; k: number };

export interface SweptInput {
  path: string;
  likely: number;
  range?: Range;
  /** A swing moves it when it has no range. */
  swingable: boolean;
  /** Its legal values, the others at likely. */
  min: number;
  max: number;
  scope: Scope;
}

/** The rangeable inputs that have a value in the scenario (given or defaulted), as §6 and §8 list them. */
export function rangeableInputs(sent: UncertainScenario): SweptInput[] {
  const s = likelyScenario(sent);
  const N = s.customers;
  const out: SweptInput[] = [];
  const add = (path: string, fallback: number | undefined, min: number, max: number, scope: Scope, swingable = true) => {
    const v = getPath(sent, path);
    if (v === undefined && fallback === undefined) return;
    const input: SweptInput = { path, likely: v === undefined ? fallback! : isRange(v) ? v.likely : (v as number), swingable, min, max, scope };
    if (isRange(v)) input.range = v;
    out.push(input);
  };
  const wide = { kind: 'scenario', damage: true } as const;
  const INF = Number.POSITIVE_INFINITY;
  add('customerValue.lifetimeValue', undefined, 0, INF, wide);
  add('customerValue.annualRevenue', undefined, 0, INF, wide);
  add('customerValue.grossMargin', undefined, 0, 1, wide);
  add('customerValue.retentionRate', undefined, 0, 1, wide, false);
  add('customerValue.discountRate', undefined, 0, 1, wide, false);
  // A defaulted newCustomerValue is no input of its own: it follows the lifetime value.
  add('newCustomerValue', undefined, 0, INF, wide);
  for (const key of LOYALTY_KEYS) add(`loyalty.${key}`, DEFAULT_LOYALTY[key], 0, 1, wide);
  add('wordOfMouth.positiveTold', DEFAULT_WORD_OF_MOUTH.positiveTold, 0, INF, wide);
  add('wordOfMouth.negativeTold', DEFAULT_WORD_OF_MOUTH.negativeTold, 0, INF, wide);
  add('wordOfMouth.positiveInfluence', DEFAULT_WORD_OF_MOUTH.positiveInfluence, 0, 1, wide);
  add('wordOfMouth.negativeInfluence', DEFAULT_WORD_OF_MOUTH.negativeInfluence, 0, 1, wide);
  add('finance.discountRate', DEFAULT_FINANCE.discountRate, 0, 1, { kind: 'scenario', damage: false });
  add('finance.riskAdjustment', DEFAULT_FINANCE.riskAdjustment, 0, 1, { kind: 'scenario', damage: false }, false);
  s.problems.forEach((p, i) => {
    const scope = { kind: 'problem', i } as const;
    const at = `problems[${i}]`;
    add(`${at}.prevalence`, undefined, 0, 1, scope);
    add(`${at}.affectedCustomers`, undefined, 0, N, scope);
    add(`${at}.complaintsPerYear`, undefined, 0, N * p.complaintRate, scope);
    add(`${at}.complaintRate`, undefined, p.complaintsPerYear === undefined ? 0 : p.complaintsPerYear / N, 1, scope);
    add(`${at}.costPerComplaint`, 0, 0, INF, scope);
    for (const key of LOYALTY_KEYS) add(`${at}.loyalty.${key}`, undefined, 0, 1, scope);
  });
  (s.investments ?? []).forEach((_, k) => {
    const scope = { kind: 'investment', k } as const;
    const at = `investments[${k}]`;
    add(`${at}.effects.prevalenceReduction`, undefined, 0, 1, scope);
    add(`${at}.effects.complaintRateMultiplier`, undefined, 0, INF, scope);
    add(`${at}.effects.costPerComplaintReduction`, undefined, 0, 1, scope);
    add(`${at}.cost.upfront`, 0, 0, INF, scope);
    add(`${at}.cost.annual`, 0, 0, INF, scope);
  });
  return out;
}

/** Sorted by swing, largest first; swings within 1e-9 of the largest of their run are ties, by field path (code units). */
export function rankEntries(entries: Entry[], top: number): Entry[] {
  const kept = entries.filter((e) => e.swing > 1e-12 * Math.max(Math.abs(e.figureAtLow), Math.abs(e.figureAtHigh)));
  const bySwing = [...kept].sort((a, b) => b.swing - a.swing);
  const out: Entry[] = [];
  let i = 0;
  while (i < bySwing.length) {
    const head = bySwing[i]!.swing;
    let j = i;
    while (j < bySwing.length && head - bySwing[j]!.swing <= 1e-9 * head) j++;
    out.push(...bySwing.slice(i, j).sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)));
    i = j;
  }
  return out.slice(0, top);
}

export interface TornadoFound {
  /** In the scenario's order of investments. */
  investments: Entry[][];
  totalAnnualDamage: Entry[];
  /** Every entry before ranking, for tolerant comparisons. */
  allInvestments: Entry[][];
  allTotal: Entry[];
}

/** The tornado of §8, each figure computed again from the whole scenario at each end of each swept input. */
export function tornadoOf(sent: UncertainScenario, swing: number | undefined, top: number): TornadoFound {
  const s = likelyScenario(sent);
  const investments = s.investments ?? [];
  const allInvestments: Entry[][] = investments.map(() => []);
  const allTotal: Entry[] = [];
  for (const input of rangeableInputs(sent)) {
    let low: number;
    let high: number;
    if (input.range) [low, high] = [input.range.low, input.range.high];
    else if (swing !== undefined && input.swingable) {
      low = Math.min(Math.max(input.likely * (1 - swing), input.min), input.max);
      high = Math.min(Math.max(input.likely * (1 + swing), input.min), input.max);
    } else continue;
    const at = (x: number) => {
      const copy = structuredClone(s);
      setPath(copy, input.path, x);
      return evaluatePoint(copy);
    };
    const a = at(low);
    const b = at(high);
    const scope = input.scope;
    investments.forEach((inv, k) => {
      const concerned =
        scope.kind === 'scenario' ||
        (scope.kind === 'problem' && targetsOf(s, inv).includes(scope.i)) ||
        (scope.kind === 'investment' && scope.k === k);
      if (!concerned) return;
      const fl = a.investments[k]!.npv;
      const fh = b.investments[k]!.npv;
      const scale = Math.max(a.investments[k]!.scale, b.investments[k]!.scale);
      allInvestments[k]!.push({ field: input.path, low, high, figureAtLow: fl, figureAtHigh: fh, swing: Math.abs(fh - fl), scale });
    });
    if ((scope.kind === 'scenario' && scope.damage) || scope.kind === 'problem') {
      const fl = a.totalAnnualDamage;
      const fh = b.totalAnnualDamage;
      const magnitude = (e: Evaluation) => e.problems.reduce((sum, d) => sum + d.magnitude, 0);
      allTotal.push({
        field: input.path,
        low,
        high,
        figureAtLow: fl,
        figureAtHigh: fh,
        swing: Math.abs(fh - fl),
        scale: Math.max(magnitude(a), magnitude(b)),
      });
    }
  }
  return {
    investments: allInvestments.map((list) => rankEntries(list, top)),
    totalAnnualDamage: rankEntries(allTotal, top),
    allInvestments,
    allTotal,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// §6–7: a Monte Carlo of its own

/** mulberry32: a small seeded generator of uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Beta(α, β) for α, β ≥ 1 by plain rejection under the flat envelope at its mode: x uniform on [0, 1], kept with
 * probability g(x) / g(mode), g(x) = x^(α−1)·(1 − x)^(β−1).
 */
export function betaByRejection(alpha: number, beta: number, u: () => number): number {
  const g = (x: number) => x ** (alpha - 1) * (1 - x) ** (beta - 1);
  const top = alpha + beta > 2 ? g((alpha - 1) / (alpha + beta - 2)) : 1;
  for (;;) {
    const x = u();
    if (u() * top <= g(x)) return x;
  }
}

export function pertShape(a: number, m: number, c: number): [number, number] {
  return [1 + (4 * (m - a)) / (c - a), 1 + (4 * (c - m)) / (c - a)];
}

/** One draw of a range (§6). */
export function drawRange(r: Range, u: () => number): number {
  const { low: a, likely: m, high: c } = r;
  if (a === c) return a;
  const d: Distribution = r.distribution ?? 'pert';
  if (d === 'uniform') return a + (c - a) * u();
  if (d === 'triangular') {
    const p = u();
    const split = (m - a) / (c - a);
    return p < split ? a + Math.sqrt(p * (c - a) * (m - a)) : c - Math.sqrt((1 - p) * (c - a) * (c - m));
  }
  const [alpha, beta] = pertShape(a, m, c);
  return a + (c - a) * betaByRejection(alpha, beta, u);
}

/** The mean of a range's distribution. */
export function rangeMean(r: Range): number {
  const { low: a, likely: m, high: c } = r;
  const d = r.distribution ?? 'pert';
  if (d === 'uniform') return (a + c) / 2;
  if (d === 'triangular') return (a + m + c) / 3;
  return (a + 4 * m + c) / 6;
}

/** The variance of a range's distribution. */
export function rangeVariance(r: Range): number {
  const { low: a, likely: m, high: c } = r;
  const d = r.distribution ?? 'pert';
  if (d === 'uniform') return (c - a) ** 2 / 12;
  if (d === 'triangular') return (a * a + m * m + c * c - a * m - a * c - m * c) / 18;
  const [alpha, beta] = pertShape(a, m, c);
  return ((c - a) ** 2 * alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
}

/** The density of a range's distribution at x (x inside [low, high], low < high). */
export function rangeDensity(r: Range, x: number): number {
  const { low: a, likely: m, high: c } = r;
  const d = r.distribution ?? 'pert';
  if (d === 'uniform') return 1 / (c - a);
  if (d === 'triangular') return x <= m ? (2 * (x - a)) / ((c - a) * (m - a)) : (2 * (c - x)) / ((c - a) * (c - m));
  const [alpha, beta] = pertShape(a, m, c);
  const t = (x - a) / (c - a);
  const norm = simpson((y) => y ** (alpha - 1) * (1 - y) ** (beta - 1), 0, 1, 4000);
  return (t ** (alpha - 1) * (1 - t) ** (beta - 1)) / norm / (c - a);
}

function simpson(g: (x: number) => number, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let sum = g(a) + g(b);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * g(a + i * h);
  return (sum * h) / 3;
}

/** The q-quantile of a range's distribution: closed forms for uniform and triangular, the PERT by integrating its density. */
export function rangeQuantile(r: Range, q: number): number {
  const { low: a, likely: m, high: c } = r;
  const d = r.distribution ?? 'pert';
  if (a === c) return a;
  if (d === 'uniform') return a + q * (c - a);
  if (d === 'triangular') {
    const split = (m - a) / (c - a);
    return q < split ? a + Math.sqrt(q * (c - a) * (m - a)) : c - Math.sqrt((1 - q) * (c - a) * (c - m));
  }
  const [alpha, beta] = pertShape(a, m, c);
  const density = (y: number) => y ** (alpha - 1) * (1 - y) ** (beta - 1);
  const norm = simpson(density, 0, 1, 4000);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (simpson(density, 0, mid, 2000) / norm < q) lo = mid;
    else hi = mid;
  }
  return a + ((lo + hi) / 2) * (c - a);
}

/** Excel PERCENTILE.INC of sorted values: position h = (S − 1)·q, interpolated between ⌊h⌋ and ⌈h⌉. */
export function percentileInc(sorted: readonly number[] | Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface SpreadFound {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export function spreadOf(values: readonly number[]): SpreadFound {
  const sorted = Float64Array.from(values).sort();
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, p10: percentileInc(sorted, 0.1), p50: percentileInc(sorted, 0.5), p90: percentileInc(sorted, 0.9) };
}

export interface MonteCarloFound {
  problems: number[][];
  total: number[];
  npv: number[][];
}

/** Each sample draws every ranged input of the scenario independently and evaluates §2–3 with the drawn values. */
export function monteCarlo(sent: UncertainScenario, samples: number, seed: number): MonteCarloFound {
  const s = likelyScenario(sent);
  const ranged = rangeableInputs(sent).filter((i) => i.range !== undefined);
  const u = mulberry32(seed);
  const out: MonteCarloFound = { problems: s.problems.map(() => []), total: [], npv: (s.investments ?? []).map(() => []) };
  const setters = ranged.map((input) => setterOf(s, input.path));
  for (let n = 0; n < samples; n++) {
    ranged.forEach((input, j) => {
      setters[j]!(drawRange(input.range!, u));
    });
    const e = evaluatePoint(s);
    e.problems.forEach((d, i) => {
      out.problems[i]!.push(d.totalAnnualDamage);
    });
    out.total.push(e.totalAnnualDamage);
    e.investments.forEach((w, k) => {
      out.npv[k]!.push(w.npv);
    });
  }
  return out;
}
