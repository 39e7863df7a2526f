// Monte Carlo: every ranged input drawn independently, in the fixed order of the inputs, from a seeded generator;
// the figures of each sample kept and summarised by their mean and percentiles.
import { ModelError, type ModelIssue } from '../errors.ts';
import { seeded } from '../random.ts';
import type { SimulationSettings } from '../types.ts';
import { Stream, sampler } from './distributions.ts';
import type { Input } from './inputs.ts';
import type { Kernel } from './kernel.ts';

/** A simulated figure: its mean and its 10th, 50th and 90th percentiles. */
export interface Spread {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface Simulated {
  /** Each problem's totalAnnualDamage, in the scenario's order. */
  problems: Spread[];
  /** Each investment's npv and the share of samples in which it is above 0, in the scenario's order. */
  investments: { npv: Spread; probabilityPositiveNpv: number }[];
  totalAnnualDamage: Spread;
  /** The npv of the portfolio chosen at the likely values, when one was asked for. */
  portfolio?: { npv: Spread; probabilityPositiveNpv: number };
}

/**
 * Rearranges a[from … to] so that a[k] holds the value sorted order would put there, smaller-or-equal values before
 * it and greater-or-equal after (Hoare's selection, median-of-three pivots): linear time on average, where a sort
 * would take S·log S, and equal values split evenly.
 */
function select(a: Float64Array, k: number, from: number, to: number): void {
  let lo = from;
  let hi = to;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot.
    let x = a[lo]!;
    let y = a[mid]!;
    let z = a[hi]!;
    if (x > y) [x, y] = [y, x];
    if (y > z) [y, z] = [z, y];
    if (x > y) [x, y] = [y, x];
    const pivot = y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The smallest value of a[from … to]. */
function smallest(a: Float64Array, from: number, to: number): number {
  let min = a[from]!;
  for (let i = from + 1; i <= to; i++) if (a[i]! < min) min = a[i]!;
  return min;
}

/**
 * The q-th percentile, interpolated linearly between order statistics (Excel PERCENTILE.INC, numpy's default): the
 * value at position h = (S − 1)·q of the sorted values. Reorders values[from …], which must hold every value the
 * sorted order puts there (as it does after a selection at `from`): the next order statistic is the smallest after it.
 */
function percentileFrom(values: Float64Array, q: number, from: number): { value: number; at: number } {
  const last = values.length - 1;
  const h = last * q;
  const lo = Math.floor(h);
  select(values, lo, from, last);
  const a = values[lo]!;
  return { value: h === lo ? a : a + (h - lo) * (smallest(values, lo + 1, last) - a), at: lo };
}

/** The q-th percentile of the values (see percentileFrom); reorders them. */
export function percentile(values: Float64Array, q: number): number {
  return percentileFrom(values, q, 0).value;
}

/**
 * Mean (summed in sample order) and percentiles of the samples; reorders them. In rising order, each selection
 * searches only what lies after the last one.
 */
export function spread(values: Float64Array): Spread {
  let sum = 0;
  for (let s = 0; s < values.length; s++) sum += values[s]!;
  let mean = sum / values.length;
  // Figures near the largest double: their sum overflows where their mean does not.
  if (!Number.isFinite(sum)) {
    mean = 0;
    for (let s = 0; s < values.length; s++) mean += values[s]! / values.length;
  }
  const p10 = percentileFrom(values, 0.1, 0);
  const p50 = percentileFrom(values, 0.5, p10.at);
  const p90 = percentileFrom(values, 0.9, p50.at);
  return { mean, p10: p10.value, p50: p50.value, p90: p90.value };
}

/** The kernel's figures over `samples` draws of the ranged inputs; the others stay at their likely values. */
export function simulate(
  kernel: Kernel,
  inputs: readonly Input[],
  { samples, seed }: SimulationSettings,
  portfolio?: { set: readonly number[]; problems: readonly number[] },
): Simulated {
  const ranged = inputs.filter((i) => i.range !== undefined);
  const n = kernel.problems;
  const m = kernel.investments;
  const u = new Stream(seeded(seed));
  const samplers = ranged.map((i) => sampler(i.range!.distribution, i.range!.low, i.likely, i.range!.high));
  const setters = ranged.map((i) => kernel.setter(i));
  const plan = kernel.plan(ranged);
  // Each sample recomputes only what its draws change: everything else must be computed once before.
  kernel.updateAll();
  const damage = Array.from({ length: n }, () => new Float64Array(samples));
  const npv = Array.from({ length: m }, () => new Float64Array(samples));
  const total = new Float64Array(samples);
  const positive = new Int32Array(m);
  const setNpv = portfolio ? new Float64Array(samples) : undefined;
  const member = new Uint8Array(m);
  for (const k of portfolio?.set ?? []) member[k] = 1;
  let setPositive = 0;
  for (let s = 0; s < samples; s++) {
    for (let j = 0; j < ranged.length; j++) setters[j]!(samplers[j]!(u));
    kernel.updatePlanned(plan);
    for (let i = 0; i < n; i++) damage[i]![s] = kernel.damage[i]!;
    for (let k = 0; k < m; k++) {
      const v = kernel.npv[k]!;
      npv[k]![s] = v;
      if (v > 0) positive[k]!++;
    }
    total[s] = kernel.total;
    if (setNpv) {
      const v = kernel.setNpv(portfolio!.set, member, portfolio!.problems);
      setNpv[s] = v;
      if (v > 0) setPositive++;
    }
  }
  for (const input of ranged) kernel.set(input, input.likely);
  kernel.updateAll();
  const result: Simulated = {
    problems: damage.map(spread),
    investments: npv.map((values, k) => ({ npv: spread(values), probabilityPositiveNpv: positive[k]! / samples })),
    totalAnnualDamage: spread(total),
  };
  if (setNpv) result.portfolio = { npv: spread(setNpv), probabilityPositiveNpv: setPositive / samples };
  const from = ranged.map((i) => i.path);
  const issues: ModelIssue[] = [];
  const finite = (x: Spread) => Number.isFinite(x.mean) && Number.isFinite(x.p10) && Number.isFinite(x.p90);
  result.problems.forEach((x, i) => {
    if (!finite(x)) issues.push({ path: `problems[${i}]`, figures: ['uncertainty.totalAnnualDamage'], inputs: from });
  });
  result.investments.forEach((x, k) => {
    if (!finite(x.npv)) issues.push({ path: `investments[${k}]`, figures: ['uncertainty.npv'], inputs: from });
  });
  if (result.portfolio && !finite(result.portfolio.npv)) issues.push({ path: 'portfolio', figures: ['uncertainty.npv'], inputs: from });
  if (issues.length === 0 && !finite(result.totalAnnualDamage)) {
    issues.push({ path: 'totals', figures: ['uncertainty.totalAnnualDamage'], inputs: from, total: true });
  }
  if (issues.length > 0) throw new ModelError(issues);
  return result;
}
