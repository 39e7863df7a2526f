import { describe, expect, it } from 'vitest';
import {
  cashFlowGeometry,
  fitLabel,
  monthStep,
  npvGeometry,
  PARETO_TOP,
  palette,
  paretoGeometry,
  type Tick,
  textWidth,
  tornadoGeometry,
  WIDTH,
} from '../../src/report/charts.ts';
import { CashFlowChart, NpvChart, ParetoChart, TornadoChart } from '../../src/report/charts.tsx';
import type { CashPoint, Formats, NpvItem, ParetoItem, TornadoItem } from '../../src/report/types.ts';

const f: Formats = {
  money: (v) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(v),
  moneyShort: (v) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact' }).format(v),
  percent: (v) => new Intl.NumberFormat('en-US', { style: 'percent' }).format(v),
  number: (v) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(v),
  months: (v) => `${v} months`,
};
const others = (count: number) => `${count} others`;
const paretoText = { title: 'Damage', description: 'd', damageAxis: 'Damage a year', cumulativeAxis: 'Cumulative', eightyLine: '80%', others };
const npvText = { title: 'NPV', description: 'd', notWorthIt: 'Not worth it', whiskerNote: 'Whiskers: P10–P90' };
const cashText = { title: 'Cash', description: 'd', monthAxis: 'Month', payback: (m: number) => `Pays back in month ${m}` };
const tornadoText = { title: 'Tornado', description: 'd', baseLabel: 'Base' };

async function svg(node: unknown): Promise<string> {
  expect(node).not.toBeNull();
  return String(await (node as { toString(): string | Promise<string> }).toString());
}

/** The problems of a ranking with their running share, as the report hands them over. */
function pareto(damages: number[], label = (i: number) => `Problem ${i + 1}`): ParetoItem[] {
  const positive = damages.filter((d) => d > 0).reduce((a, b) => a + b, 0);
  let running = 0;
  return damages.map((damage, i) => {
    if (damage > 0) running += damage;
    return { label: label(i), damage, cumulativeShare: damage > 0 && positive > 0 ? running / positive : null };
  });
}

/** The value a linear axis puts at a position, read back from two of its ticks. */
function valueAt(ticks: Tick[], at: number): number {
  const a = ticks[0]!;
  const b = ticks[ticks.length - 1]!;
  return a.value + ((at - a.at) * (b.value - a.value)) / (b.at - a.at);
}

function expectNiceTicks(ticks: Tick[]) {
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const step = ticks[1]!.value - ticks[0]!.value;
  const magnitude = 10 ** Math.floor(Math.log10(step));
  expect([1, 2, 5, 10]).toContain(Math.round(step / magnitude));
  for (const t of ticks) expect(Math.abs(t.value / step - Math.round(t.value / step))).toBeLessThan(1e-9);
}

