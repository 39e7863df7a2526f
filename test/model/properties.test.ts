import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCase } from '../../src/model/business-case.ts';
import type { ScenarioInput } from '../../src/model/types.ts';
import { problem, runs, scenario, share } from '../arbitraries.ts';

const close = (a: number, b: number, scale = 0) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b), scale);

/**
 * The size of the terms a problem's figures are sums and differences of (silent = affected − complainants, say):
 * rounding in those terms, not in the result, bounds how far two ways of computing a figure may differ.
 */
const magnitude = (s: ScenarioInput, id: string, affected: number) => {
  const p = s.problems.find((x) => x.id === id)!;
  return (affected + 1) * ((s.customerValue.lifetimeValue ?? 0) * 12 + (p.costPerComplaint ?? 0) + 1);
};
const pvCosts = (upfront: number, annual: number, horizon: number, i: number) =>
  upfront + Array.from({ length: horizon }, (_, t) => annual / (1 + i) ** (t + 1)).reduce((a, b) => a + b, 0);

describe('model properties', () => {
  it('segments add up: silent + complainants = affected, outcome counts = complainants', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const p of businessCase(s).problems) {
          expect(close(p.silent + p.complainants, p.affected)).toBe(true);
          expect(close(p.satisfiedComplainants + p.mollifiedComplainants + p.dissatisfiedComplainants, p.complainants)).toBe(true);
          expect(close(p.totalAnnualDamage, p.directRevenueAtRisk + p.wordOfMouthRevenueAtRisk + p.serviceCost, magnitude(s, p.id, p.affected))).toBe(
            true,
          );
        }
      }),
      runs(),
    );
  });

  it('damage scales linearly with customers', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 2, max: 9 }), (s, k) => {
        const base = businessCase(s).problems;
        const scaled = businessCase({ ...s, customers: s.customers * k }).problems;
        for (const p of base) {
          const q = scaled.find((x) => x.id === p.id)!;
          const scale = k * magnitude(s, p.id, p.affected);
          for (const key of [
            'affected',
            'customersLost',
            'directRevenueAtRisk',
            'wordOfMouthRevenueAtRisk',
            'serviceCost',
            'totalAnnualDamage',
          ] as const) {
            expect(close(q[key], k * p[key], scale), key).toBe(true);
          }
        }
      }),
      runs(),
    );
  });

  it('revenue at risk scales linearly with lifetime value (prospects are worth a lifetime value by default)', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0.1, max: 10, noNaN: true }), (s, k) => {
        const V = s.customerValue.lifetimeValue!;
        const base = businessCase(s).problems;
        const scaled = businessCase({ ...s, customerValue: { lifetimeValue: V * k } }).problems;
        for (const p of base) {
          const q = scaled.find((x) => x.id === p.id)!;
          const scale = Math.max(1, k) * magnitude(s, p.id, p.affected);
          expect(close(q.directRevenueAtRisk, k * p.directRevenueAtRisk, scale)).toBe(true);
          expect(close(q.wordOfMouthRevenueAtRisk, k * p.wordOfMouthRevenueAtRisk, scale)).toBe(true);
          expect(close(q.totalAnnualDamage - q.serviceCost, k * (p.totalAnnualDamage - p.serviceCost), scale)).toBe(true);
        }
      }),
      runs(),
    );
  });

  it('an investment with no effect has zero benefit and npv = −PV(costs)', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 0, max: 1e7 }), (s, upfront, annual) => {
        const noEffect = { id: 'none', problems: 'all' as const, effects: { prevalenceReduction: 0 }, cost: { upfront, annual } };
        const inv = businessCase({ ...s, investments: [noEffect] }).investments[0]!;
        expect(inv.annualBenefit).toBe(0);
        const f = s.finance!;
        expect(close(inv.npv, -pvCosts(upfront, annual, f.horizonYears!, f.discountRate!))).toBe(true);
      }),
      runs(),
    );
  });

  it('where a problem’s damage is positive, a larger prevalenceReduction never lowers the benefit', () => {
    fc.assert(
      fc.property(scenario, share, share, (s, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const target = s.problems[0]!;
        const benefit = (r: number) =>
          businessCase({ ...s, investments: [{ id: 'x', problems: [target.id], effects: { prevalenceReduction: r }, cost: {} }] }).investments[0]!
            .annualBenefit;
        const before = businessCase(s).problems.find((p) => p.id === target.id)!;
        fc.pre(before.totalAnnualDamage > 0);
        // Benefit is damage before − damage after, recomputed (the method, Investment): rounding in that difference is of the
        // order of the damage's own terms times 1e-16, so a reduction of 1e-17 may "lower" it by that much.
        expect(benefit(high)).toBeGreaterThanOrEqual(benefit(low) - 1e-12 * magnitude(s, target.id, before.affected));
      }),
      runs(),
    );
  });

  it('where the benefit is positive, a larger riskAdjustment never raises npv', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true }), (s, a, b) => {
        fc.pre((s.investments ?? []).length > 0);
        const [low, high] = a <= b ? [a, b] : [b, a];
        const at = (riskAdjustment: number) => businessCase({ ...s, finance: { ...s.finance, riskAdjustment } }).investments;
        const lows = at(low);
        const highs = at(high);
        for (const inv of lows) {
          if (inv.annualBenefit <= 0) continue;
          expect(highs.find((x) => x.id === inv.id)!.npv).toBeLessThanOrEqual(inv.npv);
        }
      }),
      runs(),
    );
  });

  it('rank order is a permutation and follows the stated sort', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = businessCase(s);
        expect(r.problems.map((p) => p.rank)).toEqual(r.problems.map((_, i) => i + 1));
        expect(r.problems.map((p) => p.id).sort()).toEqual(s.problems.map((p) => p.id).sort());
        const order = (id: string) => s.problems.findIndex((p) => p.id === id);
        for (let i = 1; i < r.problems.length; i++) {
          const [a, b] = [r.problems[i - 1]!, r.problems[i]!];
          expect(a.totalAnnualDamage > b.totalAnnualDamage || (a.totalAnnualDamage === b.totalAnnualDamage && order(a.id) < order(b.id))).toBe(true);
        }
        const inputOrder = (id: string) => (s.investments ?? []).findIndex((x) => x.id === id);
        const group = (x: { roi: number | null; npv: number }) => (x.roi !== null ? 1 : x.npv > 0 ? 0 : 2);
        expect(r.investments.map((x) => x.rank)).toEqual(r.investments.map((_, i) => i + 1));
        expect(r.investments.map((x) => x.id).sort()).toEqual((s.investments ?? []).map((x) => x.id).sort());
        for (let i = 1; i < r.investments.length; i++) {
          const [a, b] = [r.investments[i - 1]!, r.investments[i]!];
          const before =
            group(a) < group(b) ||
            (group(a) === group(b) &&
              ((a.roi ?? 0) > (b.roi ?? 0) ||
                ((a.roi ?? 0) === (b.roi ?? 0) && (a.npv > b.npv || (a.npv === b.npv && inputOrder(a.id) < inputOrder(b.id))))));
          expect(before).toBe(true);
        }
      }),
      runs(),
    );
  });

  it('identical inputs give byte-identical outputs', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const copy = JSON.parse(JSON.stringify(s)) as ScenarioInput;
        expect(JSON.stringify(businessCase(copy))).toBe(JSON.stringify(businessCase(s)));
      }),
      runs(),
    );
  });

  it('a problem’s damage does not depend on the other problems', () => {
    fc.assert(
      fc.property(scenario, problem('extra'), (s, extra) => {
        const alone = businessCase(s).problems;
        const together = businessCase({ ...s, problems: [...s.problems, extra] }).problems;
        for (const p of alone) {
          const { rank: _r, share: _s, cumulativeShare: _c, ...rest } = together.find((x) => x.id === p.id)!;
          const { rank: _r2, share: _s2, cumulativeShare: _c2, ...mine } = p;
          expect(rest).toEqual(mine);
        }
      }),
      runs(),
    );
  });
});
