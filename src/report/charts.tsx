// The report's charts as inline SVG, drawn from the geometry in charts.ts. Presentation attributes only (the page's
// Content-Security-Policy allows no inline style), no script, no external reference; text is escaped by hono/jsx.
// A chart with nothing to show (no problems, no investments, no months, no inputs) renders nothing: the page decides
// what to say in its place, in its own words.
import type { Child } from 'hono/jsx';
import { type Label, TITLE, cashFlowGeometry, FONT_SIZE, n, npvGeometry, palette, paretoGeometry, type Tick, tornadoGeometry } from './charts.ts';
import type { CashPoint, ChartText, Formats, NpvItem, ParetoItem, TornadoItem } from './types.ts';

interface FrameProps {
  id: string;
  width: number;
  height: number;
  text: ChartText;
  children: Child;
}

/** The SVG around a chart: scales to its container, named by its <title> and described by its <desc>. */
function Frame({ id, width, height, text, children }: FrameProps) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      font-size={FONT_SIZE}
      fill={palette.ink}
    >
      <title id={`${id}-title`}>{text.title}</title>
      <desc id={`${id}-desc`}>{text.description}</desc>
      <rect width={width} height={height} fill={palette.background} />
      <text x="0" y={TITLE.y} font-size={TITLE.size} font-weight="bold">
        {text.title}
      </text>
      {children}
    </svg>
  );
}

/** A white outline under a text that sits on lines or bars, so that it stays readable over them. */
const halo = { stroke: palette.background, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } as const;

/** A label's text, with its full wording as a tooltip when it had to be cut. */
function LabelText({ label, ...attributes }: { label: Label; [attribute: string]: unknown }) {
  return (
    <text {...attributes}>
      {label.truncated ? <title>{label.full}</title> : null}
      {label.text}
    </text>
  );
}

function Gridlines({ ticks, x1, x2 }: { ticks: Tick[]; x1: number; x2: number }) {
  return (
    <g stroke={palette.grid} stroke-width="1">
      {ticks.map((t) => (
        <line x1={n(x1)} x2={n(x2)} y1={n(t.at)} y2={n(t.at)} />
      ))}
    </g>
  );
}

function VerticalGridlines({ ticks, y1, y2 }: { ticks: Tick[]; y1: number; y2: number }) {
  return (
    <g stroke={palette.grid} stroke-width="1">
      {ticks.map((t) => (
        <line x1={n(t.at)} x2={n(t.at)} y1={n(y1)} y2={n(y2)} />
      ))}
    </g>
  );
}

function XTickLabels({ ticks, y }: { ticks: Tick[]; y: number }) {
  return (
    <g fill={palette.muted} text-anchor="middle">
      {ticks.map((t) => (
        <text x={n(t.at)} y={n(y)}>
          {t.label}
        </text>
      ))}
    </g>
  );
}

export interface ParetoChartProps {
  items: ParetoItem[];
  text: ChartText & { damageAxis: string; cumulativeAxis: string; eightyLine: string; others: (count: number) => string };
  f: Formats;
  /** Prefix of the ids of the chart's <title> and <desc>; give each chart of a page its own. */
  id?: string;
}

