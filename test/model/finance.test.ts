import { describe, expect, it } from 'vitest';
import { evaluateCashFlows, paybackMonths, rampUpSeries } from '../../src/model/finance.ts';

describe('finance against a published TEI study (SalesLoft, 3 years, 10%)', () => {
  const f = evaluateCashFlows({
    upfront: 53150,
    costs: [666715, 636772, 647783],
    benefits: [1606511, 3061331, 4229760],
    discountRate: 0.1,
  });

  it('matches its present values, NPV and ROI to the whole unit', () => {
    expect(Math.round(f.pvCosts)).toBe(1672201);
    expect(Math.round(f.pvBenefits)).toBe(7168371);
    expect(Math.round(f.npv)).toBe(5496170);
    expect(Math.round(f.roi! * 100)).toBe(329);
  });

  it('discounts year t by (1 + i)^t and leaves the upfront cost undiscounted', () => {
    expect(f.years[0]).toEqual({ year: 0, benefit: 0, cost: 53150, net: -53150, discountFactor: 1, presentValue: -53150 });
    expect(f.years[3]!.discountFactor).toBeCloseTo(1 / 1.331, 12);
  });
});

describe('paybackMonths', () => {
  it('is the first whole month at which the undiscounted cumulative net reaches 0', () => {
    // Monthly net 10,000: -25,000 + 3 × 10,000 ≥ 0 at month 3.
    expect(paybackMonths(25000, [120000 + 12000], [12000])).toBe(3);
  });

  it('counts a month that exactly reaches 0, despite rounding in the monthly net', () => {
    // Monthly net 0.1 · 1e6 / 12 ≈ 8333.33…: exactly 100,000 after 12 months.
    expect(paybackMonths(100000, [100000.1 - 0.1], [0])).toBe(12);
    expect(paybackMonths(0.3, [0.1 * 12 + 0.2 * 12], [0.2 * 12])).toBe(3);
  });

  it('is 0 when nothing is paid upfront and the first month already gains', () => {
    expect(paybackMonths(0, [1200], [600])).toBe(0);
  });

  it('is reached in a later year when the benefit ramps up', () => {
    // Year 1 nets 0; year 2 nets 120,000 a year (10,000 a month): 60,000 upfront back after 6 months of year 2.
    expect(paybackMonths(60000, [50000, 170000], [50000, 50000])).toBe(18);
  });

  it('is null when the horizon ends first', () => {
    expect(paybackMonths(1e6, [1000, 1000, 1000], [0, 0, 0])).toBeNull();
  });

  it('is null when costs outrun benefits from the start', () => {
    expect(paybackMonths(0, [100, 100], [200, 200])).toBeNull();
  });
});

describe('roi', () => {
  it('is null when nothing is spent', () => {
    const f = evaluateCashFlows({ upfront: 0, costs: [0, 0, 0], benefits: [10, 10, 10], discountRate: 0.1 });
    expect(f.pvCosts).toBe(0);
    expect(f.roi).toBeNull();
    expect(f.npv).toBeGreaterThan(0);
  });
});

describe('rampUpSeries', () => {
  it('repeats its last value when shorter than the horizon', () => {
    expect(rampUpSeries([0.25, 0.5], 5)).toEqual([0.25, 0.5, 0.5, 0.5, 0.5]);
  });

  it('drops values past the horizon', () => {
    expect(rampUpSeries([0.2, 0.4, 0.6, 0.8, 1], 3)).toEqual([0.2, 0.4, 0.6]);
  });
});
