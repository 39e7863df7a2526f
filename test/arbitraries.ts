// Scenarios made by fast-check, valid by construction: the inputs of the model's property tests.
import fc from 'fast-check';
import { inject } from 'vitest';
import type { Effects, InvestmentInput, ProblemInput, ScenarioInput } from '../src/model/types.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fuzzRuns: number;
    fuzzSeed: number;
  }
}

/** Runs and seed for every property: fixed in CI, more with FUZZ_RUNS=… npm run test:unit. */
export const runs = (): fc.Parameters<unknown> => ({ numRuns: inject('fuzzRuns'), seed: inject('fuzzSeed') });

export const share = fc.double({ min: 0, max: 1, noNaN: true });
const rate = fc.double({ min: 0.01, max: 1, noNaN: true });
// Money in whole cents: a subnormal cost such as 5e-324 makes roi overflow, which the model rightly refuses
// (tested on its own); the properties are about figures that can be computed.
const money = fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100);

export const outcomes = fc.tuple(share, share).map(([s, m]) => {
  const mollified = (1 - s) * m;
  return { satisfied: s, mollified, dissatisfied: Math.max(0, 1 - s - mollified) };
});

export const problem = (id: string): fc.Arbitrary<ProblemInput> =>
  fc.record({ prevalence: share, complaintRate: rate, outcomes, costPerComplaint: money }).map((p) => ({ id, ...p }));

export const effects: fc.Arbitrary<Effects> = fc.oneof(
  share.map((prevalenceReduction) => ({ prevalenceReduction })),
  fc.double({ min: 0, max: 3, noNaN: true }).map((complaintRateMultiplier) => ({ complaintRateMultiplier })),
  outcomes.map((o) => ({ outcomes: o })),
  share.map((costPerComplaintReduction) => ({ costPerComplaintReduction })),
);

export const investment = (id: string, problemIds: string[]): fc.Arbitrary<InvestmentInput> =>
  fc
    .record({
      targets: fc.oneof(fc.constant('all' as const), fc.subarray(problemIds, { minLength: 1 })),
      effects,
      upfront: money,
      annual: money,
      rampUp: fc.option(fc.array(share, { minLength: 1, maxLength: 4 }), { nil: undefined }),
    })
    .map(({ targets, effects: e, upfront, annual, rampUp }) => ({ id, problems: targets, effects: e, cost: { upfront, annual }, rampUp }));

export const scenario: fc.Arbitrary<ScenarioInput> = fc
  .record({ problemCount: fc.integer({ min: 1, max: 6 }), investmentCount: fc.integer({ min: 0, max: 4 }) })
  .chain(({ problemCount, investmentCount }) => {
    const ids = Array.from({ length: problemCount }, (_, i) => `p${i}`);
    return fc.record({
      customers: fc.integer({ min: 1, max: 5_000_000 }),
      customerValue: fc.record({ lifetimeValue: money }),
      problems: fc.tuple(...ids.map(problem)),
      investments: fc.tuple(...Array.from({ length: investmentCount }, (_, i) => investment(`i${i}`, ids))),
      finance: fc.record({
        horizonYears: fc.integer({ min: 1, max: 10 }),
        discountRate: share,
        riskAdjustment: fc.double({ min: 0, max: 0.99, noNaN: true }),
      }),
    });
  });
