// The chosen portfolio: the set of investments with the highest npv within the budget, containing what must be in
// it and nothing that must stay out; and the funding ladder, "if we can fund one more, which?".
import type { Evaluation } from '../evaluate.ts';
import type { Resolved } from '../resolve.ts';
import { addSums, Combiner, emptySums, type PortfolioFigures } from './combine.ts';

export interface LadderStep {
  /** Position of the investment added. */
  investment: number;
  marginalNpv: number;
  /** The set's npv, upfront and annual cost with it, cumulative. */
  npv: number;
  upfront: number;
  annual: number;
}

export interface Portfolio extends PortfolioFigures {
  /** `exact`: provably the best set (every set of the free investments was tried); `heuristic` otherwise. */
  method: 'exact' | 'heuristic';
  ladder: LadderStep[];
  /** For each member, in order: the set's npv less that of the set without it. */
  marginalNpvs: number[];
}

/** Free investments up to which every set is tried. */
export const EXACT_LIMIT = 16;
/** Relative tolerance of a budget cap and of an npv tie. */
const TOLERANCE = 1e-9;

interface Candidate {
  set: number[];
  npv: number;
  pvCosts: number;
}

/** Whether a beats b: a higher npv (beyond a tie), then fewer investments, lower PV(costs), the first positions. */
function better(a: Candidate, b: Candidate): boolean {
  const tie = TOLERANCE * Math.max(Math.abs(a.npv), Math.abs(b.npv), 1);
  if (Math.abs(a.npv - b.npv) > tie) return a.npv > b.npv;
  if (a.set.length !== b.set.length) return a.set.length < b.set.length;
  if (a.pvCosts !== b.pvCosts) return a.pvCosts < b.pvCosts;
  for (let j = 0; j < a.set.length; j++) if (a.set[j] !== b.set[j]) return a.set[j]! < b.set[j]!;
  return false;
}

export class Optimiser {
  private readonly r: Resolved;
  private readonly combiner: Combiner;
  private readonly budget: { upfront?: number; annual?: number };

  constructor(r: Resolved, e: Evaluation, budget: { upfront?: number; annual?: number } = {}) {
    this.r = r;
    this.combiner = new Combiner(r, e);
    this.budget = budget;
  }

  /** Whether a set's costs, summed in the scenario's order, fit the caps (an absent cap is none). */
  fits(set: readonly number[]): boolean {
    const sums = emptySums();
    for (const k of [...set].sort((a, b) => a - b)) addSums(sums, this.combiner.sumsOf(k), 1);
    return this.fitsSums(sums);
  }

  private fitsSums({ upfront, annual }: { upfront: number; annual: number }): boolean {
    const { upfront: capUp, annual: capAnnual } = this.budget;
    return (capUp === undefined || upfront <= capUp * (1 + TOLERANCE)) && (capAnnual === undefined || annual <= capAnnual * (1 + TOLERANCE));
  }

