// A set of investments taken together: per problem, the damage before minus the damage with the effects of the set's
// investments that target it composed (the method's section 3); their costs added up; one cash-flow series.
import { damage, type DamageContext } from '../damage.ts';
import { applyEffects } from '../effects.ts';
import type { Evaluation } from '../evaluate.ts';
import { evaluateCashFlows, type FinanceResult, irr } from '../finance.ts';
import type { Resolved } from '../resolve.ts';

export interface PortfolioFigures extends FinanceResult {
  /** Positions of the investments in the set, in the scenario's order. */
  investments: number[];
  upfront: number;
  annual: number;
  /** The combined annual benefit: every problem's damage counted once. */
  annualBenefit: number;
  /** Σ of the investments' stand-alone annual benefits. */
  standaloneBenefitSum: number;
  /** standaloneBenefitSum − annualBenefit: what judging them one by one counts twice (negative where they reinforce). */
  overlap: number;
  irr: number | null;
}

/** Sums over a set's members that its npv needs, kept as members come and go. */
export interface Sums {
  count: number;
  upfront: number;
  annual: number;
  weight: number;
  weighted: number;
  plain: number;
}

export const emptySums = (): Sums => ({ count: 0, upfront: 0, annual: 0, weight: 0, weighted: 0, plain: 0 });

/** Adds (sign 1) or takes away (sign −1) one member's sums. */
export function addSums(to: Sums, one: Sums, sign: 1 | -1): void {
  to.count += sign * one.count;
  to.upfront += sign * one.upfront;
  to.annual += sign * one.annual;
  to.weight += sign * one.weight;
  to.weighted += sign * one.weighted;
  to.plain += sign * one.plain;
}

/**
 * What the combination of a set needs besides the resolved scenario. Two forms of one arithmetic: `figures`, the
 * method's objects, for the set reported; `benefitOn` and `npvOf`, numbers only, for the many sets a search tries
 * (each damage term is proportional to the affected count and, per affected customer, affine in the complaint rate).
 */
export class Combiner {
  private readonly r: Resolved;
  private readonly e: Evaluation;
  private readonly ctx: DamageContext;
  /** For each problem, the positions of the investments that target it, in the scenario's order. */
  private readonly targeting: number[][];
  /** Per problem: damage per affected customer = alpha + rate × (V·(lost(s, m, d) − silentLoss) + V'·word(s, d) + cost). */
  private readonly alpha: Float64Array;
  private readonly loss: Float64Array;
  /** Per investment: Σ_t ramp_t / (1 + i)^t; and Σ_t 1 / (1 + i)^t. */
  private readonly rampFactor: Float64Array;
  private readonly annuity: number;
  /** Per investment, its effects as factors (1 where it has none) and its outcome mix, if any. */
  private readonly keepAffected: Float64Array;
  private readonly multiplier: Float64Array;
  private readonly keepCost: Float64Array;
  private readonly outcomes: (Resolved['problems'][number]['outcomes'] | undefined)[];
  /** Per problem, the word-of-mouth terms: negativeTold × negativeInfluence, positiveTold × positiveInfluence. */
  private readonly negativeWord: number;
  private readonly positiveWord: number;

  constructor(r: Resolved, e: Evaluation) {
    this.r = r;
    this.e = e;
    this.ctx = { lifetimeValue: r.lifetimeValue, newCustomerValue: r.newCustomerValue, wordOfMouth: r.wordOfMouth };
    this.targeting = r.problems.map(() => []);
    r.investments.forEach((inv, k) => {
      for (const i of inv.targets) this.targeting[i]!.push(k);
    });
    const W = r.wordOfMouth;
    this.alpha = new Float64Array(r.problems.length);
    this.loss = new Float64Array(r.problems.length * 4);
    r.problems.forEach((p, i) => {
      const L = p.loyalty;
      const silent = L.baseline - L.silent;
      this.loss.set([L.baseline - L.satisfied, L.baseline - L.mollified, L.baseline - L.dissatisfied, silent], i * 4);
      this.alpha[i] = r.lifetimeValue * silent + W.negativeTold * W.negativeInfluence * r.newCustomerValue;
    });
    const H = r.finance.horizonYears;
    let annuity = 0;
    const factors: number[] = [];
    for (let t = 1; t <= H; t++) {
      factors.push(1 / (1 + r.finance.discountRate) ** t);
      annuity += factors[t - 1]!;
    }
    this.annuity = annuity;
    this.rampFactor = Float64Array.from(r.investments, (inv) => inv.ramp.reduce((sum, share, t) => sum + share * factors[t]!, 0));
    this.keepAffected = Float64Array.from(r.investments, (inv) => 1 - (inv.effects.prevalenceReduction ?? 0));
    this.multiplier = Float64Array.from(r.investments, (inv) => inv.effects.complaintRateMultiplier ?? 1);
    this.keepCost = Float64Array.from(r.investments, (inv) => 1 - (inv.effects.costPerComplaintReduction ?? 0));
    this.outcomes = r.investments.map((inv) => inv.effects.outcomes);
    this.negativeWord = W.negativeTold * W.negativeInfluence;
    this.positiveWord = W.positiveTold * W.positiveInfluence;
  }

  /** The problems investment k targets. */
  targetsOf(k: number): readonly number[] {
    return this.r.investments[k]!.targets;
  }

