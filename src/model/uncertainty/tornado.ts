// The tornado: each swept input moved to its low and its high end, the others at likely, and how far that moves
// each investment's npv and the total damage.
import { ModelError, type ModelIssue } from '../errors.ts';
import type { SensitivitySettings } from '../types.ts';
import type { Input } from './inputs.ts';
import type { Kernel } from './kernel.ts';

export interface TornadoEntry {
  /** The input, by its path in the scenario as sent. */
  field: string;
  low: number;
  high: number;
  figureAtLow: number;
  figureAtHigh: number;
  /** |figureAtHigh − figureAtLow| */
  swing: number;
}

export interface Tornado {
  /** Each investment's npv entries, in the scenario's order. */
  investments: TornadoEntry[][];
  totalAnnualDamage: TornadoEntry[];
}

/** Swings within this relative distance are ties, ordered by field path. */
const TIE = 1e-9;
/** A swing this small beside the larger figure is no swing. */
const ZERO = 1e-12;

/** The ends an input is swept between: its range, or its likely value ± swing clipped to its legal values; none if not swept. */
export function sweepEnds(input: Input, swing: number | undefined): [number, number] | undefined {
  if (input.range) return [input.range.low, input.range.high];
  if (swing === undefined || !input.swept) return undefined;
  const [min, max] = input.bounds;
  const clip = (v: number) => Math.min(Math.max(v, min), max);
  return [clip(input.likely * (1 - swing)), clip(input.likely * (1 + swing))];
}

const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Entries with a swing, largest first (near-equal swings by field path), the first `top`. */
export function ranked(entries: TornadoEntry[], top: number): TornadoEntry[] {
  const kept = entries.filter((e) => e.swing > ZERO * Math.max(Math.abs(e.figureAtLow), Math.abs(e.figureAtHigh)));
  kept.sort((a, b) => b.swing - a.swing || codeUnitOrder(a.field, b.field));
  // Runs of swings within 1e-9 of the run's largest are ties: each run ordered by field path.
  const out: TornadoEntry[] = [];
  for (let start = 0; start < kept.length && out.length < top; ) {
    let end = start + 1;
    while (end < kept.length && kept[start]!.swing - kept[end]!.swing <= TIE * kept[start]!.swing) end++;
    out.push(...kept.slice(start, end).sort((a, b) => codeUnitOrder(a.field, b.field)));
    start = end;
  }
  return out.slice(0, top);
}

/** The tornado of every investment's npv and of the total damage; the kernel is left as it was, at likely. */
export function tornado(kernel: Kernel, inputs: readonly Input[], { swing, top }: SensitivitySettings): Tornado {
  const investments: TornadoEntry[][] = Array.from({ length: kernel.investments }, () => []);
  const totalAnnualDamage: TornadoEntry[] = [];
  kernel.updateAll();
  for (const input of inputs) {
    const ends = sweepEnds(input, swing);
    if (!ends) continue;
    const [low, high] = ends;
    const concerned = kernel.investmentsOf(input);
    kernel.set(input, low);
    kernel.update(input);
    const npvAtLow = concerned.map((k) => kernel.npv[k]!);
    const totalAtLow = kernel.total;
    kernel.set(input, high);
    kernel.update(input);
    concerned.forEach((k, j) => {
      const a = npvAtLow[j]!;
      const b = kernel.npv[k]!;
      investments[k]!.push({ field: input.path, low, high, figureAtLow: a, figureAtHigh: b, swing: Math.abs(b - a) });
    });
    if (input.investment < 0) {
      const b = kernel.total;
      totalAnnualDamage.push({ field: input.path, low, high, figureAtLow: totalAtLow, figureAtHigh: b, swing: Math.abs(b - totalAtLow) });
    }
    kernel.set(input, input.likely);
    kernel.update(input);
  }
  const issues: ModelIssue[] = [];
  const broken = (list: readonly TornadoEntry[]) => list.some((e) => !Number.isFinite(e.swing));
  investments.forEach((list, k) => {
    if (broken(list)) issues.push({ path: `investments[${k}]`, figures: ['sensitivity'], inputs: swept(list) });
  });
  if (broken(totalAnnualDamage)) issues.push({ path: 'totals', figures: ['sensitivity'], inputs: swept(totalAnnualDamage) });
  if (issues.length > 0) throw new ModelError(issues);
  return { investments: investments.map((list) => ranked(list, top)), totalAnnualDamage: ranked(totalAnnualDamage, top) };
}

/** The inputs whose sweep cannot be computed. */
const swept = (list: readonly TornadoEntry[]) => list.filter((e) => !Number.isFinite(e.swing)).map((e) => e.field);
