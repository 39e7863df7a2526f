// The business case in struct-of-arrays form, for the figures a simulation or a tornado computes thousands of times:
// each problem's damage, each investment's npv and the total damage, from inputs that change one at a time or all at
// once. The same arithmetic as `evaluate` (the method's damage and investment formulas), arranged so that one
// problem costs a few multiplications: every damage term is proportional to the affected count, and, per affected
// customer, affine in the complaint rate. Tests hold it to `evaluate` on generated scenarios.
import { LOYALTY, OTHER } from '../defaults.ts';
import { lifetimeValue } from '../lifetime-value.ts';
import type { Resolved } from '../resolve.ts';
import type { ScenarioInput } from '../types.ts';
import { type Input, LOYALTY_KEYS, type LoyaltyKey, type Slot } from './inputs.ts';

/** What to recompute when a given set of inputs changes. */
export interface Plan {
  all: boolean;
  problems: Uint8Array;
  pairs: number[];
}

const SCENARIO_SLOTS = [
  'lifetimeValue',
  'annualRevenue',
  'grossMargin',
  'retentionRate',
  'valueDiscountRate',
  'newCustomerValue',
  'positiveTold',
  'negativeTold',
  'positiveInfluence',
  'negativeInfluence',
  'discountRate',
  'riskAdjustment',
] as const;
type ScenarioSlot = (typeof SCENARIO_SLOTS)[number];
const [LIFETIME_VALUE, ANNUAL_REVENUE, GROSS_MARGIN, RETENTION_RATE, VALUE_DISCOUNT_RATE, NEW_CUSTOMER_VALUE] = [0, 1, 2, 3, 4, 5];
const [POSITIVE_TOLD, NEGATIVE_TOLD, POSITIVE_INFLUENCE, NEGATIVE_INFLUENCE, DISCOUNT_RATE, RISK_ADJUSTMENT] = [6, 7, 8, 9, 10, 11];

export class Kernel {
  readonly problems: number;
  readonly investments: number;
  // Scenario-wide inputs.
  private customers: number;
  private lifetimeValueGiven: boolean;
  private newCustomerValueGiven: boolean;
  /** The scenario-wide inputs, in SCENARIO_SLOTS' order. */
  private scenario = new Float64Array(SCENARIO_SLOTS.length);
  /** The scenario's loyalty rates, each in an array of one. */
  private loyalty: Record<LoyaltyKey, Float64Array>;
  private horizon: number;
  // Each problem: how its affected count is stated (0 share, 1 count, 2 complaints), the value it is stated by.
  private stated: Uint8Array;
  private statedValue: Float64Array;
  private complaintRate: Float64Array;
  private cost: Float64Array;
  private satisfied: Float64Array;
  private mollified: Float64Array;
  private dissatisfied: Float64Array;
  /** Each problem's own loyalty rates, where given (NaN where not). */
  private ownLoyalty: Record<LoyaltyKey, Float64Array>;
  // Each investment.
  private reduction: Float64Array;
  private multiplier: Float64Array;
  private costReduction: Float64Array;
  private hasOutcomes: Uint8Array;
  private satisfiedAfter: Float64Array;
  private mollifiedAfter: Float64Array;
  private dissatisfiedAfter: Float64Array;
  private upfront: Float64Array;
  private annual: Float64Array;
  private ramp: Float64Array;
  // Problem–investment pairs, by investment (pairStart[k] … pairStart[k + 1]), and each problem's pairs.
  private pairProblem: Int32Array;
  private pairInvestment: Int32Array;
  private pairStart: Int32Array;
  private problemPairs: Int32Array;
  private problemPairStart: Int32Array;
  // Derived figures.
  private V = 0;
  private Vp = 0;
  /** positiveTold × positiveInfluence, negativeTold × negativeInfluence, 1 − riskAdjustment. */
  private positiveWord = 0;
  private negativeWord = 0;
  private kept = 1;
  private scenarioRate = {} as Record<LoyaltyKey, number>;
  private annuity = 0;
  /** Per investment: Σ_t ramp_t / (1 + i)^t, the pv of one unit of annual benefit before risk. */
  private rampFactor: Float64Array;
  private affected: Float64Array;
  /** Per problem and affected customer: damage = α + complaintRate · β(outcomes, cost). */
  private alpha: Float64Array;
  private lossSilent: Float64Array;
  private lossSatisfied: Float64Array;
  private lossMollified: Float64Array;
  private lossDissatisfied: Float64Array;
  private pairBenefit: Float64Array;
  /** Per problem, damage per affected customer; per pair, the same after the investment (before the share prevented). */
  private perCustomer: Float64Array;
  private pairPerCustomer: Float64Array;
  private factors: Float64Array;
  readonly damage: Float64Array;
  readonly npv: Float64Array;
  /** Each investment's stand-alone annual benefit. */
  readonly benefit: Float64Array;
  total = 0;

