import { describe, expect, it } from 'vitest';
import { businessCase } from '../../src/model/business-case.ts';
import { ModelError } from '../../src/model/errors.ts';
import { customerLifetimeValue, lifetimeValue } from '../../src/model/lifetime-value.ts';
import { irr } from '../../src/model/finance.ts';
import type { InvestmentInput, ProblemInput, ScenarioInput, UncertainScenario } from '../../src/model/types.ts';

const problem: ProblemInput = {
  id: 'p',
  prevalence: 0.1,
  complaintRate: 0.5,
  outcomes: { satisfied: 0.5, mollified: 0.25, dissatisfied: 0.25 },
  costPerComplaint: 10,
};

function scenario(investments: InvestmentInput[], extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return { customers: 10000, customerValue: { lifetimeValue: 1000 }, problems: [problem], investments, ...extra };
}

const only = (s: ScenarioInput) => businessCase(s).investments[0]!;

describe('customer lifetime value from annual figures', () => {
  it('is annualRevenue · grossMargin · r / (1 + d − r)', () => {
    expect(lifetimeValue({ annualRevenue: 1000, grossMargin: 0.4, retentionRate: 0.8, discountRate: 0.1 })).toBeCloseTo(1066.6666667, 6);
  });

  it('uses a 10% discount rate when none is given, and says so', () => {
    expect(customerLifetimeValue({ annualRevenue: 1000, grossMargin: 0.4, retentionRate: 0.8 })).toBeCloseTo(1066.6666667, 6);
    const result = businessCase(scenario([], { customerValue: { annualRevenue: 1000, grossMargin: 0.4, retentionRate: 0.8 } }));
    expect(result.lifetimeValue).toBeCloseTo(1066.6666667, 6);
    expect(result.assumptions).toContainEqual(expect.objectContaining({ field: 'customerValue.discountRate', value: 0.1 }));
  });

  it('feeds the damage exactly as a given lifetime value would', () => {
    const V = lifetimeValue({ annualRevenue: 1000, grossMargin: 0.4, retentionRate: 0.8, discountRate: 0.05 });
    const fromAnnual = businessCase(
      scenario([], { customerValue: { annualRevenue: 1000, grossMargin: 0.4, retentionRate: 0.8, discountRate: 0.05 } }),
    );
    const fromValue = businessCase(scenario([], { customerValue: { lifetimeValue: V } }));
    expect(fromAnnual.problems[0]!.totalAnnualDamage).toBe(fromValue.problems[0]!.totalAnnualDamage);
  });
});

