import { describe, expect, it } from 'vitest';
import { subscriptionExample, workedExample } from '../../src/schemas/examples.ts';
import { call, expectDocumented, openApiDocument, postJson } from './helpers.ts';

type Body = {
  problems: Record<string, number | string | null>[];
  investments: Record<string, unknown>[];
  totals: Record<string, number>;
  assumptions: { field: string; value: unknown; source: string }[];
  currency: string;
  modelVersion: string;
};

describe('POST /v1/business-case with the worked example (docs/method.md)', () => {
  it('answers the worked example’s figures', async () => {
    const res = await postJson('/v1/business-case', workedExample);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await expectDocumented(res, 'POST', '/v1/business-case')) as Body;

    const [late, billing] = body.problems;
    expect(late).toMatchObject({ id: 'late-delivery', rank: 1 });
    expect(late!.customersLost).toBeCloseTo(13055, 6);
    expect(late!.directRevenueAtRisk).toBeCloseTo(6527500, 4);
    expect(late!.wordOfMouthRevenueAtRisk).toBeCloseTo(1582500, 4);
    expect(late!.serviceCost).toBeCloseTo(25000, 6);
    expect(late!.totalAnnualDamage).toBeCloseTo(8135000, 4);
    expect(billing).toMatchObject({ id: 'billing-errors', rank: 2 });
    expect(billing!.customersLost).toBeCloseTo(6588, 6);
    expect(billing!.totalAnnualDamage).toBeCloseTo(4074000, 4);
    expect(billing!.cumulativeShare).toBeCloseTo(1, 12);

    const [fix, handling] = body.investments as Record<string, number | boolean>[];
    expect(fix).toMatchObject({ id: 'fix-billing', rank: 1, paybackMonths: 2, recommended: true });
    expect(fix!.annualBenefit as number).toBeCloseTo(2444400, 4);
    expect(fix!.npv as number).toBeCloseTo(5096632.31, 2);
    expect(fix!.roi as number).toBeCloseTo(13.6149, 4);
    expect(fix!.costOfDelayPerMonth as number).toBeCloseTo(179163.33, 2);
    expect(handling).toMatchObject({ id: 'better-handling', rank: 2, paybackMonths: 1, recommended: true });
    expect(handling!.annualBenefit as number).toBeCloseTo(1473000, 4);
    expect(handling!.npv as number).toBeCloseTo(2898397.45, 2);
    expect(handling!.roi as number).toBeCloseTo(7.2747, 4);
    expect(handling!.costOfDelayPerMonth as number).toBeCloseTo(100475, 2);

    expect(body.totals.totalAnnualDamage).toBeCloseTo(12209000, 4);
    expect(body.currency).toBe('USD');
    expect(body.modelVersion).toBe('2');
    expect(body.assumptions.find((a) => a.field === 'loyalty.baseline')).toMatchObject({ value: 0.85 });
  });

  it('gives byte-identical answers to identical requests', async () => {
    const a = await (await postJson('/v1/business-case', workedExample)).text();
    const b = await (await postJson('/v1/business-case', workedExample)).text();
    expect(a).toBe(b);
  });

  it('accepts a JSON media type with parameters', async () => {
    const res = await postJson('/v1/business-case', workedExample, { 'content-type': 'application/json; charset=utf-8' });
    expect(res.status).toBe(200);
  });
});

describe('POST /v1/business-case with the subscription example', () => {
  it('derives the lifetime value from annual figures and affected customers from complaint counts', async () => {
    const res = await postJson('/v1/business-case', subscriptionExample);
    const body = (await expectDocumented(res, 'POST', '/v1/business-case')) as Body & { lifetimeValue: number; finance: object };
    expect(res.status).toBe(200);
    expect(body.lifetimeValue).toBeCloseTo((420 * 0.35 * 0.8) / (1 + 0.08 - 0.8), 9);
    expect(body.currency).toBe('EUR');
    expect(body.finance).toEqual({ horizonYears: 5, discountRate: 0.08, riskAdjustment: 0.15 });
    expect(body.problems.find((p) => p.id === 'outage')!.affected).toBeCloseTo(30000, 9);
    const portal = body.investments.find((i) => i.id === 'self-service-portal') as {
      cashFlows: { benefit: number }[];
      riskAdjustedAnnualBenefit: number;
    };
    expect(portal.cashFlows).toHaveLength(6);
    expect(portal.cashFlows[1]!.benefit).toBeCloseTo(portal.riskAdjustedAnnualBenefit * 0.5, 6);
    expect(portal.cashFlows[5]!.benefit).toBeCloseTo(portal.riskAdjustedAnnualBenefit, 6);
    const fields = body.assumptions.map((a) => a.field);
    expect(fields).toContain('wordOfMouth.negativeTold');
    expect(fields).not.toContain('wordOfMouth.negativeInfluence');
    expect(fields).not.toContain('finance.horizonYears');
    expect(fields).not.toContain('customerValue.discountRate');
  });
});

describe('every documented example', () => {
  it('is answered with its success status and a body the document describes', async () => {
    const doc = (await openApiDocument()) as unknown as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> }; responses: object }>
      >;
    };
    let sent = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const examples = op.requestBody?.content['application/json']?.examples;
        // The creating operations; an edit's examples need a case and its key (test/api/cases.*).
        if (!examples || method !== 'post' || path.includes('{')) continue;
        for (const [name, { value }] of Object.entries(examples)) {
          const res = await postJson(path, value);
          // The operation's success: 200, or 201 for one that creates (a saved case).
          const success = Number(Object.keys(op.responses).find((status) => status.startsWith('2')));
          expect(res.status, `${method} ${path} example ${name}`).toBe(success);
          await expectDocumented(res, method, path);
          sent++;
        }
      }
    }
    expect(sent).toBeGreaterThanOrEqual(2);
  });
});

describe('totals', () => {
  it('are the sums of the problems', async () => {
    const body = (await (await postJson('/v1/business-case', subscriptionExample)).json()) as Body;
    for (const key of ['customersLost', 'directRevenueAtRisk', 'wordOfMouthRevenueAtRisk', 'serviceCost', 'totalAnnualDamage']) {
      const sum = body.problems.reduce((s, p) => s + (p[key] as number), 0);
      expect(body.totals[key]).toBeCloseTo(sum, 6);
    }
  });
});

describe('CORS', () => {
  it('lets a browser on any origin call the API without credentials', async () => {
    const preflight = await call('/v1/business-case', {
      method: 'OPTIONS',
      headers: { Origin: 'https://sheets.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const res = await postJson('/v1/business-case', workedExample, { Origin: 'https://sheets.example' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