  /**
   * The best set among include ∪ every subset of the free investments, trying them in Gray-code order so that each
   * step adds or removes one investment and recomputes only the problems it targets.
   */
  exact(include: readonly number[], free: readonly number[]): Candidate {
    const n = this.r.investments.length;
    const member = new Uint8Array(n);
    const benefit = new Float64Array(this.r.problems.length);
    // Only the included and free investments can be members, and only the problems they target can change.
    const relevant = [...new Set([...include, ...free])].sort((a, b) => a - b);
    const touched = [...new Set(relevant.flatMap((k) => this.combiner.targetsOf(k)))].sort((a, b) => a - b);
    const own = this.r.investments.map((_, k) => this.combiner.sumsOf(k));
    const upfrontOf = Float64Array.from(own, (o) => o.upfront);
    const annualOf = Float64Array.from(own, (o) => o.annual);
    const { upfront: capUp, annual: capAnnual } = this.budget;
    const maxUp = capUp === undefined ? Number.POSITIVE_INFINITY : capUp * (1 + TOLERANCE);
    const maxAnnual = capAnnual === undefined ? Number.POSITIVE_INFINITY : capAnnual * (1 + TOLERANCE);
    // A flip marks the problems it changes; they are recomputed only when a set that fits the budget is valued.
    const dirty = new Uint8Array(this.r.problems.length);
    const stale: number[] = [];
    const flip = (k: number) => {
      member[k] = member[k] ? 0 : 1;
      for (const i of this.combiner.targetsOf(k)) {
        if (dirty[i]) continue;
        dirty[i] = 1;
        stale.push(i);
      }
    };
    for (const k of include) if (!member[k]) flip(k);
    let best: Candidate | undefined;
    const consider = () => {
      // Sums taken afresh, in input order, for every set: sums kept as members come and go would carry the rounding
      // of every member that came and went (a cost of 1e15 once added and taken away swallows one of 0.01). The
      // costs first: a set over a cap is set aside before anything else is summed.
      let upfront = 0;
      let annual = 0;
      for (const k of relevant) {
        if (!member[k]) continue;
        upfront += upfrontOf[k]!;
        annual += annualOf[k]!;
      }
      if (upfront > maxUp || annual > maxAnnual) return;
      const sums = emptySums();
      for (const k of relevant) if (member[k]) addSums(sums, own[k]!, 1);
      for (const i of stale) {
        benefit[i] = this.combiner.benefitOn(i, member);
        dirty[i] = 0;
      }
      stale.length = 0;
      let total = 0;
      for (const i of touched) total += benefit[i]!;
      const { npv, pvCosts } = this.combiner.npvFrom(total, sums);
      // Only a set that could win (or tie) is written out.
      if (best !== undefined && npv < best.npv - TOLERANCE * Math.max(Math.abs(npv), Math.abs(best.npv), 1)) return;
      const set: number[] = [];
      for (const k of relevant) if (member[k]) set.push(k);
      const candidate = { set, npv, pvCosts };
      if (best === undefined || better(candidate, best)) best = candidate;
    };
    consider();
    // Gray code: step g flips the investment at the position of g's lowest set bit, the lowest half the time. The
    // investments that target fewest problems take the lowest bits, so the broad ones are recomputed least often.
    const order = [...free].sort((a, b) => this.combiner.targetsOf(a).length - this.combiner.targetsOf(b).length || a - b);
    const count = 2 ** order.length;
    for (let g = 1; g < count; g++) {
      flip(order[31 - Math.clz32(g & -g)]!);
      consider();
    }
    // include fits (the caller checks it), so some set does.
    return best!;
  }

  /**
   * The funding ladder: from `include`, the free, budget-fitting investment with the highest marginal npv per unit
   * of its PV(costs) added again and again (those costing nothing first, by marginal npv; ties in input order),
   * while one adds npv. Each trial recomputes only the problems the candidate targets.
   */
  ladder(include: readonly number[], free: readonly number[]): { steps: LadderStep[]; set: number[] } {
    const work = new Working(this.r, this.combiner, include);
    let current = work.candidate();
    const steps: LadderStep[] = [];
    const left = [...free].sort((a, b) => a - b);
    const ownCosts = new Map(left.map((k) => [k, this.combiner.npvOf([k], 0).pvCosts]));
    for (;;) {
      let pick: { k: number; next: Candidate; marginal: number; score: number; costless: boolean } | undefined;
      const total = work.total();
      for (const k of left) {
        if (work.member[k] || !this.fits([...work.set, k])) continue;
        const next = work.tryFlip(k, total);
        const marginal = next.npv - current.npv;
        if (!(marginal > 0)) continue;
        const own = ownCosts.get(k)!;
        const costless = own === 0;
        const score = costless ? marginal : marginal / own;
        const wins = !pick || (costless && !pick.costless) || (costless === pick.costless && score > pick.score);
        if (wins) pick = { k, next, marginal, score, costless };
      }
      if (!pick) break;
      work.flip(pick.k);
      current = work.candidate();
      let upfront = 0;
      let annual = 0;
      for (const k of work.set) {
        upfront += this.r.investments[k]!.upfront;
        annual += this.r.investments[k]!.annual;
      }
      steps.push({ investment: pick.k, marginalNpv: pick.marginal, npv: current.npv, upfront, annual });
    }
    return { steps, set: [...work.set] };
  }