  constructor(s: ScenarioInput, r: Resolved) {
    const n = r.problems.length;
    const m = r.investments.length;
    this.problems = n;
    this.investments = m;
    this.customers = s.customers;
    this.lifetimeValueGiven = r.lifetimeValueGiven;
    this.newCustomerValueGiven = !r.newCustomerValueFollows;
    const g = this.scenario;
    g[LIFETIME_VALUE] = r.lifetimeValue;
    g[NEW_CUSTOMER_VALUE] = r.newCustomerValue;
    this.loyalty = Object.fromEntries(LOYALTY_KEYS.map((key) => [key, Float64Array.of(s.loyalty?.[key] ?? LOYALTY[key].value)])) as Record<
      LoyaltyKey,
      Float64Array
    >;
    g[POSITIVE_TOLD] = r.wordOfMouth.positiveTold;
    g[NEGATIVE_TOLD] = r.wordOfMouth.negativeTold;
    g[POSITIVE_INFLUENCE] = r.wordOfMouth.positiveInfluence;
    g[NEGATIVE_INFLUENCE] = r.wordOfMouth.negativeInfluence;
    g[DISCOUNT_RATE] = r.finance.discountRate;
    g[RISK_ADJUSTMENT] = r.finance.riskAdjustment;
    this.horizon = r.finance.horizonYears;

    this.stated = new Uint8Array(n);
    this.statedValue = new Float64Array(n);
    this.complaintRate = new Float64Array(n);
    this.cost = new Float64Array(n);
    this.satisfied = new Float64Array(n);
    this.mollified = new Float64Array(n);
    this.dissatisfied = new Float64Array(n);
    this.ownLoyalty = Object.fromEntries(LOYALTY_KEYS.map((k) => [k, new Float64Array(n).fill(Number.NaN)])) as Record<LoyaltyKey, Float64Array>;
    s.problems.forEach((p, i) => {
      const q = r.problems[i]!;
      this.stated[i] = p.prevalence !== undefined ? 0 : p.affectedCustomers !== undefined ? 1 : 2;
      this.statedValue[i] = p.prevalence ?? p.affectedCustomers ?? p.complaintsPerYear ?? 0;
      this.complaintRate[i] = q.complaintRate;
      this.cost[i] = q.costPerComplaint;
      this.satisfied[i] = q.outcomes.satisfied;
      this.mollified[i] = q.outcomes.mollified;
      this.dissatisfied[i] = q.outcomes.dissatisfied;
      for (const key of LOYALTY_KEYS) if (p.loyalty?.[key] !== undefined) this.ownLoyalty[key][i] = p.loyalty[key];
    });
    if (!this.lifetimeValueGiven) {
      const cv = s.customerValue;
      g[ANNUAL_REVENUE] = cv.annualRevenue!;
      g[GROSS_MARGIN] = cv.grossMargin!;
      g[RETENTION_RATE] = cv.retentionRate!;
      g[VALUE_DISCOUNT_RATE] = cv.discountRate ?? OTHER.lifetimeValueDiscountRate.value;
    }

    this.reduction = new Float64Array(m);
    this.multiplier = new Float64Array(m).fill(1);
    this.costReduction = new Float64Array(m);
    this.hasOutcomes = new Uint8Array(m);
    this.satisfiedAfter = new Float64Array(m);
    this.mollifiedAfter = new Float64Array(m);
    this.dissatisfiedAfter = new Float64Array(m);
    this.upfront = new Float64Array(m);
    this.annual = new Float64Array(m);
    this.ramp = new Float64Array(m * this.horizon);
    this.pairStart = new Int32Array(m + 1);
    let pairs = 0;
    r.investments.forEach((inv, k) => {
      const e = inv.effects;
      this.reduction[k] = e.prevalenceReduction ?? 0;
      this.multiplier[k] = e.complaintRateMultiplier ?? 1;
      this.costReduction[k] = e.costPerComplaintReduction ?? 0;
      if (e.outcomes) {
        this.hasOutcomes[k] = 1;
        this.satisfiedAfter[k] = e.outcomes.satisfied;
        this.mollifiedAfter[k] = e.outcomes.mollified;
        this.dissatisfiedAfter[k] = e.outcomes.dissatisfied;
      }
      this.upfront[k] = inv.upfront;
      this.annual[k] = inv.annual;
      this.ramp.set(inv.ramp, k * this.horizon);
      this.pairStart[k] = pairs;
      pairs += inv.targets.length;
    });
    this.pairStart[m] = pairs;
    this.pairProblem = new Int32Array(pairs);
    this.pairInvestment = new Int32Array(pairs);
    const perProblem = new Int32Array(n + 1);
    r.investments.forEach((inv, k) => {
      inv.targets.forEach((i, j) => {
        this.pairProblem[this.pairStart[k]! + j] = i;
        this.pairInvestment[this.pairStart[k]! + j] = k;
        perProblem[i + 1]!++;
      });
    });
    for (let i = 0; i < n; i++) perProblem[i + 1]! += perProblem[i]!;
    this.problemPairStart = perProblem.slice();
    this.problemPairs = new Int32Array(pairs);
    const fill = perProblem.slice();
    for (let p = 0; p < pairs; p++) this.problemPairs[fill[this.pairProblem[p]!]!++] = p;

    this.rampFactor = new Float64Array(m);
    this.affected = new Float64Array(n);
    this.alpha = new Float64Array(n);
    this.lossSilent = new Float64Array(n);
    this.lossSatisfied = new Float64Array(n);
    this.lossMollified = new Float64Array(n);
    this.lossDissatisfied = new Float64Array(n);
    this.pairBenefit = new Float64Array(pairs);
    this.perCustomer = new Float64Array(n);
    this.pairPerCustomer = new Float64Array(pairs);
    this.factors = new Float64Array(this.horizon);
    this.damage = new Float64Array(n);
    this.npv = new Float64Array(m);
    this.benefit = new Float64Array(m);
  }

