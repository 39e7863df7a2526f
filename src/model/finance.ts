/** Cash flows of one investment: upfront at t = 0, then one benefit and one cost per year t = 1 … H. */
export interface CashFlows {
  upfront: number;
  benefits: readonly number[];
  costs: readonly number[];
  discountRate: number;
}

export interface YearFlow {
  year: number;
  benefit: number;
  cost: number;
  net: number;
  discountFactor: number;
  presentValue: number;
}

export interface FinanceResult {
  pvBenefits: number;
  pvCosts: number;
  npv: number;
  roi: number | null;
  paybackMonths: number | null;
  costOfDelayPerMonth: number;
  years: YearFlow[];
}

/** Relative tolerance of the payback test, so that rounding noise cannot move payback by a month. */
const PAYBACK_TOLERANCE = 1e-9;

/**
 * First whole month at which the undiscounted cumulative net reaches 0: −upfront plus, for each month of
 * year t, (benefit_t − cost_t) / 12. 0 when nothing is paid upfront and the first month already gains;
 * null when it is not reached within the horizon.
 */
export function paybackMonths(upfront: number, benefits: readonly number[], costs: readonly number[]): number | null {
  const nets = benefits.map((b, t) => b - (costs[t] ?? 0));
  if (upfront === 0 && nets.length > 0 && nets[0]! > 0) return 0;
  const scale = Math.max(upfront, ...nets.map(Math.abs));
  const tolerance = scale * PAYBACK_TOLERANCE;
  let atYearStart = -upfront;
  for (let t = 0; t < nets.length; t++) {
    const net = nets[t]!;
    for (let month = 1; month <= 12; month++) {
      if (atYearStart + (net * month) / 12 >= -tolerance) return t * 12 + month;
    }
    atYearStart += net;
  }
  return null;
}

/**
 * The undiscounted cumulative net cash flow at the end of each month, as payback counts it: month 0 is year 0's flow
 * (the upfront cost), then each month of year t adds a twelfth of year t's net.
 */
export function monthlyCumulative(years: readonly YearFlow[]): { month: number; cumulative: number }[] {
  let cumulative = years[0]?.net ?? 0;
  const points = [{ month: 0, cumulative }];
  for (let t = 1; t < years.length; t++) {
    const atYearStart = cumulative;
    for (let month = 1; month <= 12; month++) points.push({ month: (t - 1) * 12 + month, cumulative: atYearStart + (years[t]!.net * month) / 12 });
    cumulative = atYearStart + years[t]!.net;
  }
  return points;
}

export function evaluateCashFlows({ upfront, benefits, costs, discountRate }: CashFlows): FinanceResult {
  const years: YearFlow[] = [{ year: 0, benefit: 0, cost: upfront, net: -upfront, discountFactor: 1, presentValue: -upfront }];
  let pvBenefits = 0;
  let pvCosts = upfront;
  for (let t = 1; t <= benefits.length; t++) {
    const benefit = benefits[t - 1]!;
    const cost = costs[t - 1] ?? 0;
    const discountFactor = 1 / (1 + discountRate) ** t;
    pvBenefits += benefit * discountFactor;
    pvCosts += cost * discountFactor;
    years.push({ year: t, benefit, cost, net: benefit - cost, discountFactor, presentValue: (benefit - cost) * discountFactor });
  }
  const npv = pvBenefits - pvCosts;
  return {
    pvBenefits,
    pvCosts,
    npv,
    roi: pvCosts === 0 ? null : npv / pvCosts,
    paybackMonths: paybackMonths(upfront, benefits, costs),
    costOfDelayPerMonth: ((benefits[0] ?? 0) - (costs[0] ?? 0)) / 12,
    years,
  };
}

/** The share of full benefit reached in each year 1 … H; a shorter list repeats its last value. */
export function rampUpSeries(rampUp: readonly number[], horizonYears: number): number[] {
  const series: number[] = [];
  for (let t = 0; t < horizonYears; t++) series.push(rampUp[Math.min(t, rampUp.length - 1)] ?? 1);
  return series;
}

/**
 * The internal rate of return of yearly flows (year 0 first): the rate r at which Σ flow_t / (1 + r)^t = 0. Only
 * when the flows, zero flows left out, change sign exactly once is that root unique in (−1, ∞); otherwise null.
 * Found in x = 1 / (1 + r) > 0, where the flows are a polynomial with one positive root: bracketed, then Newton's
 * steps kept inside the bracket (a bisection where a step would leave it), to the last bits a double holds.
 */
export function irr(flows: readonly number[]): number | null {
  let changes = 0;
  let sign = 0;
  for (const f of flows) {
    if (f === 0) continue;
    const s = Math.sign(f);
    if (sign !== 0 && s !== sign) changes++;
    sign = s;
  }
  if (changes !== 1) return null;
  // The polynomial's sign near x = 0 is that of its first non-zero flow; the root lies where the sign turns.
  const atZero = Math.sign(flows.find((f) => f !== 0)!);
  let value = 0;
  let slope = 0;
  const at = (x: number) => {
    value = 0;
    slope = 0;
    for (let t = flows.length - 1; t >= 0; t--) {
      slope = slope * x + value;
      value = value * x + flows[t]!;
    }
  };
  let lo = 0;
  let hi = 1;
  for (at(hi); Math.sign(value) === atZero; at(hi)) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return null;
  }
  let x = (lo + hi) / 2;
  // Newton's steps converge in a few; bisection alone needs about 1,100 halvings to reach the smallest double.
  let converged = false;
  for (let i = 0; i < 1200; i++) {
    at(x);
    if (value === 0) break;
    if (Math.sign(value) === atZero) lo = x;
    else hi = x;
    const newton = x - value / slope;
    const next = newton > lo && newton < hi ? newton : (lo + hi) / 2;
    if (Math.abs(next - x) <= Number.EPSILON * x || next === lo || next === hi) {
      x = next;
      converged = true;
      break;
    }
    x = next;
  }
  // A root beyond what a double holds (a rate of more than about 1e308) has no figure to report.
  const r = 1 / x - 1;
  return (converged || value === 0) && x > 0 && Number.isFinite(r) ? r : null;
}