function expectClean(html: string) {
  expect(html).not.toMatch(/NaN|Infinity|undefined|null|\[object/);
  expect(html).not.toMatch(/\sstyle=|<style|<script|href=|xlink:|url\(/i);
}

describe('the Pareto chart', () => {
  const items = pareto([500_000, 300_000, 120_000, 50_000, 30_000]);

  it('draws every damage on a nice axis that includes zero', () => {
    const g = paretoGeometry(items, f, others);
    expectNiceTicks(g.damageTicks);
    expect(g.damageTicks[0]!.value).toBe(0);
    expect(g.damageTicks.at(-1)!.value).toBeGreaterThanOrEqual(500_000);
    expect(g.damageTicks.map((t) => t.label)).toContain('$500K');
    for (const b of g.bars) {
      expect(b.y).toBeGreaterThanOrEqual(g.plot.top);
      expect(b.y + b.height).toBeCloseTo(g.zeroY, 6);
      expect(valueAt(g.damageTicks, b.y)).toBeCloseTo(b.damage, 0);
    }
  });

  it('puts the 80% line at 80% of the share axis, from 0% at the zero line to 100% at the top', () => {
    const g = paretoGeometry(items, f, others);
    expect(g.shareTicks.map((t) => t.label)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
    expect(g.shareTicks[0]!.at).toBe(g.zeroY);
    expect(g.shareTicks.at(-1)!.at).toBe(g.plot.top);
    expect(g.eightyY).toBeCloseTo(g.zeroY - 0.8 * (g.zeroY - g.plot.top), 9);
    expect(g.eightyY).toBe(g.shareTicks.find((t) => t.value === 0.8)!.at);
  });

  it('ends the cumulative line at 100%', () => {
    const g = paretoGeometry(items, f, others);
    expect(g.bars.at(-1)!.cy).toBe(g.plot.top);
    const lastPoint = g.cumulativePath.match(/L?([\d.-]+),([\d.-]+)$/)!;
    expect(Number(lastPoint[1])).toBeCloseTo(g.bars.at(-1)!.cx, 1);
    expect(Number(lastPoint[2])).toBeCloseTo(g.plot.top, 1);
    expect(g.cumulativePath.match(/[ML]/g)).toHaveLength(items.length);
  });

  it('sums the problems beyond the top 15 into one bar whose cumulative point is at 100%', async () => {
    const damages = Array.from({ length: 30 }, (_, i) => 1_000_000 / (i + 1));
    const g = paretoGeometry(pareto(damages), f, others);
    expect(g.bars).toHaveLength(PARETO_TOP + 1);
    const rest = g.bars.at(-1)!;
    expect(rest.others).toBe(15);
    expect(rest.label.full).toBe('15 others');
    expect(rest.damage).toBeCloseTo(
      damages.slice(15).reduce((a, b) => a + b, 0),
      6,
    );
    expect(rest.cumulativeShare).toBeCloseTo(1, 12);
    expect(rest.cy).toBeCloseTo(g.plot.top, 9);
    const html = await svg(ParetoChart({ items: pareto(damages), text: paretoText, f }));
    expect(html).toContain('15 others');
    expect(html).not.toContain('Problem 16');
    expect(html.match(/<rect /g)).toHaveLength(1 + 16); // the background and the bars
  });

  it('keeps 200 problems to 16 bars whose labels fit', () => {
    const g = paretoGeometry(pareto(Array.from({ length: 200 }, (_, i) => 200 - i)), f, (count) => `${count} other problems with a long label`);
    expect(g.bars).toHaveLength(16);
    expect(g.bars.at(-1)!.others).toBe(185);
    expect(g.labelAngle).toBe(-45);
    for (const b of g.bars) {
      expect(textWidth(b.label.text) * Math.SQRT1_2).toBeLessThanOrEqual(b.cx);
      expect(g.labelY + textWidth(b.label.text) * Math.SQRT1_2).toBeLessThanOrEqual(g.height);
    }
  });

  it('draws a negative damage below zero with no cumulative point, and zero damage flat', async () => {
    const g = paretoGeometry(pareto([400, 100, 0, -50]), f, others);
    expect(g.damageTicks[0]!.value).toBeLessThanOrEqual(-50);
    expect(g.damageTicks.some((t) => t.value === 0)).toBe(true);
    const [, , zero, negative] = g.bars;
    expect(zero!.height).toBe(0);
    expect(zero!.cy).toBeNull();
    expect(negative!.y).toBeCloseTo(g.zeroY, 9);
    expect(negative!.height).toBeGreaterThan(0);
    expect(negative!.cy).toBeNull();
    expect(g.zeroY).toBeLessThan(g.plot.bottom);
    expect(g.shareTicks[0]!.at).toBe(g.zeroY);
    expect(g.eightyY).toBeCloseTo(g.zeroY - 0.8 * (g.zeroY - g.plot.top), 9);
    expect(g.cumulativePath.match(/[ML]/g)).toHaveLength(2);
    expectClean(await svg(ParetoChart({ items: pareto([400, 100, 0, -50]), text: paretoText, f })));
  });

  it('has no NaN when all damage is zero, for one problem, and for equal damages', async () => {
    for (const damages of [[0, 0, 0], [1234], [5, 5, 5, 5], [-3]]) {
      const html = await svg(ParetoChart({ items: pareto(damages), text: paretoText, f }));
      expectClean(html);
    }
    expect(paretoGeometry(pareto([0, 0]), f, others).cumulativePath).toBe('');
    const flat = paretoGeometry(pareto([0, 0]), f, others);
    expect(flat.damageTicks.length).toBeGreaterThanOrEqual(2);
    expect(flat.zeroY).toBe(flat.plot.bottom);
  });

  it('renders nothing for no problems', () => {
    expect(ParetoChart({ items: [], text: paretoText, f })).toBeNull();
  });
});

describe('the npv chart', () => {
  const items: NpvItem[] = [
    { label: 'Self-service portal', npv: 900_000, p10: 400_000, p90: 1_500_000, recommended: true },
    { label: 'Legacy IVR', npv: -250_000, p10: -400_000, p90: -50_000, recommended: false },
    { label: 'Training', npv: 300_000, p10: 100_000, p90: 450_000, recommended: true },
  ];

  it('places the whiskers at P10 and P90 on a nice axis through zero', () => {
    const g = npvGeometry(items, f);
    expectNiceTicks(g.ticks);
    expect(g.ticks[0]!.value).toBeLessThanOrEqual(-400_000);
    expect(g.ticks.at(-1)!.value).toBeGreaterThanOrEqual(1_500_000);
    expect(valueAt(g.ticks, g.zeroX)).toBeCloseTo(0, 6);
    const portal = g.rows.find((r) => r.label.full === 'Self-service portal')!;
    expect(valueAt(g.ticks, portal.whisker!.x1)).toBeCloseTo(400_000, 3);
    expect(valueAt(g.ticks, portal.whisker!.x2)).toBeCloseTo(1_500_000, 3);
    expect(valueAt(g.ticks, portal.bar.x + portal.bar.width)).toBeCloseTo(900_000, 3);
  });

  it('draws a negative npv left of zero, its value further left', () => {
    const ivr = npvGeometry(items, f).rows.find((r) => r.npv < 0)!;
    const { zeroX } = npvGeometry(items, f);
    expect(ivr.bar.x).toBeLessThan(zeroX);
    expect(ivr.bar.x + ivr.bar.width).toBeCloseTo(zeroX, 9);
    expect(ivr.value.anchor).toBe('end');
    expect(ivr.value.x).toBeLessThan(ivr.whisker!.x1);
    expect(ivr.value.x - textWidth(ivr.value.text)).toBeGreaterThan(npvGeometry(items, f).labelX);
  });

  it('sets the not-worth-it investments apart below the divider, their text still readable', async () => {
    const g = npvGeometry(items, f);
    expect(g.rows.map((r) => r.label.full)).toEqual(['Self-service portal', 'Training', 'Legacy IVR']);
    for (const r of g.rows) {
      if (r.recommended) expect(r.y).toBeLessThan(g.divider!.y);
      else expect(r.y).toBeGreaterThan(g.divider!.headingY);
    }
    const html = await svg(NpvChart({ items, text: npvText, f }));
    expect(html.indexOf('Not worth it')).toBeLessThan(html.indexOf('Legacy IVR'));
    expect(html.indexOf('Training')).toBeLessThan(html.indexOf('Not worth it'));
    expect(html).toContain(`fill="${palette.muted}"`);
    expect(html).toContain('Whiskers: P10–P90');
    expect(html).toContain('-$250,000');
  });

  it('starts every bar at zero, even when every npv is far from it', () => {
    const g = npvGeometry(
      [
        { label: 'A', npv: 500_000, recommended: true },
        { label: 'B', npv: 600_000, recommended: true },
      ],
      f,
    );
    expect(g.ticks[0]!.value).toBe(0);
    expect(g.rows[0]!.bar.x).toBe(g.zeroX);
    expect(valueAt(g.ticks, g.rows[0]!.bar.x + g.rows[0]!.bar.width)).toBeCloseTo(500_000, 6);
  });

  it('has no divider and no whisker note when every investment is worth it and none simulated', async () => {
    const plain: NpvItem[] = [{ label: 'A', npv: 10, recommended: true }];
    const g = npvGeometry(plain, f);
    expect(g.divider).toBeNull();
    expect(g.noteY).toBeNull();
    expect(g.rows[0]!.whisker).toBeNull();
    const html = await svg(NpvChart({ items: plain, text: npvText, f }));
    expect(html).not.toContain('Not worth it');
    expect(html).not.toContain('Whiskers');
  });

  it('keeps every text inside the chart, cutting long labels with the full one as a tooltip', async () => {
    const long = 'A very long investment name that goes on and on and would run into the bars if nobody cut it';
    const many: NpvItem[] = [
      { label: long, npv: 123_456_789, recommended: true },
      { label: 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', npv: -98_765_432, recommended: false },
    ];
    const g = npvGeometry(many, f);
    for (const r of g.rows) {
      expect(g.labelX - textWidth(r.label.text)).toBeGreaterThanOrEqual(0);
      const w = textWidth(r.value.text);
      const [from, to] = r.value.anchor === 'start' ? [r.value.x, r.value.x + w] : [r.value.x - w, r.value.x];
      expect(from).toBeGreaterThan(g.labelX);
      expect(to).toBeLessThanOrEqual(WIDTH);
    }
    expect(g.rows[0]!.label.truncated).toBe(true);
    expect(g.rows[0]!.label.text.endsWith('…')).toBe(true);
    const html = await svg(NpvChart({ items: many, text: npvText, f }));
    expect(html).toContain(`<title>${long}</title>`);
  });

  it('has no NaN for all-zero, equal and single npvs, and renders nothing for none', async () => {
    for (const list of [
      [{ label: 'A', npv: 0, recommended: true }],
      [
        { label: 'A', npv: 5, p10: 5, p90: 5, recommended: true },
        { label: 'B', npv: 5, p10: 5, p90: 5, recommended: true },
      ],
      [{ label: 'A', npv: -5, recommended: false }],
    ]) {
      expectClean(await svg(NpvChart({ items: list, text: npvText, f })));
    }
    expect(NpvChart({ items: [], text: npvText, f })).toBeNull();
  });
});

describe('the cash flow chart', () => {
  const points: CashPoint[] = Array.from({ length: 37 }, (_, month) => ({ month, cumulative: -120_000 + month * 9_000 }));

  it('marks the payback month where the month axis has it', async () => {
    const g = cashFlowGeometry(points, 14, f, cashText.payback);
    expect(g.monthTicks.map((t) => t.value)).toEqual([0, 6, 12, 18, 24, 30, 36]);
    expect(valueAt(g.monthTicks, g.payback!.x)).toBeCloseTo(14, 9);
    expect(g.payback!.y).toBe(g.zeroY);
    const html = await svg(CashFlowChart({ points, paybackMonths: 14, text: cashText, f }));
    expect(html).toContain('Pays back in month 14');
  });

  it('draws the line and area through every month on a nice money axis that includes zero', () => {
    const g = cashFlowGeometry(points, 14, f, cashText.payback);
    expectNiceTicks(g.moneyTicks);
    expect(g.moneyTicks[0]!.value).toBeLessThanOrEqual(-120_000);
    expect(g.moneyTicks.at(-1)!.value).toBeGreaterThanOrEqual(204_000);
    expect(valueAt(g.moneyTicks, g.zeroY)).toBeCloseTo(0, 6);
    expect(g.linePath.match(/[ML]/g)).toHaveLength(37);
    expect(g.linePath.startsWith(`M${g.plot.left},`)).toBe(true);
    expect(g.areaPath.endsWith('Z')).toBe(true);
  });

  it('ticks whole years for long spans and half years for medium ones', () => {
    expect(monthStep(120)).toBe(12);
    expect(monthStep(36)).toBe(6);
    const long = Array.from({ length: 121 }, (_, month) => ({ month, cumulative: month }));
    expect(cashFlowGeometry(long, null, f, cashText.payback).monthTicks.map((t) => t.value)).toEqual([0, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120]);
  });

  it('widens the months to a payback beyond the last point, keeps its label inside, and has none without payback', () => {
    const g = cashFlowGeometry(points.slice(0, 13), 36, f, cashText.payback);
    expect(g.payback!.x).toBeCloseTo(g.plot.right, 9);
    expect(g.payback!.anchor).toBe('end');
    expect(g.payback!.labelX - textWidth(g.payback!.label)).toBeGreaterThan(0);
    expect(cashFlowGeometry(points, null, f, cashText.payback).payback).toBeNull();
  });

  it('includes zero when the cash stays positive, and spreads a single month over the axis', () => {
    const rich = cashFlowGeometry(
      [0, 1, 2].map((month) => ({ month, cumulative: 1_000_000 + month * 10_000 })),
      null,
      f,
      cashText.payback,
    );
    expect(rich.moneyTicks[0]!.value).toBe(0);
    expect(rich.zeroY).toBe(rich.plot.bottom);
    const one = cashFlowGeometry([{ month: 0, cumulative: -5000 }], null, f, cashText.payback);
    expect(one.monthTicks.length).toBeGreaterThanOrEqual(2);
    expect(one.linePath.startsWith(`M${one.plot.left},${one.plot.bottom}`)).toBe(true);
  });

  it('has no NaN for one point, flat zero and equal values, and renders nothing for no points', async () => {
    for (const list of [
      [{ month: 0, cumulative: -5000 }],
      [0, 1, 2].map((month) => ({ month, cumulative: 0 })),
      [0, 1].map((month) => ({ month, cumulative: 7 })),
    ]) {
      expectClean(await svg(CashFlowChart({ points: list, paybackMonths: 0, text: cashText, f })));
      expectClean(await svg(CashFlowChart({ points: list, paybackMonths: null, text: cashText, f })));
    }
    expect(CashFlowChart({ points: [], paybackMonths: null, text: cashText, f })).toBeNull();
  });
});

describe('the tornado chart', () => {
  const items: TornadoItem[] = [
    { label: 'Deflection rate', low: 0.2, high: 0.4, figureAtLow: 200_000, figureAtHigh: 1_400_000 },
    { label: 'Cost per contact', low: 4.5, high: 7.5, figureAtLow: 1_100_000, figureAtHigh: 500_000 },
  ];

  it('draws each bar from the figure at the low end to the one at the high end, through the base', () => {
    const g = tornadoGeometry(items, 800_000, f, 'Base');
    expectNiceTicks(g.ticks);
    expect(valueAt(g.ticks, g.baseX)).toBeCloseTo(800_000, 6);
    const [deflection, cost] = g.rows;
    expect(valueAt(g.ticks, deflection!.lowBar.x)).toBeCloseTo(200_000, 6);
    expect(valueAt(g.ticks, deflection!.highBar.x + deflection!.highBar.width)).toBeCloseTo(1_400_000, 6);
    expect(deflection!.low).toMatchObject({ text: '0.2', anchor: 'end' });
    expect(deflection!.high).toMatchObject({ text: '0.4', anchor: 'start' });
    // An input whose high end lowers the figure: its high value on the left.
    expect(valueAt(g.ticks, cost!.highBar.x)).toBeCloseTo(500_000, 6);
    expect(cost!.high).toMatchObject({ text: '7.5', anchor: 'end' });
    expect(cost!.low.x).toBeGreaterThan(cost!.high.x);
    expect(g.rows.map((r) => r.label.full)).toEqual(['Deflection rate', 'Cost per contact']);
  });

  it('labels the base line and keeps it inside', async () => {
    const html = await svg(TornadoChart({ items, base: 800_000, text: tornadoText, f }));
    expect(html).toContain('Base: $800,000');
    const label = 'Base figure, every input at its expected value';
    const atRight = tornadoGeometry([{ label: 'x', low: 1, high: 2, figureAtLow: 1000, figureAtHigh: 2000 }], 2000, f, label);
    expect(atRight.base.anchor).toBe('end');
    expect(atRight.base.x).toBeLessThanOrEqual(WIDTH);
    expect(atRight.base.x - textWidth(atRight.base.label)).toBeGreaterThanOrEqual(0);
    const middle = tornadoGeometry([{ label: 'x', low: 1, high: 2, figureAtLow: 1000, figureAtHigh: 2000 }], 1500, f, 'Base');
    expect(middle.base.anchor).toBe('middle');
  });

  it('has no NaN when nothing swings, for one input, and renders nothing for none', async () => {
    for (const [list, base] of [
      [[{ label: 'A', low: 1, high: 1, figureAtLow: 5, figureAtHigh: 5 }], 5],
      [[{ label: 'A', low: 0, high: 0, figureAtLow: 0, figureAtHigh: 0 }], 0],
      [items.slice(0, 1), 800_000],
    ] as [TornadoItem[], number][]) {
      expectClean(await svg(TornadoChart({ items: list, base, text: tornadoText, f })));
    }
    expect(TornadoChart({ items: [], base: 0, text: tornadoText, f })).toBeNull();
    const still = tornadoGeometry([{ label: 'A', low: 1, high: 1, figureAtLow: 5, figureAtHigh: 5 }], 5, f, 'Base');
    expect(still.ticks.length).toBeGreaterThanOrEqual(2);
    expect(still.baseX).toBeGreaterThan(still.plot.left);
    expect(still.baseX).toBeLessThan(still.plot.right);
  });
});

describe('every chart', () => {
  const hostile = [
    '<script>alert(1)</script>',
    `"quoted" & 'single' </text><text>`,
    '=HYPERLINK("http://evil.example","click")',
    '\u202Eevil\u202C name \u200F',
  ];
  const renders = async (label: string) => [
    await svg(ParetoChart({ items: pareto([3, 2, 1], () => label), text: { ...paretoText, title: label, others }, f })),
    await svg(NpvChart({ items: [{ label, npv: 1, recommended: true }], text: { ...npvText, notWorthIt: label }, f })),
    await svg(CashFlowChart({ points: [{ month: 0, cumulative: -1 }], paybackMonths: null, text: { ...cashText, description: label }, f })),
    await svg(
      TornadoChart({ items: [{ label, low: 0, high: 1, figureAtLow: 0, figureAtHigh: 2 }], base: 1, text: { ...tornadoText, baseLabel: label }, f }),
    ),
  ];

  it('escapes hostile labels, which stay text', async () => {
    for (const label of hostile) {
      for (const html of await renders(label)) {
        expectClean(html.replaceAll('&lt;script&gt;', ''));
        expect(html).not.toMatch(/<script|<\/text><text>/);
        expect(html.match(/<svg /g)).toHaveLength(1);
      }
    }
    const [html] = await renders(hostile[0]!);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const [rtl] = await renders(hostile[3]!);
    expect(rtl).toContain('\u202Eevil\u202C name');
  });

  it('is an image named by its own title and description, scaling to its container, with no style', async () => {
    for (const html of await renders('A')) {
      const [, id] = html.match(/aria-labelledby="([^" ]+)-title \1-desc"/)!;
      expect(html).toContain(`<title id="${id}-title">`);
      expect(html).toContain(`<desc id="${id}-desc">`);
      expect(html).toMatch(new RegExp(`^<svg [^>]*viewBox="0 0 ${WIDTH} \\d+" width="100%" role="img"`));
      expectClean(html);
    }
    const two = await svg(NpvChart({ items: [{ label: 'A', npv: 1, recommended: true }], text: npvText, f, id: 'npv-portfolio' }));
    expect(two).toContain('id="npv-portfolio-title"');
  });

  it('writes text in colours with a contrast of at least 4.5:1 on white', async () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5]
        .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (hex: string) => 1.05 / (luminance(hex) + 0.05);
    const textColours = new Set<string>();
    for (const html of await renders('A')) {
      for (const [, fill] of html.matchAll(/<(?:text|g|svg)\b[^>]*?\bfill="(#[0-9a-fA-F]{6})"/g)) textColours.add(fill!);
    }
    textColours.delete(palette.background);
    textColours.delete(palette.mutedFill);
    expect(textColours.size).toBeGreaterThanOrEqual(4);
    for (const colour of textColours) expect(contrast(colour), colour).toBeGreaterThanOrEqual(4.5);
    expect(contrast(palette.accent)).toBeGreaterThanOrEqual(3);
    expect(contrast(palette.axis)).toBeGreaterThanOrEqual(3);
  });

  it('cuts a label to its room between letters, a Vietnamese letter whole with its marks', () => {
    for (const form of ['NFC', 'NFD']) {
      const full = 'Khách hàng phải gọi lại nhiều lần vì không được giải quyết'.normalize(form);
      const label = fitLabel(full, 100);
      expect(label.truncated).toBe(true);
      expect(textWidth(label.text)).toBeLessThanOrEqual(100);
      expect(label.text).toMatch(/^\u2068.+\u2069…$/u);
      const kept = label.text.slice(1, -2);
      expect(full.startsWith(kept)).toBe(true);
      expect(full.slice(kept.length)).not.toMatch(/^\p{M}/u);
    }
    expect(fitLabel('  short\n label ', 100)).toEqual({ text: 'short label', full: 'short label', truncated: false });
  });
});
