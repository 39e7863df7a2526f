// The portfolio of the method's section 9: the worked example's figures, the chosen set against every set tried by
// brute force, and the properties a CFO relies on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damage } from '../../src/model/damage.ts';
import { applyEffects } from '../../src/model/effects.ts';
import { evaluate } from '../../src/model/evaluate.ts';
import { evaluateCashFlows } from '../../src/model/finance.ts';
import { Optimiser } from '../../src/model/portfolio/optimise.ts';
import { resolve } from '../../src/model/resolve.ts';
import type { InvestmentInput, ScenarioInput } from '../../src/model/types.ts';
import { workedExample } from '../../src/schemas/examples.ts';
import { investment, problem, runs } from '../arbitraries.ts';

const optimiser = (s: ScenarioInput, budget?: { upfront?: number; annual?: number }) => {
  const { inputs } = resolve(s);
  const e = evaluate(inputs);
  return { inputs, e, o: new Optimiser(inputs, e, budget) };
};

describe('the worked example, continued', () => {
  it('chooses both investments, counts billing errors once, and ladders fix-billing first', () => {
    const p = optimiser(workedExample).o.choose();
    expect(p.method).toBe('exact');
    expect(p.investments).toEqual([0, 1]);
    expect(p.annualBenefit).toBeCloseTo(3420600, 6);
    expect(p.standaloneBenefitSum).toBeCloseTo(3917400, 6);
    expect(p.overlap).toBeCloseTo(496800, 6);
    expect(p.npv).toBeCloseTo(6883108.49, 2);
    expect(p.roi).toBeCloseTo(8.9071, 4);
    expect(p.paybackMonths).toBe(2);
    expect(p.irr).toBeCloseTo(8.2998, 4);
    expect(p.ladder.map((s) => s.investment)).toEqual([0, 1]);
    expect(p.ladder[0]!.marginalNpv).toBeCloseTo(5096632.31, 2);
    expect(p.ladder[1]!.marginalNpv).toBeCloseTo(1786476.18, 2);
    expect(p.ladder[1]).toMatchObject({ upfront: 350000, annual: 170000 });
  });

  it('with an annual budget of 100,000 chooses fix-billing alone', () => {
    const p = optimiser(workedExample, { annual: 100000 }).o.choose();
    expect(p.investments).toEqual([0]);
    expect(p.npv).toBeCloseTo(5096632.31, 2);
  });
});