  /** Sets an input; `update(input)` or `updateAll()` then brings the figures up to date. */
  set(input: Input, value: number): void {
    const [array, at] = this.place(input);
    array[at] = value;
  }

  /** A setter of one input, for a loop that sets it many times. */
  setter(input: Input): (value: number) => void {
    const [array, at] = this.place(input);
    return (value) => {
      array[at] = value;
    };
  }

  /** Where an input's value is kept: an array and a position in it. */
  private place(input: Input): [Float64Array, number] {
    const i = input.problem;
    const k = input.investment;
    const slot: Slot = input.slot;
    switch (slot) {
      case 'prevalence':
      case 'affectedCustomers':
      case 'complaintsPerYear':
        return [this.statedValue, i];
      case 'complaintRate':
        return [this.complaintRate, i];
      case 'costPerComplaint':
        return [this.cost, i];
      case 'prevalenceReduction':
        return [this.reduction, k];
      case 'complaintRateMultiplier':
        return [this.multiplier, k];
      case 'costPerComplaintReduction':
        return [this.costReduction, k];
      case 'upfront':
        return [this.upfront, k];
      case 'annual':
        return [this.annual, k];
      default:
        break;
    }
    if (slot.startsWith('problemLoyalty.')) return [this.ownLoyalty[slot.slice(15) as LoyaltyKey], i];
    if (slot.startsWith('loyalty.')) return [this.loyalty[slot.slice(8) as LoyaltyKey], 0];
    return [this.scenario, SCENARIO_SLOTS.indexOf(slot as ScenarioSlot)];
  }

  /** Scenario-wide figures: the customer values, the discounting. */
  private prepare(): void {
    const g = this.scenario;
    if (!this.lifetimeValueGiven) {
      g[LIFETIME_VALUE] = lifetimeValue({
        annualRevenue: g[ANNUAL_REVENUE]!,
        grossMargin: g[GROSS_MARGIN]!,
        retentionRate: g[RETENTION_RATE]!,
        discountRate: g[VALUE_DISCOUNT_RATE]!,
      });
    }
    this.V = g[LIFETIME_VALUE]!;
    this.Vp = this.newCustomerValueGiven ? g[NEW_CUSTOMER_VALUE]! : this.V;
    this.positiveWord = g[POSITIVE_TOLD]! * g[POSITIVE_INFLUENCE]!;
    this.negativeWord = g[NEGATIVE_TOLD]! * g[NEGATIVE_INFLUENCE]!;
    this.kept = 1 - g[RISK_ADJUSTMENT]!;
    for (const key of LOYALTY_KEYS) this.scenarioRate[key] = this.loyalty[key][0]!;
    let annuity = 0;
    const H = this.horizon;
    const factors = this.factors;
    const rate = g[DISCOUNT_RATE]!;
    for (let t = 1; t <= H; t++) {
      factors[t - 1] = 1 / (1 + rate) ** t;
      annuity += factors[t - 1]!;
    }
    this.annuity = annuity;
    for (let k = 0; k < this.investments; k++) {
      let f = 0;
      for (let t = 0; t < H; t++) f += this.ramp[k * H + t]! * factors[t]!;
      this.rampFactor[k] = f;
    }
  }

