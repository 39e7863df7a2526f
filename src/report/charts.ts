// The charts' geometry: where every bar, line, tick and label goes, as plain numbers and path strings. Pure functions,
// no DOM: d3-scale places values and picks nice ticks, d3-shape writes the paths, d3-format writes coordinates.
// charts.tsx turns this geometry into SVG; the tests read it directly.
import { formatLocale } from 'd3-format';
import { type ScaleLinear, scaleBand, scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { CashPoint, Formats, NpvItem, ParetoItem, TornadoItem } from './types.ts';

/** Every chart is this wide in its viewBox; its height follows from its content. */
export const WIDTH = 680;
export const FONT_SIZE = 12;
export const TITLE_SIZE = 15;
const TITLE_Y = 20;

/**
 * Okabe–Ito blue and vermillion (told apart with every common colour-vision deficiency) on greys. Text colours have a
 * contrast of at least 4.5:1 on white (ink 14.8, muted 5.4, blue 5.2, accentText 5.5); marks at least 3:1, but for
 * the light fills, which carry an outline that has.
 */
export const palette = {
  ink: '#1f2933',
  muted: '#5f6b7a',
  axis: '#7b8794',
  grid: '#e4e7eb',
  bar: '#0072B2',
  mutedFill: '#c3cad3',
  accent: '#D55E00',
  accentText: '#B34700',
  background: '#ffffff',
} as const;

/** Coordinates as written into the SVG: one decimal at most, trailing zeros dropped, an ASCII minus. */
const svgNumber = formatLocale({ decimal: '.', thousands: '', grouping: [3], currency: ['', ''], minus: '-' }).format('.1~f');
export const n = (value: number): string => svgNumber(value);

export interface Tick {
  value: number;
  /** The tick's position along its axis (y for a vertical axis, x for a horizontal one). */
  at: number;
  label: string;
}

/** A label cut to its room: `text` is what is drawn, `full` goes into a <title> when they differ. */
export interface Label {
  text: string;
  full: string;
  truncated: boolean;
}

// Text width without a DOM: an estimate per character, in em, on the generous side of common sans-serif fonts, so that
// a label cut to fit its room fits it in any of them. By character code, as it runs for every label of every chart.
const asciiWidths: number[] = [];
for (let code = 0; code < 128; code++) {
  const c = String.fromCharCode(code);
  asciiWidths.push(
    code < 32 || code === 127 ? 0 : " .,:;'|!ijlI1tf()[]`".includes(c) ? 0.36 : 'MWmw@%'.includes(c) ? 0.95 : c >= 'A' && c <= 'Z' ? 0.75 : 0.62,
  );
}

function charWidth(code: number): number {
  if (code < 128) return asciiWidths[code]!;
  // Combining marks, zero-width spaces and joiners, direction marks, embeddings and isolates, variation selectors.
  if (
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff
  )
    return 0;
  // East Asian wide and full-width characters, emoji.
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) ||
    code >= 0x1f000
  )
    return 1.05;
  return 0.75;
}

/** The estimated width of a text at a font size, in viewBox units. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    em += charWidth(code);
  }
  return em * fontSize;
}

/**
 * A label as drawn in at most `room` units: whitespace collapsed, and cut with an ellipsis when longer. Cut between
 * characters, never inside one: a combining mark (no width) stays with its letter.
 */
export function fitLabel(label: string, room: number, fontSize = FONT_SIZE): Label {
  const full = label.replace(/\s+/g, ' ').trim();
  if (textWidth(full, fontSize) <= room) return { text: full, full, truncated: false };
  let width = charWidth(0x2026) * fontSize;
  let end = 0;
  for (const char of full) {
    width += charWidth(char.codePointAt(0)!) * fontSize;
    if (width > room) break;
    end += char.length;
  }
  // An isolate, so that a right-to-left override left open inside the cut label cannot reach the ellipsis.
  return { text: `\u2068${full.slice(0, end).trimEnd()}\u2069…`, full, truncated: true };
}

/** Ticks per value axis, roughly: nice() is given the same count, so that both ends of an axis are ticks. */
const TICKS = 5;

