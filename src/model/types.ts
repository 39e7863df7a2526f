// Plain data shapes of the model. The schemas in src/schemas produce values of these shapes.

export interface Outcomes {
  satisfied: number;
  mollified: number;
  dissatisfied: number;
}

export interface LoyaltyRates {
  baseline: number;
  silent: number;
  satisfied: number;
  mollified: number;
  dissatisfied: number;
}

export interface WordOfMouth {
  positiveTold: number;
  negativeTold: number;
  positiveInfluence: number;
  negativeInfluence: number;
}

export interface Finance {
  horizonYears: number;
  discountRate: number;
  riskAdjustment: number;
}

export interface AnnualFigures {
  annualRevenue: number;
  grossMargin: number;
  retentionRate: number;
  discountRate?: number;
}

export interface CustomerValueInput extends Partial<AnnualFigures> {
  lifetimeValue?: number;
}

export interface ProblemInput {
  id: string;
  name?: string;
  prevalence?: number;
  affectedCustomers?: number;
  complaintsPerYear?: number;
  complaintRate: number;
  outcomes: Outcomes;
  costPerComplaint?: number;
  loyalty?: Partial<LoyaltyRates>;
}

export interface Effects {
  prevalenceReduction?: number;
  complaintRateMultiplier?: number;
  outcomes?: Outcomes;
  costPerComplaintReduction?: number;
}

export interface InvestmentInput {
  id: string;
  name?: string;
  problems: string[] | 'all';
  effects: Effects;
  cost: { upfront?: number; annual?: number };
  rampUp?: number[];
}

export interface ScenarioInput {
  currency?: string;
  customers: number;
  customerValue: CustomerValueInput;
  newCustomerValue?: number;
  loyalty?: Partial<LoyaltyRates>;
  wordOfMouth?: Partial<WordOfMouth>;
  finance?: Partial<Finance>;
  problems: ProblemInput[];
  investments?: InvestmentInput[];
}

export type AssumptionValue = number | string | number[];

/** A parameter that came from a default rather than from the request. */
export interface Assumption {
  field: string;
  value: AssumptionValue;
  source: string;
}
