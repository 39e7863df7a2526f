// What the report's parts hand each other: the numbers a chart shows, the words it needs, and how numbers are
// written in the report's language and currency.

/** How the report writes numbers, in its language and the scenario's currency (Intl.NumberFormat). */
export interface Formats {
  /** A sum of money in full: "$5,096,632", "5.096.632 ₫". */
  money: (value: number) => string;
  /** A sum of money for an axis tick: "$5.1M", "5,1 Tr ₫". */
  moneyShort: (value: number) => string;
  /** A share as a percentage: 0.8 → "80%". */
  percent: (share: number) => string;
  /** A plain number: 0.041054 → "0.041054", 28.6583 → "28.66". */
  number: (value: number) => string;
  /** A count of months: "2 months", "2 tháng". */
  months: (count: number) => string;
}

/** The words of a chart: a title shown above it, and what it shows for a reader who cannot see it. */
export interface ChartText {
  title: string;
  description: string;
}

/** A problem in the Pareto chart, in rank order. */
export interface ParetoItem {
  label: string;
  damage: number;
  /** Running share of the positive damage down the ranking; null for a problem that does no damage. */
  cumulativeShare: number | null;
}

/** An investment in the npv chart, in rank order. */
export interface NpvItem {
  label: string;
  npv: number;
  /** The simulated P10 and P90 of npv, when simulated. */
  p10?: number;
  p90?: number;
  /** False when not worth doing (npv < 0): drawn apart, still readable. */
  recommended: boolean;
}

/** The cumulative undiscounted net cash flow at the end of a month (month 0: the upfront cost alone). */
export interface CashPoint {
  month: number;
  cumulative: number;
}

/** One input's swing in a tornado: the figure at its low and high ends. */
export interface TornadoItem {
  label: string;
  low: number;
  high: number;
  figureAtLow: number;
  figureAtHigh: number;
  /** The low and high values as written (money, a share); without them, plain numbers. */
  lowText?: string;
  highText?: string;
}
