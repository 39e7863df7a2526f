import { describe, expect, it } from 'vitest';
import { businessCase } from '../../src/model/business-case.ts';
import { workedExample } from '../../src/schemas/examples.ts';

const result = businessCase(workedExample);
const problem = (id: string) => result.problems.find((p) => p.id === id)!;
const investment = (id: string) => result.investments.find((i) => i.id === id)!;

describe('The worked example (docs/method.md): problems', () => {
  it.each([
    ['late-delivery', 1, 13055, 6527500, 1582500, 25000, 8135000],
    ['billing-errors', 2, 6588, 3294000, 732000, 48000, 4074000],
  ])('%s', (id, rank, lost, direct, wom, service, total) => {
    const p = problem(id);
    expect(p.rank).toBe(rank);
    expect(p.customersLost).toBeCloseTo(lost, 6);
    expect(p.directRevenueAtRisk).toBeCloseTo(direct, 4);
    expect(p.wordOfMouthRevenueAtRisk).toBeCloseTo(wom, 4);
    expect(p.serviceCost).toBeCloseTo(service, 6);
    expect(p.totalAnnualDamage).toBeCloseTo(total, 4);
  });

  it('lists problems in rank order with Pareto shares', () => {
    expect(result.problems.map((p) => p.id)).toEqual(['late-delivery', 'billing-errors']);
    expect(result.problems[0]!.share).toBeCloseTo(8135000 / 12209000, 12);
    expect(result.problems[0]!.cumulativeShare).toBeCloseTo(8135000 / 12209000, 12);
    expect(result.problems[1]!.cumulativeShare).toBeCloseTo(1, 12);
  });

  it('splits the affected customers into segments', () => {
    const p = problem('billing-errors');
    expect(p.affected).toBeCloseTo(12000, 9);
    expect(p.complainants).toBeCloseTo(6000, 9);
    expect(p.silent).toBeCloseTo(6000, 9);
    expect(p.satisfiedComplainants).toBeCloseTo(2400, 9);
    expect(p.mollifiedComplainants).toBeCloseTo(1200, 9);
    expect(p.dissatisfiedComplainants).toBeCloseTo(2400, 9);
    expect(p.negativeListeners).toBeCloseTo(84000, 9);
    expect(p.positiveListeners).toBeCloseTo(10800, 9);
    expect(p.prospectsLost).toBeCloseTo(1680, 9);
    expect(p.prospectsWon).toBeCloseTo(216, 9);
  });

  it('totals the damage by kind', () => {
    expect(result.totals.customersLost).toBeCloseTo(19643, 6);
    expect(result.totals.directRevenueAtRisk).toBeCloseTo(9821500, 4);
    expect(result.totals.wordOfMouthRevenueAtRisk).toBeCloseTo(2314500, 4);
    expect(result.totals.serviceCost).toBeCloseTo(73000, 6);
    expect(result.totals.totalAnnualDamage).toBeCloseTo(12209000, 4);
  });
});

describe('The worked example (docs/method.md): investments', () => {
  it.each([
    ['fix-billing', 1, 2444400, 5096632.31, 13.6149, 2, 179163.33],
    ['better-handling', 2, 1473000, 2898397.45, 7.2747, 1, 100475.0],
  ])('%s', (id, rank, benefit, npv, roi, payback, delay) => {
    const inv = investment(id);
    expect(inv.rank).toBe(rank);
    expect(inv.annualBenefit).toBeCloseTo(benefit, 4);
    expect(inv.npv).toBeCloseTo(npv, 2);
    expect(inv.roi).toBeCloseTo(roi, 4);
    expect(inv.paybackMonths).toBe(payback);
    expect(inv.costOfDelayPerMonth).toBeCloseTo(delay, 2);
    expect(inv.recommended).toBe(true);
  });

  it('states the finance figures behind npv', () => {
    const inv = investment('fix-billing');
    const annuity = 1 / 1.1 + 1 / 1.1 ** 2 + 1 / 1.1 ** 3;
    expect(inv.riskAdjustedAnnualBenefit).toBeCloseTo(2444400 * 0.9, 6);
    expect(inv.pvBenefits).toBeCloseTo(2444400 * 0.9 * annuity, 6);
    expect(inv.pvCosts).toBeCloseTo(250000 + 50000 * annuity, 6);
    expect(inv.cashFlows.map((y) => y.year)).toEqual([0, 1, 2, 3]);
    expect(inv.cashFlows[0]).toMatchObject({ benefit: 0, cost: 250000, net: -250000, presentValue: -250000 });
  });

  it('splits the benefit of an investment over the problems it targets', () => {
    const inv = investment('better-handling');
    expect(inv.problems).toEqual(['billing-errors', 'late-delivery']);
    expect(inv.byProblem.find((p) => p.problemId === 'billing-errors')!.benefit).toBeCloseTo(828000, 4);
    expect(inv.byProblem.find((p) => p.problemId === 'late-delivery')!.benefit).toBeCloseTo(645000, 4);
  });

  it('lists every default it used, with its source', () => {
    const fields = result.assumptions.map((a) => a.field);
    expect(fields).toEqual([
      'currency',
      'newCustomerValue',
      'loyalty.baseline',
      'loyalty.silent',
      'loyalty.satisfied',
      'loyalty.mollified',
      'loyalty.dissatisfied',
      'wordOfMouth.positiveTold',
      'wordOfMouth.negativeTold',
      'wordOfMouth.positiveInfluence',
      'wordOfMouth.negativeInfluence',
      'finance.horizonYears',
      'finance.discountRate',
      'finance.riskAdjustment',
      'investments[0].rampUp',
      'investments[1].rampUp',
    ]);
    expect(result.assumptions.find((a) => a.field === 'newCustomerValue')!.value).toBe(500);
    expect(result.assumptions.find((a) => a.field === 'loyalty.silent')).toMatchObject({ value: 0.09 });
    for (const a of result.assumptions) expect(a.source.length).toBeGreaterThan(10);
    expect(result.modelVersion).toBe('2');
    expect(result.currency).toBe('USD');
  });
});