/** Problems' yearly damage in rank order (left axis), their cumulative share (right axis), and the 80% line. */
export function ParetoChart({ items, text, f, id = 'pareto-chart' }: ParetoChartProps) {
  if (items.length === 0) return null;
  const g = paretoGeometry(items, f, text.others);
  const { left, right, top, bottom } = g.plot;
  return (
    <Frame id={id} width={g.width} height={g.height} text={text}>
      <Gridlines ticks={g.damageTicks} x1={left} x2={right} />
      <text x={n(left)} y={n(g.axisTitleY)} fill={palette.bar} font-weight="bold">
        {text.damageAxis}
      </text>
      <text x={n(right)} y={n(g.axisTitleY)} text-anchor="end" fill={palette.accentText} font-weight="bold">
        {text.cumulativeAxis}
      </text>
      <g fill={palette.muted} text-anchor="end">
        {g.damageTicks.map((t) => (
          <text x={n(left - 6)} y={n(t.at + 4)}>
            {t.label}
          </text>
        ))}
      </g>
      <g fill={palette.accentText} text-anchor="start">
        {g.shareTicks.map((t) => (
          <text x={n(right + 6)} y={n(t.at + 4)}>
            {t.label}
          </text>
        ))}
      </g>
      <g>
        {g.bars.map((b) => (
          <rect
            x={n(b.x)}
            y={n(b.y)}
            width={n(b.width)}
            height={n(b.height)}
            fill={b.others === undefined ? palette.bar : palette.mutedFill}
            stroke={b.others === undefined ? 'none' : palette.axis}
          >
            <title>{`${b.label.full}: ${f.money(b.damage)}${b.cumulativeShare === null ? '' : ` (${f.percent(b.cumulativeShare)})`}`}</title>
          </rect>
        ))}
      </g>
      <line x1={n(left)} x2={n(right)} y1={n(g.zeroY)} y2={n(g.zeroY)} stroke={palette.axis} stroke-width="1" />
      <line x1={n(left)} x2={n(right)} y1={n(g.eightyY)} y2={n(g.eightyY)} stroke={palette.accent} stroke-width="1" stroke-dasharray="5 4" />
      <text x={n(right - 4)} y={n(g.eightyY - 5)} text-anchor="end" fill={palette.accentText} {...halo}>
        {text.eightyLine}
      </text>
      {g.cumulativePath === '' ? null : <path d={g.cumulativePath} fill="none" stroke={palette.accent} stroke-width="2" />}
      <g fill={palette.background} stroke={palette.accent} stroke-width="2">
        {g.bars.map((b) => (b.cy === null ? null : <circle cx={n(b.cx)} cy={n(b.cy)} r="3.5" />))}
      </g>
      <line x1={n(left)} x2={n(left)} y1={n(top)} y2={n(bottom)} stroke={palette.axis} stroke-width="1" />
      <line x1={n(right)} x2={n(right)} y1={n(top)} y2={n(bottom)} stroke={palette.axis} stroke-width="1" />
      <g>
        {g.bars.map((b) =>
          g.labelAngle === 0 ? (
            <LabelText label={b.label} x={n(b.cx)} y={n(g.labelY)} text-anchor="middle" />
          ) : (
            <LabelText label={b.label} x={n(b.cx)} y={n(g.labelY)} text-anchor="end" transform={`rotate(-45 ${n(b.cx)} ${n(g.labelY)})`} />
          ),
        )}
      </g>
    </Frame>
  );
}

export interface NpvChartProps {
  items: NpvItem[];
  text: ChartText & { notWorthIt: string; whiskerNote: string };
  f: Formats;
  id?: string;
}

/** Each investment's npv as a bar from zero, P10–P90 whiskers when simulated, the not-worth-it ones set apart below. */
export function NpvChart({ items, text, f, id = 'npv-chart' }: NpvChartProps) {
  if (items.length === 0) return null;
  const g = npvGeometry(items, f);
  const { top, bottom } = g.plot;
  return (
    <Frame id={id} width={g.width} height={g.height} text={text}>
      <VerticalGridlines ticks={g.ticks} y1={top} y2={bottom} />
      <XTickLabels ticks={g.ticks} y={g.tickY} />
      {g.rows.map((r, k) => (
        <>
          {k === g.firstApart && g.divider !== null ? (
            <g>
              <line x1="0" x2={g.width} y1={n(g.divider.y)} y2={n(g.divider.y)} stroke={palette.axis} stroke-width="1" stroke-dasharray="3 3" />
              <text x="0" y={n(g.divider.headingY)} fill={palette.muted} font-style="italic">
                {text.notWorthIt}
              </text>
            </g>
          ) : null}
          <g fill={r.recommended ? palette.ink : palette.muted}>
            <LabelText label={r.label} x={n(g.labelX)} y={n(r.y + 4)} text-anchor="end" />
            <rect
              x={n(r.bar.x)}
              y={n(r.bar.y)}
              width={n(r.bar.width)}
              height={n(r.bar.height)}
              fill={r.recommended ? palette.bar : palette.mutedFill}
              stroke={r.recommended ? 'none' : palette.axis}
            />
            {r.whisker === null ? null : (
              <g stroke={palette.ink} stroke-width="1.5">
                <line x1={n(r.whisker.x1)} x2={n(r.whisker.x2)} y1={n(r.y)} y2={n(r.y)} />
                <line x1={n(r.whisker.x1)} x2={n(r.whisker.x1)} y1={n(r.y - 5)} y2={n(r.y + 5)} />
                <line x1={n(r.whisker.x2)} x2={n(r.whisker.x2)} y1={n(r.y - 5)} y2={n(r.y + 5)} />
              </g>
            )}
            <text x={n(r.value.x)} y={n(r.y + 4)} text-anchor={r.value.anchor}>
              {r.value.text}
            </text>
          </g>
        </>
      ))}
      <line x1={n(g.zeroX)} x2={n(g.zeroX)} y1={n(top)} y2={n(bottom)} stroke={palette.ink} stroke-width="1" />
      {g.noteY === null ? null : (
        <text x="0" y={n(g.noteY)} fill={palette.muted}>
          {text.whiskerNote}
        </text>
      )}
    </Frame>
  );
}

export interface CashFlowChartProps {
  points: CashPoint[];
  paybackMonths: number | null;
  text: ChartText & { monthAxis: string; payback: (months: number) => string };
  f: Formats;
  id?: string;
}