  private rate(key: LoyaltyKey, i: number): number {
    const own = this.ownLoyalty[key][i]!;
    return Number.isNaN(own) ? this.scenarioRate[key] : own;
  }

  /** Problem i's damage per affected customer, as it is: everything but the affected count. */
  private unit(i: number): void {
    const b = this.rate('baseline', i);
    this.lossSilent[i] = b - this.rate('silent', i);
    this.lossSatisfied[i] = b - this.rate('satisfied', i);
    this.lossMollified[i] = b - this.rate('mollified', i);
    this.lossDissatisfied[i] = b - this.rate('dissatisfied', i);
    this.alpha[i] = this.V * this.lossSilent[i]! + this.negativeWord * this.Vp;
    this.perCustomer[i] = this.perAffected(i, this.complaintRate[i]!, this.satisfied[i]!, this.mollified[i]!, this.dissatisfied[i]!, this.cost[i]!);
  }

  /** Damage per affected customer of problem i at complaint rate c, outcome mix s/m/d and cost per complaint. */
  private perAffected(i: number, c: number, s: number, m: number, d: number, cost: number): number {
    const lost = s * this.lossSatisfied[i]! + m * this.lossMollified[i]! + d * this.lossDissatisfied[i]! - this.lossSilent[i]!;
    const word = (d - 1) * this.negativeWord - s * this.positiveWord;
    return this.alpha[i]! + c * (this.V * lost + this.Vp * word + cost);
  }

  /** The damage per affected customer left on the problem of pair p after its investment, and the share of them left. */
  private pairUnit(p: number): void {
    const i = this.pairProblem[p]!;
    const k = this.pairInvestment[p]!;
    const c = Math.min(this.complaintRate[i]! * this.multiplier[k]!, 1);
    const own = this.hasOutcomes[k] === 1;
    this.pairPerCustomer[p] = this.perAffected(
      i,
      c,
      own ? this.satisfiedAfter[k]! : this.satisfied[i]!,
      own ? this.mollifiedAfter[k]! : this.mollified[i]!,
      own ? this.dissatisfiedAfter[k]! : this.dissatisfied[i]!,
      this.cost[i]! * (1 - this.costReduction[k]!),
    );
  }

  /** Problem i's affected count and damage. */
  private scale(i: number): void {
    const stated = this.stated[i]!;
    const value = this.statedValue[i]!;
    const affected = stated === 0 ? this.customers * value : stated === 1 ? value : value / this.complaintRate[i]!;
    this.affected[i] = affected;
    this.damage[i] = affected * this.perCustomer[i]!;
  }

  /** What the investment of pair p saves on its problem. */
  private pair(p: number): void {
    const i = this.pairProblem[p]!;
    this.pairBenefit[p] = this.damage[i]! - this.affected[i]! * (1 - this.reduction[this.pairInvestment[p]!]!) * this.pairPerCustomer[p]!;
  }

  private investment(k: number): void {
    let benefit = 0;
    for (let p = this.pairStart[k]!; p < this.pairStart[k + 1]!; p++) benefit += this.pairBenefit[p]!;
    this.benefit[k] = benefit;
    this.npv[k] = benefit * this.kept * this.rampFactor[k]! - (this.upfront[k]! + this.annual[k]! * this.annuity);
  }

  private sumDamage(): void {
    let total = 0;
    for (let i = 0; i < this.problems; i++) total += this.damage[i]!;
    this.total = total;
  }

  /** Every figure, from the inputs as they now are. */
  updateAll(): void {
    this.prepare();
    for (let i = 0; i < this.problems; i++) this.unit(i);
    for (let p = 0; p < this.pairProblem.length; p++) this.pairUnit(p);
    this.rescale();
  }

  /** The figures from the per-customer damages as they are: after inputs changed that only scale them. */
  private rescale(): void {
    for (let i = 0; i < this.problems; i++) this.scale(i);
    for (let p = 0; p < this.pairProblem.length; p++) this.pair(p);
    for (let k = 0; k < this.investments; k++) this.investment(k);
    this.sumDamage();
  }