  /** What the investments of the set (a membership mask by position) save on problem i together. */
  benefitOn(i: number, member: ArrayLike<number>): number {
    const p = this.r.problems[i]!;
    let affected = p.affected;
    let rate = p.complaintRate;
    let cost = p.costPerComplaint;
    let outcomes = p.outcomes;
    let any = false;
    let replaced = false;
    const targeting = this.targeting[i]!;
    for (let j = 0; j < targeting.length; j++) {
      const k = targeting[j]!;
      if (!member[k]) continue;
      any = true;
      // A factor of 1 where an effect is absent changes nothing, to the last bit.
      affected *= this.keepAffected[k]!;
      rate *= this.multiplier[k]!;
      cost *= this.keepCost[k]!;
      const mix = this.outcomes[k];
      if (mix !== undefined && (!replaced || mix.satisfied > outcomes.satisfied)) {
        outcomes = mix;
        replaced = true;
      }
    }
    if (!any) return 0;
    const c = Math.min(rate, 1);
    const l = this.loss;
    const lost = outcomes.satisfied * l[i * 4]! + outcomes.mollified * l[i * 4 + 1]! + outcomes.dissatisfied * l[i * 4 + 2]! - l[i * 4 + 3]!;
    const word = (outcomes.dissatisfied - 1) * this.negativeWord - outcomes.satisfied * this.positiveWord;
    const after = affected * (this.alpha[i]! + c * (this.r.lifetimeValue * lost + this.r.newCustomerValue * word + cost));
    return this.e.problems[i]!.totalAnnualDamage - after;
  }

  /** What the closed-form npv needs of one investment: its costs, its weight, its ramp's pv. */
  sumsOf(k: number): Sums {
    const inv = this.r.investments[k]!;
    const w = Math.max(this.e.investments[k]!.annualBenefit, 0);
    return { count: 1, upfront: inv.upfront, annual: inv.annual, weight: w, weighted: w * this.rampFactor[k]!, plain: this.rampFactor[k]! };
  }

  /**
   * The npv and PV(costs) of a set whose combined annual benefit is known, in closed form: the pv of the weighted
   * ramp is Σ_k w_k·rampFactor_k ÷ Σ_k w_k (a plain mean when no weight; full from year 1 for the empty set), the
   * costs' pv upfront + annual × the annuity.
   */
  npvFrom(annualBenefit: number, s: Sums): { npv: number; pvCosts: number } {
    const rampPv = s.count === 0 ? this.annuity : s.weight > 0 ? s.weighted / s.weight : s.plain / s.count;
    const pvCosts = s.upfront + s.annual * this.annuity;
    return { npv: annualBenefit * (1 - this.r.finance.riskAdjustment) * rampPv - pvCosts, pvCosts };
  }

  /** npvFrom for a set, its sums taken in the scenario's order. */
  npvOf(set: readonly number[], annualBenefit: number): { npv: number; pvCosts: number } {
    const sums = emptySums();
    for (const k of set) addSums(sums, this.sumsOf(k), 1);
    return this.npvFrom(annualBenefit, sums);
  }

  private cashFlows(set: readonly number[], annualBenefit: number): FinanceResult & { upfront: number; annual: number } {
    const r = this.r;
    const H = r.finance.horizonYears;
    let upfront = 0;
    let annual = 0;
    let weight = 0;
    for (const k of set) {
      upfront += r.investments[k]!.upfront;
      annual += r.investments[k]!.annual;
      weight += Math.max(this.e.investments[k]!.annualBenefit, 0);
    }
    // The set's ramp: its investments' ramps weighted by their positive stand-alone benefits (a plain mean when none
    // has any; full from the first year for the empty set).
    const ramp: number[] = [];
    for (let t = 0; t < H; t++) {
      if (set.length === 0) {
        ramp.push(1);
        continue;
      }
      let sum = 0;
      for (const k of set) {
        const w = weight > 0 ? Math.max(this.e.investments[k]!.annualBenefit, 0) : 1;
        sum += r.investments[k]!.ramp[t]! * w;
      }
      ramp.push(sum / (weight > 0 ? weight : set.length));
    }
    const B = annualBenefit * (1 - r.finance.riskAdjustment);
    const f = evaluateCashFlows({
      upfront,
      benefits: ramp.map((share) => B * share),
      costs: ramp.map(() => annual),
      discountRate: r.finance.discountRate,
    });
    return { ...f, upfront, annual };
  }

  /** benefitOn in the method's own objects: the figures reported. */
  private objectBenefitOn(i: number, member: ArrayLike<number>): number {
    const effects = [];
    for (const k of this.targeting[i]!) if (member[k]) effects.push(this.r.investments[k]!.effects);
    if (effects.length === 0) return 0;
    return this.e.problems[i]!.totalAnnualDamage - damage(applyEffects(this.r.problems[i]!, effects), this.ctx).totalAnnualDamage;
  }

  /** Every figure of a set (positions in the scenario's order). */
  figures(set: readonly number[]): PortfolioFigures {
    const member = new Uint8Array(this.r.investments.length);
    for (const k of set) member[k] = 1;
    let annualBenefit = 0;
    const touched = new Set<number>();
    for (const k of set) for (const i of this.targetsOf(k)) touched.add(i);
    for (const i of [...touched].sort((a, b) => a - b)) annualBenefit += this.objectBenefitOn(i, member);
    let standaloneBenefitSum = 0;
    for (const k of set) standaloneBenefitSum += this.e.investments[k]!.annualBenefit;
    const f = this.cashFlows(set, annualBenefit);
    return {
      ...f,
      investments: [...set],
      annualBenefit,
      standaloneBenefitSum,
      overlap: standaloneBenefitSum - annualBenefit,
      irr: irr(f.years.map((y) => y.net)),
    };
  }
}