describe('investments at the edges', () => {
  const prevent = { prevalenceReduction: 0.5 };

  it('zero costs: roi is null, stated in the notes, and it ranks first when npv > 0', () => {
    const result = businessCase(
      scenario([
        { id: 'paid', problems: 'all', effects: prevent, cost: { upfront: 1000, annual: 0 } },
        { id: 'free', problems: 'all', effects: prevent, cost: {} },
      ]),
    );
    const free = result.investments.find((i) => i.id === 'free')!;
    expect(free.roi).toBeNull();
    expect(free.pvCosts).toBe(0);
    expect(free.paybackMonths).toBe(0);
    expect(free.notes).toContain('roiNull');
    expect(result.investments.map((i) => i.id)).toEqual(['free', 'paid']);
  });

  it('zero costs and no benefit: roi null, npv 0, ranked last', () => {
    const result = businessCase(
      scenario([
        { id: 'nothing', problems: 'all', effects: { costPerComplaintReduction: 0 }, cost: { upfront: 0, annual: 0 } },
        { id: 'loses', problems: 'all', effects: { costPerComplaintReduction: 0 }, cost: { upfront: 10, annual: 0 } },
      ]),
    );
    expect(result.investments.map((i) => [i.id, i.roi, i.npv])).toEqual([
      ['loses', -1, -10],
      ['nothing', null, 0],
    ]);
    expect(result.investments[0]!.recommended).toBe(false);
  });

  it('negative benefit: easier complaint access where complaining makes things worse is reported as a loss', () => {
    // Complainants here are less loyal than silent customers, so more complaints lose customers.
    const worse = { ...problem, loyalty: { silent: 0.5, satisfied: 0.1, mollified: 0.1, dissatisfied: 0.1 } };
    const inv = only({
      ...scenario([{ id: 'access', problems: ['p'], effects: { complaintRateMultiplier: 2 }, cost: { upfront: 100 } }]),
      problems: [worse],
    });
    expect(inv.annualBenefit).toBeLessThan(0);
    expect(inv.riskAdjustedAnnualBenefit).toBeCloseTo(inv.annualBenefit * 0.9, 6);
    expect(inv.npv).toBeLessThan(-100);
    expect(inv.recommended).toBe(false);
    expect(inv.paybackMonths).toBeNull();
    expect(inv.costOfDelayPerMonth).toBeLessThan(0);
    expect(inv.notes).toEqual(['paybackNull', 'irrNull', 'notRecommended']);
  });

  it('payback never reached within the horizon', () => {
    const inv = only(scenario([{ id: 'slow', problems: 'all', effects: { costPerComplaintReduction: 0.1 }, cost: { upfront: 1e7 } }]));
    expect(inv.paybackMonths).toBeNull();
    expect(inv.npv).toBeLessThan(0);
  });

  it('rampUp shorter than the horizon: the last value repeats', () => {
    const base = { id: 'x', problems: 'all' as const, effects: prevent, cost: { upfront: 1000, annual: 100 } };
    const ramped = only(scenario([{ ...base, rampUp: [0.5] }], { finance: { horizonYears: 4 } }));
    const full = only(scenario([base], { finance: { horizonYears: 4 } }));
    const B = full.riskAdjustedAnnualBenefit;
    expect(ramped.cashFlows.map((y) => y.benefit)).toEqual([0, B * 0.5, B * 0.5, B * 0.5, B * 0.5]);
    const ramped2 = only(scenario([{ ...base, rampUp: [0.25, 0.75] }], { finance: { horizonYears: 4 } }));
    expect(ramped2.cashFlows.map((y) => y.benefit)).toEqual([0, B * 0.25, B * 0.75, B * 0.75, B * 0.75]);
    expect(ramped2.costOfDelayPerMonth).toBeCloseTo((B * 0.25 - 100) / 12, 9);
    const pv = B * (0.25 / 1.1 + 0.75 / 1.1 ** 2 + 0.75 / 1.1 ** 3 + 0.75 / 1.1 ** 4);
    expect(ramped2.pvBenefits).toBeCloseTo(pv, 6);
  });

  it('an investment with no effect has zero benefit and npv = −PV(costs)', () => {
    const inv = only(scenario([{ id: 'noop', problems: 'all', effects: { prevalenceReduction: 0 }, cost: { upfront: 500, annual: 100 } }]));
    expect(inv.annualBenefit).toBe(0);
    expect(inv.npv).toBeCloseTo(-(500 + 100 / 1.1 + 100 / 1.21 + 100 / 1.331), 9);
  });

  it('complaintsPerYear fixes the affected count before complaintRateMultiplier applies', () => {
    const p: ProblemInput = { ...problem, prevalence: undefined, complaintsPerYear: 500, complaintRate: 0.5 };
    const result = businessCase({ ...scenario([{ id: 'x', problems: 'all', effects: { complaintRateMultiplier: 3 }, cost: {} }]), problems: [p] });
    expect(result.problems[0]!.affected).toBe(1000);
    // After: the rate is 0.5 × 3, capped at 1: every one of the 1,000 affected complains.
    const after = result.problems[0]!.totalAnnualDamage - result.investments[0]!.annualBenefit;
    const allComplain = businessCase({ ...scenario([]), problems: [{ ...p, complaintsPerYear: 1000, complaintRate: 1 }] });
    expect(after).toBeCloseTo(allComplain.problems[0]!.totalAnnualDamage, 6);
  });
});