  /**
   * What `update` must redo when these inputs change together, sample after sample: scenario-wide figures always
   * (they are few); per-customer damages only of the problems and investments whose rates, costs or loyalty move.
   */
  plan(inputs: readonly Input[]): Plan {
    const plan: Plan = { all: false, problems: new Uint8Array(this.problems), pairs: [] };
    const SCALE_ONLY = new Set<Slot>([
      'prevalence',
      'affectedCustomers',
      'complaintsPerYear',
      'prevalenceReduction',
      'upfront',
      'annual',
      'discountRate',
      'riskAdjustment',
    ]);
    const investments = new Uint8Array(this.investments);
    for (const input of inputs) {
      if (SCALE_ONLY.has(input.slot)) continue;
      if (input.problem >= 0) plan.problems[input.problem] = 1;
      else if (input.investment >= 0) investments[input.investment] = 1;
      else plan.all = true;
    }
    if (!plan.all) {
      for (let p = 0; p < this.pairProblem.length; p++) {
        if (plan.problems[this.pairProblem[p]!] || investments[this.pairInvestment[p]!]) plan.pairs.push(p);
      }
    }
    return plan;
  }

  /** Every figure, after the inputs of a plan changed. */
  updatePlanned(plan: Plan): void {
    if (plan.all) {
      this.updateAll();
      return;
    }
    this.prepare();
    for (let i = 0; i < this.problems; i++) if (plan.problems[i]) this.unit(i);
    for (const p of plan.pairs) this.pairUnit(p);
    this.rescale();
  }

  /** The figures one input changes: of its problem, or its investment, or (a scenario-wide input) all. */
  update(input: Input): void {
    if (input.problem >= 0) {
      const i = input.problem;
      this.unit(i);
      this.scale(i);
      const from = this.problemPairStart[i]!;
      const to = this.problemPairStart[i + 1]!;
      for (let q = from; q < to; q++) {
        const p = this.problemPairs[q]!;
        this.pairUnit(p);
        this.pair(p);
        this.investment(this.pairInvestment[p]!);
      }
      this.sumDamage();
    } else if (input.investment >= 0) {
      const k = input.investment;
      for (let p = this.pairStart[k]!; p < this.pairStart[k + 1]!; p++) {
        this.pairUnit(p);
        this.pair(p);
      }
      this.investment(k);
    } else {
      this.updateAll();
    }
  }

  /**
   * The npv of a set of investments taken together (the method's section 9), from the figures as they now are: on
   * each problem the members' effects composed, the ramp weighted by their positive stand-alone benefits, costs added.
   * `member` marks the set by position; `problems` are the problems its members target, in order.
   */
  setNpv(set: readonly number[], member: Uint8Array, problems: readonly number[]): number {
    let total = 0;
    for (const i of problems) {
      let affected = this.affected[i]!;
      let rate = this.complaintRate[i]!;
      let cost = this.cost[i]!;
      let s = this.satisfied[i]!;
      let m = this.mollified[i]!;
      let d = this.dissatisfied[i]!;
      let replaced = false;
      for (let q = this.problemPairStart[i]!; q < this.problemPairStart[i + 1]!; q++) {
        const k = this.pairInvestment[this.problemPairs[q]!]!;
        if (!member[k]) continue;
        affected *= 1 - this.reduction[k]!;
        rate *= this.multiplier[k]!;
        cost *= 1 - this.costReduction[k]!;
        if (this.hasOutcomes[k] === 1 && (!replaced || this.satisfiedAfter[k]! > s)) {
          s = this.satisfiedAfter[k]!;
          m = this.mollifiedAfter[k]!;
          d = this.dissatisfiedAfter[k]!;
          replaced = true;
        }
      }
      total += this.damage[i]! - affected * this.perAffected(i, Math.min(rate, 1), s, m, d, cost);
    }
    let upfront = 0;
    let annual = 0;
    let weight = 0;
    let weighted = 0;
    let plain = 0;
    for (const k of set) {
      upfront += this.upfront[k]!;
      annual += this.annual[k]!;
      const w = Math.max(this.benefit[k]!, 0);
      weight += w;
      weighted += w * this.rampFactor[k]!;
      plain += this.rampFactor[k]!;
    }
    const rampPv = set.length === 0 ? this.annuity : weight > 0 ? weighted / weight : plain / set.length;
    return total * this.kept * rampPv - (upfront + annual * this.annuity);
  }

  /** The investments whose npv the input enters, in the scenario's order: all for a scenario-wide one, else those of its problem or itself. */
  investmentsOf(input: Input): number[] {
    if (input.investment >= 0) return [input.investment];
    if (input.problem < 0) return Array.from({ length: this.investments }, (_, k) => k);
    const out: number[] = [];
    for (let q = this.problemPairStart[input.problem]!; q < this.problemPairStart[input.problem + 1]!; q++) {
      out.push(this.pairInvestment[this.problemPairs[q]!]!);
    }
    return out.sort((a, b) => a - b);
  }
}
