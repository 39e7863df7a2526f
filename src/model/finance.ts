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
  return Array.from({ length: horizonYears }, (_, t) => rampUp[Math.min(t, rampUp.length - 1)] ?? 1);
}