/** The npv of a set straight from the method: composed effects per problem, weighted ramp, costs added. */
function npvByHand(s: ScenarioInput, set: number[]): number {
  const { inputs: r } = resolve(s);
  const e = evaluate(r);
  const ctx = { lifetimeValue: r.lifetimeValue, newCustomerValue: r.newCustomerValue, wordOfMouth: r.wordOfMouth };
  let benefit = 0;
  r.problems.forEach((p, i) => {
    const effects = set.filter((k) => r.investments[k]!.targets.includes(i)).map((k) => r.investments[k]!.effects);
    if (effects.length > 0) benefit += e.problems[i]!.totalAnnualDamage - damage(applyEffects(p, effects), ctx).totalAnnualDamage;
  });
  const weights = set.map((k) => Math.max(e.investments[k]!.annualBenefit, 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const ramp = Array.from({ length: r.finance.horizonYears }, (_, t) =>
    set.length === 0
      ? 1
      : total > 0
        ? set.reduce((sum, k, j) => sum + r.investments[k]!.ramp[t]! * weights[j]!, 0) / total
        : set.reduce((sum, k) => sum + r.investments[k]!.ramp[t]!, 0) / set.length,
  );
  const B = benefit * (1 - r.finance.riskAdjustment);
  return evaluateCashFlows({
    upfront: set.reduce((a, k) => a + r.investments[k]!.upfront, 0),
    benefits: ramp.map((x) => B * x),
    costs: ramp.map(() => set.reduce((a, k) => a + r.investments[k]!.annual, 0)),
    discountRate: r.finance.discountRate,
  }).npv;
}

const overlapping = fc
  .record({ problemCount: fc.integer({ min: 1, max: 4 }), investmentCount: fc.integer({ min: 1, max: 7 }) })
  .chain(({ problemCount, investmentCount }) => {
    const ids = Array.from({ length: problemCount }, (_, i) => `p${i}`);
    return fc.record({
      customers: fc.integer({ min: 1, max: 1_000_000 }),
      customerValue: fc.record({ lifetimeValue: fc.double({ min: 0, max: 5000, noNaN: true }) }),
      problems: fc.tuple(...ids.map(problem)),
      investments: fc.tuple(...Array.from({ length: investmentCount }, (_, i) => investment(`i${i}`, ids))),
      finance: fc.record({ horizonYears: fc.integer({ min: 1, max: 5 }), discountRate: fc.double({ min: 0, max: 0.3, noNaN: true }) }),
    }) as fc.Arbitrary<ScenarioInput>;
  });

describe('the chosen set', () => {
  it('is the best of every set that fits, by brute force', () => {
    fc.assert(
      fc.property(overlapping, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (s, share, capAnnual) => {
        const { inputs } = optimiser(s);
        const all = inputs.investments.map((_, k) => k);
        const totalUp = inputs.investments.reduce((a, inv) => a + inv.upfront, 0);
        const totalAnnual = inputs.investments.reduce((a, inv) => a + inv.annual, 0);
        const budget = capAnnual ? { annual: totalAnnual * share } : { upfront: totalUp * share };
        const chosen = new Optimiser(inputs, evaluate(inputs), budget).choose();
        const fits = (set: number[]) => new Optimiser(inputs, evaluate(inputs), budget).fits(set);
        let best = Number.NEGATIVE_INFINITY;
        for (let mask = 0; mask < 2 ** all.length; mask++) {
          const set = all.filter((k) => mask & (1 << k));
          if (fits(set)) best = Math.max(best, npvByHand(s, set));
        }
        expect(fits(chosen.investments)).toBe(true);
        expect(chosen.npv).toBeGreaterThanOrEqual(best - 1e-9 * Math.max(Math.abs(best), 1));
        expect(chosen.npv).toBeCloseTo(npvByHand(s, chosen.investments), 6);
      }),
      runs(),
    );
  });

  it('never loses npv when the budget grows', () => {
    fc.assert(
      fc.property(overlapping, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (s, a, b) => {
        const { inputs, e } = optimiser(s);
        const total = inputs.investments.reduce((sum, inv) => sum + inv.upfront, 0);
        const [low, high] = [Math.min(a, b), Math.max(a, b)];
        const tight = new Optimiser(inputs, e, { upfront: total * low }).choose();
        const loose = new Optimiser(inputs, e, { upfront: total * high }).choose();
        expect(loose.npv).toBeGreaterThanOrEqual(tight.npv - 1e-9 * Math.max(Math.abs(tight.npv), 1));
      }),
      runs(),
    );
  });
});

describe('overlap', () => {
  const base = {
    customers: 100000,
    customerValue: { lifetimeValue: 500 },
    problems: [
      { id: 'a', prevalence: 0.1, complaintRate: 0.3, outcomes: { satisfied: 0.3, mollified: 0.3, dissatisfied: 0.4 }, costPerComplaint: 5 },
      { id: 'b', prevalence: 0.2, complaintRate: 0.2, outcomes: { satisfied: 0.4, mollified: 0.3, dissatisfied: 0.3 }, costPerComplaint: 5 },
    ],
  };
  const inv = (id: string, problems: string[], effects: InvestmentInput['effects']): InvestmentInput => ({
    id,
    problems,
    effects,
    cost: { upfront: 1000 },
  });

  it('is 0 when the targets are disjoint: the combined benefit is the stand-alone sum', () => {
    const s = { ...base, investments: [inv('x', ['a'], { prevalenceReduction: 0.5 }), inv('y', ['b'], { costPerComplaintReduction: 0.5 })] };
    const f = optimiser(s).o.choose();
    expect(f.investments).toEqual([0, 1]);
    expect(f.annualBenefit).toBe(f.standaloneBenefitSum);
    expect(f.overlap).toBe(0);
  });

  it('is positive for two preventions of one problem, which cannot both claim all its damage', () => {
    const s = { ...base, investments: [inv('x', ['a'], { prevalenceReduction: 0.5 }), inv('y', ['a'], { prevalenceReduction: 0.5 })] };
    const p = optimiser(s).o.choose([0, 1]);
    // Each removes half: together three quarters, not all of it.
    expect(p.annualBenefit).toBeCloseTo(0.75 * optimiser(s).e.problems[0]!.totalAnnualDamage, 6);
    expect(p.overlap).toBeGreaterThan(0);
  });

  it('is negative when effects reinforce each other: easier access brings complainants better handling wins back', () => {
    const s = {
      ...base,
      investments: [
        inv('access', ['a'], { complaintRateMultiplier: 2 }),
        inv('handling', ['a'], { outcomes: { satisfied: 0.9, mollified: 0.05, dissatisfied: 0.05 } }),
      ],
    };
    const p = optimiser(s).o.choose([0, 1]);
    expect(p.overlap).toBeLessThan(0);
  });
});
