// Plain data shapes of the model. The schemas in src/schemas produce values of these shapes. `N` is how a rangeable
// input is given: a number (a point scenario), or a number or a range (a scenario as sent).

export type Distribution = 'pert' | 'triangular' | 'uniform';

/** An uncertain input: three-point estimate, drawn from `distribution` (PERT unless said) in a simulation. */
export interface Range {
  low: number;
  likely: number;
  high: number;
  distribution?: Distribution;
}

/** A rangeable input as sent: a number or a range. */
export type Uncertain = number | Range;

export interface Outcomes {
  satisfied: number;
  mollified: number;
  dissatisfied: number;
}

export interface LoyaltyRates<N = number> {
  baseline: N;
  silent: N;
  satisfied: N;
  mollified: N;
  dissatisfied: N;
}

export interface WordOfMouth<N = number> {
  positiveTold: N;
  negativeTold: N;
  positiveInfluence: N;
  negativeInfluence: N;
}

export interface Finance<N = number> {
  horizonYears: number;
  discountRate: N;
  riskAdjustment: N;
}

export interface AnnualFigures<N = number> {
  annualRevenue: N;
  grossMargin: N;
  retentionRate: N;
  discountRate?: N;
}

export interface CustomerValueInput<N = number> extends Partial<AnnualFigures<N>> {
  lifetimeValue?: N;
}

export interface ProblemInput<N = number> {
  id: string;
  name?: string;
  prevalence?: N;
  affectedCustomers?: N;
  complaintsPerYear?: N;
  complaintRate: N;
  outcomes: Outcomes;
  costPerComplaint?: N;
  loyalty?: Partial<LoyaltyRates<N>>;
}

export interface Effects<N = number> {
  prevalenceReduction?: N;
  complaintRateMultiplier?: N;
  outcomes?: Outcomes;
  costPerComplaintReduction?: N;
}

export interface InvestmentInput<N = number> {
  id: string;
  name?: string;
  problems: string[] | 'all';
  effects: Effects<N>;
  cost: { upfront?: N; annual?: N };
  rampUp?: number[];
}

/** Monte Carlo settings: how many samples, from which seed. */
export interface SimulationSettings {
  samples: number;
  seed: number;
}

/** Tornado settings: the relative swing of the inputs without a range (none when absent), and how many entries to list. */
export interface SensitivitySettings {
  swing?: number;
  top: number;
}

export interface ScenarioInput<N = number> {
  currency?: string;
  customers: number;
  customerValue: CustomerValueInput<N>;
  newCustomerValue?: N;
  loyalty?: Partial<LoyaltyRates<N>>;
  wordOfMouth?: Partial<WordOfMouth<N>>;
  finance?: Partial<Finance<N>>;
  problems: ProblemInput<N>[];
  investments?: InvestmentInput<N>[];
}

/** Which set of investments to choose: within a budget, with some in and some out (ids). */
export interface PortfolioRequest {
  budget?: { upfront?: number; annual?: number };
  include?: string[];
  exclude?: string[];
}

/** A scenario as sent: any rangeable input may be a range; settings for the simulation and the tornado. */
export interface UncertainScenario extends ScenarioInput<Uncertain> {
  portfolio?: PortfolioRequest;
  /** Left out, a setting takes its default (defaults.ts). */
  simulation?: Partial<SimulationSettings>;
  sensitivity?: Partial<SensitivitySettings>;
}

export type AssumptionValue = number | string | number[];

/** A parameter that came from a default rather than from the request. */
export interface Assumption {
  field: string;
  value: AssumptionValue;
  source: string;
}
