// Realistic request bodies, shown on the docs page and sent by the tests; typed as scenarios, so they stay valid ones.
import type { ScenarioInput, UncertainScenario } from '../model/types.ts';

// The worked example's problems and investments, by name, so that the examples built on it say only what they change.
const billingErrors = {
  id: 'billing-errors',
  name: 'Billing errors',
  prevalence: 0.12,
  complaintRate: 0.5,
  outcomes: { satisfied: 0.4, mollified: 0.2, dissatisfied: 0.4 },
  costPerComplaint: 8,
};
const lateDelivery = {
  id: 'late-delivery',
  name: 'Late delivery',
  prevalence: 0.2,
  complaintRate: 0.25,
  outcomes: { satisfied: 0.3, mollified: 0.4, dissatisfied: 0.3 },
  costPerComplaint: 5,
};
const fixBilling = {
  id: 'fix-billing',
  name: 'Fix the billing system',
  problems: ['billing-errors'],
  effects: { prevalenceReduction: 0.6 },
  cost: { upfront: 250000, annual: 50000 },
};
const betterHandling = {
  id: 'better-handling',
  name: 'Train and empower front-line staff',
  problems: 'all' as const,
  effects: { outcomes: { satisfied: 0.7, mollified: 0.2, dissatisfied: 0.1 } },
  cost: { upfront: 100000, annual: 120000 },
};

/** The worked example of the method (/method#worked-example). */
export const workedExample = {
  customers: 100000,
  customerValue: { lifetimeValue: 500 },
  problems: [billingErrors, lateDelivery],
  investments: [fixBilling, betterHandling],
} satisfies ScenarioInput;

/**
 * A subscription business that knows its annual figures rather than a lifetime value, counts complaints
 * rather than affected customers, and expects a self-service portal to take a year to reach full effect.
 */
export const subscriptionExample = {
  currency: 'EUR',
  customers: 250000,
  customerValue: { annualRevenue: 420, grossMargin: 0.35, retentionRate: 0.8, discountRate: 0.08 },
  wordOfMouth: { negativeInfluence: 0.01, positiveInfluence: 0.01 },
  finance: { horizonYears: 5, discountRate: 0.08, riskAdjustment: 0.15 },
  problems: [
    {
      id: 'outage',
      name: 'Service outage',
      complaintsPerYear: 6000,
      complaintRate: 0.2,
      outcomes: { satisfied: 0.25, mollified: 0.35, dissatisfied: 0.4 },
      costPerComplaint: 12,
    },
    {
      id: 'hard-to-cancel',
      name: 'Cancelling is hard',
      affectedCustomers: 9000,
      complaintRate: 0.6,
      outcomes: { satisfied: 0.1, mollified: 0.3, dissatisfied: 0.6 },
      costPerComplaint: 9,
      loyalty: { dissatisfied: 0.05 },
    },
    {
      id: 'wrong-invoice',
      name: 'Wrong invoice',
      prevalence: 0.03,
      complaintRate: 0.7,
      outcomes: { satisfied: 0.5, mollified: 0.3, dissatisfied: 0.2 },
      costPerComplaint: 15,
    },
  ],
  investments: [
    {
      id: 'self-service-portal',
      name: 'Self-service portal',
      problems: ['hard-to-cancel', 'wrong-invoice'],
      effects: { complaintRateMultiplier: 1.3, costPerComplaintReduction: 0.5 },
      cost: { upfront: 400000, annual: 60000 },
      rampUp: [0.5, 1],
    },
    {
      id: 'status-page',
      name: 'Proactive outage notices',
      problems: ['outage'],
      effects: { prevalenceReduction: 0.1, outcomes: { satisfied: 0.5, mollified: 0.3, dissatisfied: 0.2 } },
      cost: { upfront: 30000, annual: 15000 },
    },
  ],
} satisfies ScenarioInput;

/**
 * The worked example with what nobody knows to two digits given as ranges: how much a customer is worth, how often
 * the problems occur, how many silent customers stay, how far bad news travels, and what prevention achieves and
 * costs. 10,000 samples from seed 1.
 */
export const rangedExample = {
  customers: 100000,
  customerValue: { lifetimeValue: { low: 400, likely: 500, high: 700 } },
  loyalty: { silent: { low: 0.05, likely: 0.09, high: 0.15 } },
  wordOfMouth: { negativeTold: { low: 6, likely: 10, high: 14, distribution: 'triangular' } },
  problems: [
    { ...billingErrors, prevalence: { low: 0.08, likely: 0.12, high: 0.15 } },
    { ...lateDelivery, prevalence: { low: 0.15, likely: 0.2, high: 0.3 } },
  ],
  investments: [
    {
      ...fixBilling,
      effects: { prevalenceReduction: { low: 0.3, likely: 0.6, high: 0.7 } },
      cost: { upfront: { low: 200000, likely: 250000, high: 400000 }, annual: 50000 },
    },
    { ...betterHandling, cost: { upfront: { low: 80000, likely: 100000, high: 150000 }, annual: 120000 } },
  ],
  simulation: { samples: 10000, seed: 1 },
} satisfies UncertainScenario;

/** The worked example with every input swung 20% either way: which assumption decides each investment. */
export const sensitivityExample = { ...workedExample, sensitivity: { swing: 0.2, top: 5 } } satisfies UncertainScenario;

/**
 * Three fixes and money for two of them. Checking every invoice would be worth more on its own than tracking
 * parcels, but fixing the billing system already removes most of the billing errors it would catch: the chosen
 * portfolio (exact, over all eight sets) is fix-billing and delivery-tracking, and invoice-check stays out.
 */
export const portfolioExample = {
  ...workedExample,
  investments: [
    fixBilling,
    {
      id: 'invoice-check',
      name: 'Check every invoice before it goes out',
      problems: ['billing-errors'],
      effects: { prevalenceReduction: 0.5 },
      cost: { upfront: 150000, annual: 60000 },
    },
    {
      id: 'delivery-tracking',
      name: 'Tell customers where their parcel is',
      problems: ['late-delivery'],
      effects: { prevalenceReduction: 0.2 },
      cost: { upfront: 150000, annual: 40000 },
    },
  ],
  portfolio: { budget: { upfront: 400000 } },
} satisfies UncertainScenario;