  /** From a set, single additions and removals of free investments while one improves it: never worse than its start. */
  improve(start: readonly number[], free: readonly number[]): Candidate {
    const work = new Working(this.r, this.combiner, start);
    let best = work.candidate();
    for (let improved = true; improved; ) {
      improved = false;
      for (const k of free) {
        const trial = work.member[k] ? work.set.filter((x) => x !== k) : [...work.set, k];
        if (!this.fits(trial)) continue;
        const candidate = work.tryFlip(k, work.total());
        if (better(candidate, best)) {
          work.flip(k);
          best = work.candidate();
          improved = true;
        }
      }
    }
    return best;
  }

  /** The chosen portfolio and its ladder; `include` must fit the budget. */
  choose(include: readonly number[] = [], exclude: readonly number[] = []): Portfolio {
    const fixed = new Set([...include, ...exclude]);
    const free = this.r.investments.map((_, k) => k).filter((k) => !fixed.has(k));
    const sortedInclude = [...new Set(include)].sort((a, b) => a - b);
    const { steps, set: laddered } = this.ladder(sortedInclude, free);
    const exact = free.length <= EXACT_LIMIT;
    const chosen = exact ? this.exact(sortedInclude, free) : this.improve(laddered, free);
    const figures = this.combiner.figures(chosen.set);
    const marginalNpvs = new Working(this.r, this.combiner, chosen.set).marginals();
    return { ...figures, method: exact ? 'exact' : 'heuristic', ladder: steps, marginalNpvs };
  }
}

/** A set being built: its members, and what they save on each problem, kept up to date one investment at a time. */
class Working {
  readonly member: Uint8Array;
  /** The members in the scenario's order. */
  set: number[];
  private readonly benefit: Float64Array;
  private readonly combiner: Combiner;

  constructor(r: Resolved, combiner: Combiner, start: readonly number[]) {
    this.combiner = combiner;
    this.member = new Uint8Array(r.investments.length);
    this.benefit = new Float64Array(r.problems.length);
    this.set = [];
    for (const k of start) if (!this.member[k]) this.flip(k);
  }

  /** Adds or removes investment k. */
  flip(k: number): void {
    this.member[k] = this.member[k] ? 0 : 1;
    this.set = this.member[k] ? [...this.set, k].sort((a, b) => a - b) : this.set.filter((x) => x !== k);
    for (const i of this.combiner.targetsOf(k)) this.benefit[i] = this.combiner.benefitOn(i, this.member);
  }

  /** The combined benefit, summed in the problems' order. */
  total(): number {
    let total = 0;
    for (let i = 0; i < this.benefit.length; i++) total += this.benefit[i]!;
    return total;
  }

  /** The set's npv and PV(costs). */
  candidate(): Candidate {
    return { set: [...this.set], ...this.combiner.npvOf(this.set, this.total()) };
  }

  /**
   * The candidate with investment k flipped, the set left as it was: only the problems k targets are recomputed,
   * and the combined benefit moved by their change (a trial's npv, compared; a chosen set's figures are computed
   * again from the start).
   */
  tryFlip(k: number, total = this.total()): Candidate {
    const targets = this.combiner.targetsOf(k);
    this.member[k] = this.member[k] ? 0 : 1;
    let changed = total;
    for (const i of targets) changed += this.combiner.benefitOn(i, this.member) - this.benefit[i]!;
    const set = this.member[k] ? [...this.set, k].sort((a, b) => a - b) : this.set.filter((x) => x !== k);
    this.member[k] = this.member[k] ? 0 : 1;
    return { set, ...this.combiner.npvOf(set, changed) };
  }

  /** What each member adds: the set's npv less that of the set without it. */
  marginals(): number[] {
    const total = this.total();
    const whole = this.combiner.npvOf(this.set, total).npv;
    return this.set.map((k) => whole - this.tryFlip(k, total).npv);
  }
}