/** A linear scale over values, including zero when asked, ending on nice ticks; never a zero-width domain. */
function valueScale(values: number[], range: [number, number], withZero: boolean): ScaleLinear<number, number> {
  const finite = values.filter(Number.isFinite);
  if (withZero) finite.push(0);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (finite.length === 0) [lo, hi] = [0, 1];
  else if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : lo > 0 ? [withZero ? 0 : lo * 0.9, lo * 1.1] : [lo * 1.1, withZero ? 0 : lo * 0.9];
  return scaleLinear().domain([lo, hi]).range(range).nice(TICKS);
}

function ticksOf(scale: ScaleLinear<number, number>, count: number, label: (value: number) => string): Tick[] {
  return scale.ticks(count).map((value) => ({ value, at: scale(value), label: label(value) }));
}

/**
 * Ticks along a horizontal axis: as many as TICKS asks, or fewer, until each label has room of its own (long labels,
 * such as "1 Tr US$", would otherwise run together).
 */
function horizontalTicks(scale: ScaleLinear<number, number>, label: (value: number) => string): Tick[] {
  const [left, right] = scale.range() as [number, number];
  for (let count = TICKS; count > 1; count--) {
    const ticks = ticksOf(scale, count, label);
    const room = ticks.length > 1 ? (right - left) / (ticks.length - 1) : right - left;
    if (widest(ticks.map((t) => t.label)) + 10 <= room) return ticks;
  }
  return ticksOf(scale, 1, label);
}

const widest = (texts: string[], fontSize = FONT_SIZE): number => Math.max(0, ...texts.map((t) => textWidth(t, fontSize)));

// ---------------------------------------------------------------------------------------------------------------
// Pareto: bars of damage in rank order, the cumulative share on a second axis, the 80% line.

/** Above this many problems, the chart shows the first PARETO_TOP and one bar for the rest. */
export const PARETO_MAX_BARS = 16;
export const PARETO_TOP = 15;

export interface ParetoBar {
  label: Label;
  damage: number;
  /** Present on the one bar that stands for the problems beyond the top: how many it sums. */
  others?: number;
  x: number;
  width: number;
  /** Top and height of the bar: below the zero line for negative damage. */
  y: number;
  height: number;
  /** Centre of the band, where the cumulative point and the label sit. */
  cx: number;
  cumulativeShare: number | null;
  /** The cumulative point's y, when there is one. */
  cy: number | null;
}

export interface ParetoGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: ParetoBar[];
  damageTicks: Tick[];
  shareTicks: Tick[];
  zeroY: number;
  eightyY: number;
  /** The cumulative share line through the bars' points; a gap where a bar has none. Empty when none has. */
  cumulativePath: string;
  /** Labels under the bars: level when they fit their band, else turned 45°. */
  labelAngle: 0 | -45;
  labelY: number;
  axisTitleY: number;
}