describe('figures that cannot be computed', () => {
  it('name the inputs instead of answering Infinity', () => {
    const thrown = (() => {
      try {
        businessCase(scenario([], { customerValue: { lifetimeValue: 1e308 }, customers: 1e6 }));
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(ModelError);
    const [issue] = (thrown as ModelError).issues;
    expect(issue!.path).toBe('problems[0]');
    expect(issue!.figures).toContain('directRevenueAtRisk');
    expect(issue!.inputs).toContain('customerValue');
  });

  it('a vanishing cost that would make roi infinite is an error on that investment', () => {
    expect(() => businessCase(scenario([{ id: 'x', problems: 'all', effects: { prevalenceReduction: 0.5 }, cost: { upfront: 5e-324 } }]))).toThrow(
      /investments\[0\].*roi/,
    );
  });
});

describe('problems', () => {
  it('tied on damage keep input order; shares are null when the total is 0', () => {
    const none = { ...problem, prevalence: 0 };
    const result = businessCase({
      ...scenario([]),
      problems: [
        { ...none, id: 'a' },
        { ...none, id: 'b' },
      ],
    });
    expect(result.problems.map((p) => [p.id, p.rank, p.share, p.cumulativeShare])).toEqual([
      ['a', 1, null, null],
      ['b', 2, null, null],
    ]);
  });

  it('a per-problem loyalty override wins over the scenario and the default', () => {
    const result = businessCase({
      ...scenario([]),
      loyalty: { silent: 0.2 },
      problems: [
        { ...problem, id: 'a', loyalty: { silent: 0.5 } },
        { ...problem, id: 'b' },
      ],
    });
    const a = result.problems.find((p) => p.id === 'a')!;
    const b = result.problems.find((p) => p.id === 'b')!;
    expect(b.customersLost - a.customersLost).toBeCloseTo(a.silent * 0.3, 9);
    expect(result.assumptions.map((x) => x.field)).not.toContain('loyalty.silent');
  });
});

describe('figures at the edges of what a double holds', () => {
  const fix: InvestmentInput = { id: 'fix', problems: ['p'], effects: { prevalenceReduction: 0.6 }, cost: {} };

  it('an roi too large to hold is refused as uncomputable, never written as null or Infinity', () => {
    expect(() => businessCase(scenario([{ ...fix, cost: { upfront: 5e-324 } }]))).toThrow(ModelError);
  });

  it('an irr far beyond any real rate is still the root of the flows, or null when no double holds it', () => {
    // −1e-100 + b(x + x² + x³) = 0 with x = 1/(1 + r): x ≈ 1e-100 / b, r ≈ b / 1e-100.
    const b = only(scenario([{ ...fix, cost: { upfront: 1e-100 } }]));
    const flows = b.cashFlows.map((y) => y.net);
    const x = 1 / (1 + b.irr!);
    const residual = flows.reduce((sum, f, t) => sum + f * x ** t, 0);
    expect(Math.abs(residual)).toBeLessThan(1e-100 * 1e-9);
    expect(b.irr!).toBeGreaterThan(1e105);
    // A root below the smallest double: x = 5e-324 / 2e6.
    expect(irr([-5e-324, 2e6])).toBeNull();
  });

  it('break-even costs keep their digits when costs dwarf the benefit', () => {
    const up = only(scenario([{ ...fix, cost: { upfront: 1e17 } }]));
    expect(up.breakEven.find((e) => e.field.endsWith('upfront'))!.breakEven).toBe(up.pvBenefits);
    const annual = only(scenario([{ ...fix, cost: { annual: 1e17 } }]));
    const annuity = annual.cashFlows.slice(1).reduce((s, y) => s + y.discountFactor, 0);
    expect(annual.breakEven.find((e) => e.field.endsWith('annual'))!.breakEven).toBeCloseTo(annual.pvBenefits / annuity, 6);
  });

  it('a simulated mean near the largest double is reported, not refused', () => {
    const s: UncertainScenario = {
      ...scenario([]),
      customerValue: { lifetimeValue: 1e301 },
      problems: [{ ...problem, costPerComplaint: { low: 7, likely: 8, high: 9 } }],
    };
    const d = businessCase(s).problems[0]!;
    // The cost per complaint is nothing beside a lifetime value of 1e301: every draw is the likely damage, to 12 digits.
    expect(d.uncertainty!.totalAnnualDamage.mean / d.totalAnnualDamage).toBeCloseTo(1, 12);
  });
});