/** The cumulative net cash flow by month, the zero line, and the month it pays back. */
export function CashFlowChart({ points, paybackMonths, text, f, id = 'cash-flow-chart' }: CashFlowChartProps) {
  if (points.length === 0) return null;
  const g = cashFlowGeometry(points, paybackMonths, f, text.payback);
  const { left, right, top, bottom } = g.plot;
  return (
    <Frame id={id} width={g.width} height={g.height} text={text}>
      <Gridlines ticks={g.moneyTicks} x1={left} x2={right} />
      <g fill={palette.muted} text-anchor="end">
        {g.moneyTicks.map((t) => (
          <text x={n(left - 6)} y={n(t.at + 4)}>
            {t.label}
          </text>
        ))}
      </g>
      <g stroke={palette.axis} stroke-width="1">
        {g.monthTicks.map((t) => (
          <line x1={n(t.at)} x2={n(t.at)} y1={n(bottom)} y2={n(bottom + 4)} />
        ))}
      </g>
      <XTickLabels ticks={g.monthTicks} y={bottom + 17} />
      <text x={n((left + right) / 2)} y={n(g.axisTitleY)} text-anchor="middle" fill={palette.muted}>
        {text.monthAxis}
      </text>
      <path d={g.areaPath} fill={palette.bar} fill-opacity="0.15" />
      <line x1={n(left)} x2={n(right)} y1={n(g.zeroY)} y2={n(g.zeroY)} stroke={palette.ink} stroke-width="1" />
      <path d={g.linePath} fill="none" stroke={palette.bar} stroke-width="2" />
      <line x1={n(left)} x2={n(left)} y1={n(top)} y2={n(bottom)} stroke={palette.axis} stroke-width="1" />
      <line x1={n(left)} x2={n(right)} y1={n(bottom)} y2={n(bottom)} stroke={palette.axis} stroke-width="1" />
      {g.payback === null ? null : (
        <g>
          <line
            x1={n(g.payback.x)}
            x2={n(g.payback.x)}
            y1={n(top - 12)}
            y2={n(bottom)}
            stroke={palette.accent}
            stroke-width="1.5"
            stroke-dasharray="5 4"
          />
          <circle cx={n(g.payback.x)} cy={n(g.payback.y)} r="4" fill={palette.accent} stroke={palette.background} stroke-width="1.5" />
          <text x={n(g.payback.labelX)} y={n(top - 2)} text-anchor={g.payback.anchor} fill={palette.accentText} font-weight="bold" {...halo}>
            {g.payback.label}
          </text>
        </g>
      )}
    </Frame>
  );
}

export interface TornadoChartProps {
  items: TornadoItem[];
  /** The figure with every input at its value: where the bars start. */
  base: number;
  text: ChartText & { baseLabel: string };
  f: Formats;
  id?: string;
}

/** How far the figure moves when each input goes to its low and its high end, largest swing first (as given). */
export function TornadoChart({ items, base, text, f, id = 'tornado-chart' }: TornadoChartProps) {
  if (items.length === 0) return null;
  const g = tornadoGeometry(items, base, f, text.baseLabel);
  const { top, bottom } = g.plot;
  return (
    <Frame id={id} width={g.width} height={g.height} text={text}>
      <VerticalGridlines ticks={g.ticks} y1={top} y2={bottom} />
      <XTickLabels ticks={g.ticks} y={g.tickY} />
      {g.rows.map((r) => (
        <g>
          <LabelText label={r.label} x={n(g.labelX)} y={n(r.y + 4)} text-anchor="end" />
          {/* The longer part first, so that a shorter one on the same side of the base stays in sight. */}
          {[
            { bar: r.lowBar, fill: palette.bar },
            { bar: r.highBar, fill: palette.accent },
          ]
            .sort((a, b) => b.bar.width - a.bar.width)
            .map(({ bar, fill }) => (
              <rect x={n(bar.x)} y={n(r.barY)} width={n(bar.width)} height={n(r.barHeight)} fill={fill} />
            ))}
          <text x={n(r.low.x)} y={n(r.y + 4)} text-anchor={r.low.anchor} fill={palette.bar}>
            {r.low.text}
          </text>
          <text x={n(r.high.x)} y={n(r.y + 4)} text-anchor={r.high.anchor} fill={palette.accentText}>
            {r.high.text}
          </text>
        </g>
      ))}
      <line x1={n(g.baseX)} x2={n(g.baseX)} y1={n(top - 4)} y2={n(bottom)} stroke={palette.ink} stroke-width="1.5" />
      <text x={n(g.base.x)} y={n(g.base.y)} text-anchor={g.base.anchor} {...halo}>
        {g.base.label}
      </text>
    </Frame>
  );
}