export function paretoGeometry(items: ParetoItem[], f: Formats, others: (count: number) => string): ParetoGeometry {
  type Row = { label: string; damage: number; cumulativeShare: number | null; others?: number };
  let rows: Row[] = items;
  if (items.length > PARETO_MAX_BARS) {
    const rest = items.slice(PARETO_TOP);
    const shares = rest.map((item) => item.cumulativeShare).filter((s): s is number => s !== null);
    rows = [
      ...items.slice(0, PARETO_TOP),
      {
        label: others(rest.length),
        damage: rest.reduce((sum, item) => sum + item.damage, 0),
        cumulativeShare: shares.length > 0 ? shares[shares.length - 1]! : null,
        others: rest.length,
      },
    ];
  }

  const top = 56;
  const plotHeight = 220;
  const bottom = top + plotHeight;
  const damage = valueScale(
    rows.map((r) => r.damage),
    [bottom, top],
    true,
  );
  const damageTicks = ticksOf(damage, TICKS, f.moneyShort);
  const zeroY = damage(0);
  const share = scaleLinear().domain([0, 1]).range([zeroY, top]);
  const shareTicks = ticksOf(share, TICKS, f.percent);

  const rotatedRoom = 130;
  const right = WIDTH - Math.max(widest(shareTicks.map((t) => t.label)) + 14, 40);
  const bands = (left: number) =>
    scaleBand<number>()
      .domain(rows.map((_, i) => i))
      .range([left, right])
      .paddingInner(0.25)
      .paddingOuter(0.15);
  let left = Math.max(widest(damageTicks.map((t) => t.label)) + 14, 56);
  let band = bands(left);
  const levelRoom = band.step() - 6;
  const level = levelRoom >= 90 || rows.every((r) => textWidth(r.label.replace(/\s+/g, ' ').trim()) <= levelRoom);
  const labelAngle = level ? 0 : -45;
  // A label turned 45° reaches left of its bar by cos 45° of its length: room for the first one.
  if (!level) band = bands((left = Math.max(left, rotatedRoom * Math.SQRT1_2 + 4)));

  const bars: ParetoBar[] = rows.map((row, i) => {
    const x = band(i)!;
    const yValue = damage(row.damage);
    const cx = x + band.bandwidth() / 2;
    return {
      label: fitLabel(row.label, level ? levelRoom : rotatedRoom),
      damage: row.damage,
      ...(row.others === undefined ? {} : { others: row.others }),
      x,
      width: band.bandwidth(),
      y: Math.min(yValue, zeroY),
      height: Math.abs(yValue - zeroY),
      cx,
      cumulativeShare: row.cumulativeShare,
      cy: row.cumulativeShare === null ? null : share(row.cumulativeShare),
    };
  });

  const cumulativePath =
    line<ParetoBar>()
      .defined((b) => b.cy !== null)
      .x((b) => b.cx)
      .y((b) => b.cy!)
      .digits(1)(bars) ?? '';

  const labelY = bottom + 16;
  const labelsDepth = level ? 8 : Math.max(...bars.map((b) => textWidth(b.label.text))) * Math.SQRT1_2 + 8;
  const height = Math.ceil(labelY + labelsDepth + 10);
  return {
    width: WIDTH,
    height,
    plot: { left, right, top, bottom },
    bars,
    damageTicks,
    shareTicks,
    zeroY,
    eightyY: share(0.8),
    cumulativePath,
    labelAngle,
    labelY,
    axisTitleY: top - 14,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Npv: one horizontal bar per investment from zero, whiskers P10–P90, the not-worth-it ones below a divider.

export const NPV_LABEL_ROOM = 220;
const NPV_ROW = 28;
const NPV_BAR = 14;

export interface NpvRow {
  label: Label;
  npv: number;
  recommended: boolean;
  /** Centre line of the row. */
  y: number;
  bar: { x: number; y: number; width: number; height: number };
  whisker: { x1: number; x2: number } | null;
  value: { text: string; x: number; anchor: 'start' | 'end' };
}

export interface NpvGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  labelX: number;
  rows: NpvRow[];
  zeroX: number;
  ticks: Tick[];
  tickY: number;
  /** The line that sets the not-worth-it investments apart, and where its heading sits; null when none are. */
  divider: { y: number; headingY: number } | null;
  /** The index in rows of the first not-worth-it investment, -1 when none is: the divider goes before it. */
  firstApart: number;
  /** Where the note on whiskers goes; null when no investment has them. */
  noteY: number | null;
}

const hasWhisker = (item: NpvItem): item is NpvItem & { p10: number; p90: number } => Number.isFinite(item.p10) && Number.isFinite(item.p90);

export function npvGeometry(items: NpvItem[], f: Formats): NpvGeometry {
  const ordered = [...items.filter((i) => i.recommended), ...items.filter((i) => !i.recommended)];
  const firstApart = ordered.findIndex((i) => !i.recommended);
  const values = ordered.flatMap((i) => [i.npv, ...(hasWhisker(i) ? [i.p10, i.p90] : [])]);
  const texts = ordered.map((i) => f.money(i.npv));
  const rightRoom = widest(texts.filter((_, k) => ordered[k]!.npv >= 0));
  const leftRoom = widest(texts.filter((_, k) => ordered[k]!.npv < 0));
  const labelX = 8 + NPV_LABEL_ROOM;
  const plotLeft = labelX + 12 + (leftRoom > 0 ? leftRoom + 8 : 0);
  const plotRight = WIDTH - 8 - (rightRoom > 0 ? rightRoom + 8 : 0);
  const x = valueScale(values, [plotLeft, plotRight], true);
  const zeroX = x(0);

  const top = 40;
  const dividerGap = 34;
  let y = top;
  let divider: NpvGeometry['divider'] = null;
  const rows: NpvRow[] = [];
  for (const [k, item] of ordered.entries()) {
    if (k === firstApart) {
      const at = k === 0 ? y : y + 4;
      divider = { y: at, headingY: at + 18 };
      y += dividerGap;
    }
    const centre = y + NPV_ROW / 2;
    y += NPV_ROW;
    const end = x(item.npv);
    const whisker = hasWhisker(item) ? { x1: x(Math.min(item.p10, item.p90)), x2: x(Math.max(item.p10, item.p90)) } : null;
    const outward = item.npv >= 0;
    const reach = outward ? Math.max(end, whisker?.x2 ?? end) : Math.min(end, whisker?.x1 ?? end);
    rows.push({
      label: fitLabel(item.label, NPV_LABEL_ROOM),
      npv: item.npv,
      recommended: item.recommended,
      y: centre,
      bar: { x: Math.min(end, zeroX), y: centre - NPV_BAR / 2, width: Math.abs(end - zeroX), height: NPV_BAR },
      whisker,
      value: { text: texts[k]!, x: reach + (outward ? 6 : -6), anchor: outward ? 'start' : 'end' },
    });
  }
  const bottom = y + 4;
  const tickY = bottom + 16;
  const noteY = ordered.some(hasWhisker) ? tickY + 22 : null;
  return {
    width: WIDTH,
    height: Math.ceil((noteY ?? tickY) + 10),
    plot: { left: plotLeft, right: plotRight, top, bottom },
    labelX,
    rows,
    zeroX,
    ticks: horizontalTicks(x, f.moneyShort),
    tickY,
    divider,
    firstApart,
    noteY,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Cash flow: the cumulative net by month as a line over an area, the zero line, the payback month marked.

export interface CashFlowGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  linePath: string;
  areaPath: string;
  zeroY: number;
  monthTicks: Tick[];
  moneyTicks: Tick[];
  payback: { x: number; y: number; label: string; labelX: number; anchor: 'start' | 'end' } | null;
  axisTitleY: number;
}

/** Months between ticks: whole years once the span is long, half years in between, fewer for a short span. */
export function monthStep(span: number): number {
  if (span <= 12) return 1;
  if (span <= 24) return 3;
  if (span <= 72) return 6;
  if (span <= 144) return 12;
  return 24;
}

export function cashFlowGeometry(
  points: CashPoint[],
  paybackMonths: number | null,
  f: Formats,
  paybackLabel: (months: number) => string,
): CashFlowGeometry {
  const months = points.map((p) => p.month);
  const firstMonth = Math.min(...months);
  let lastMonth = Math.max(...months, paybackMonths ?? Number.NEGATIVE_INFINITY);
  if (lastMonth <= firstMonth) lastMonth = firstMonth + 1;

  const top = 50;
  const bottom = top + 220;
  const y = valueScale(
    points.map((p) => p.cumulative),
    [bottom, top],
    true,
  );
  const moneyTicks = ticksOf(y, TICKS, f.moneyShort);
  const left = Math.max(widest(moneyTicks.map((t) => t.label)) + 14, 48);
  const right = WIDTH - 20;
  const x = scaleLinear().domain([firstMonth, lastMonth]).range([left, right]);

  const step = monthStep(lastMonth - firstMonth);
  const monthTicks: Tick[] = [];
  for (let m = Math.ceil(firstMonth / step) * step; m <= lastMonth; m += step) monthTicks.push({ value: m, at: x(m), label: String(m) });

  const zeroY = y(0);
  const sorted = [...points].sort((a, b) => a.month - b.month);
  const linePath =
    line<CashPoint>()
      .x((p) => x(p.month))
      .y((p) => y(p.cumulative))
      .digits(1)(sorted) ?? '';
  const areaPath =
    area<CashPoint>()
      .x((p) => x(p.month))
      .y0(zeroY)
      .y1((p) => y(p.cumulative))
      .digits(1)(sorted) ?? '';

  let payback: CashFlowGeometry['payback'] = null;
  if (paybackMonths !== null && Number.isFinite(paybackMonths)) {
    const px = x(paybackMonths);
    const label = paybackLabel(paybackMonths);
    const anchor = px + 6 + textWidth(label) > WIDTH - 4 ? 'end' : 'start';
    payback = { x: px, y: zeroY, label, labelX: anchor === 'start' ? px + 6 : px - 6, anchor };
  }
  return {
    width: WIDTH,
    height: bottom + 50,
    plot: { left, right, top, bottom },
    linePath,
    areaPath,
    zeroY,
    monthTicks,
    moneyTicks,
    payback,
    axisTitleY: bottom + 38,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Tornado: for each input, a bar from the figure at its low end to the figure at its high end, around the base.

export const TORNADO_LABEL_ROOM = 250;
const TORNADO_ROW = 30;
const TORNADO_BAR = 16;

export interface TornadoRow {
  label: Label;
  y: number;
  /** The part of the bar from the base to the figure at the input's low end, and to the one at its high end. */
  lowBar: { x: number; width: number };
  highBar: { x: number; width: number };
  barY: number;
  barHeight: number;
  low: { text: string; x: number; anchor: 'start' | 'end' };
  high: { text: string; x: number; anchor: 'start' | 'end' };
}

export interface TornadoGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  labelX: number;
  rows: TornadoRow[];
  baseX: number;
  base: { label: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' };
  ticks: Tick[];
  tickY: number;
}

export function tornadoGeometry(items: TornadoItem[], base: number, f: Formats, baseLabel: string): TornadoGeometry {
  // Each input value is written beyond the end of the bar its figure reaches; the room for them is kept on both sides.
  const ends = items.map((item) => {
    const lowLeft = item.figureAtLow < item.figureAtHigh || (item.figureAtLow === item.figureAtHigh && item.low <= item.high);
    return { lowLeft, low: item.lowText ?? f.number(item.low), high: item.highText ?? f.number(item.high) };
  });
  const leftRoom = widest(ends.map((e) => (e.lowLeft ? e.low : e.high)));
  const rightRoom = widest(ends.map((e) => (e.lowLeft ? e.high : e.low)));
  const labelX = 8 + TORNADO_LABEL_ROOM;
  const plotLeft = labelX + 12 + leftRoom + 8;
  const plotRight = WIDTH - 8 - rightRoom - 8;
  const x = valueScale([base, ...items.flatMap((i) => [i.figureAtLow, i.figureAtHigh])], [plotLeft, plotRight], false);
  const baseX = x(base);
  const top = 52;
  const rows: TornadoRow[] = items.map((item, k) => {
    const y = top + k * TORNADO_ROW + TORNADO_ROW / 2;
    const xl = x(item.figureAtLow);
    const xh = x(item.figureAtHigh);
    const { lowLeft, low, high } = ends[k]!;
    const leftEnd = Math.min(xl, xh, baseX) - 6;
    const rightEnd = Math.max(xl, xh, baseX) + 6;
    return {
      label: fitLabel(item.label, TORNADO_LABEL_ROOM),
      y,
      lowBar: { x: Math.min(xl, baseX), width: Math.abs(xl - baseX) },
      highBar: { x: Math.min(xh, baseX), width: Math.abs(xh - baseX) },
      barY: y - TORNADO_BAR / 2,
      barHeight: TORNADO_BAR,
      low: { text: low, x: lowLeft ? leftEnd : rightEnd, anchor: lowLeft ? 'end' : 'start' },
      high: { text: high, x: lowLeft ? rightEnd : leftEnd, anchor: lowLeft ? 'start' : 'end' },
    };
  });
  const bottom = top + items.length * TORNADO_ROW;
  const label = `${baseLabel}: ${f.money(base)}`;
  const half = textWidth(label) / 2;
  const anchor = baseX - half < 4 ? 'start' : baseX + half > WIDTH - 4 ? 'end' : 'middle';
  const tickY = bottom + 16;
  return {
    width: WIDTH,
    height: tickY + 12,
    plot: { left: plotLeft, right: plotRight, top, bottom },
    labelX,
    rows,
    baseX,
    base: { label, x: anchor === 'start' ? Math.max(baseX, 4) : anchor === 'end' ? Math.min(baseX, WIDTH - 4) : baseX, y: top - 8, anchor },
    ticks: horizontalTicks(x, f.moneyShort),
    tickY,
  };
}

export const TITLE = { y: TITLE_Y, size: TITLE_SIZE } as const;
