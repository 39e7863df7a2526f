import { describe, expect, it } from 'vitest';
import { workedExample } from '../../src/schemas/examples.ts';
import { call, expectProblem, postJson } from './helpers.ts';

const OP: [string, string] = ['POST', '/v1/business-case'];
/** A copy to break on purpose: any field may be given any value. */
const clone = (): Record<string, any> => structuredClone(workedExample);

async function invalid(body: unknown): Promise<{ path: string; message: string }[]> {
  const problem = await expectProblem(await postJson('/v1/business-case', body), 422, OP);
  expect(problem.type).toBe('/problems/invalid-input');
  expect(problem.errors.length).toBeGreaterThan(0);
  return problem.errors;
}

/** Sends the worked example changed by `change`, expects 422 naming `path`, returns that error's message. */
async function rejects(change: (s: Record<string, any>) => void, path: string): Promise<string> {
  const s = clone();
  change(s);
  const errors = await invalid(s);
  const error = errors.find((e) => e.path === path);
  expect(error, `an error at ${path} in ${JSON.stringify(errors)}`).toBeDefined();
  return error!.message;
}

describe('the body itself', () => {
  it('malformed JSON: 400 with the parser’s reason', async () => {
    const problem = await expectProblem(await postJson('/v1/business-case', '{"customers": 100000,'), 400, OP);
    expect(problem.type).toBe('/problems/malformed-json');
    // The parser's own reason follows, saying where the text ends or breaks.
    expect(problem.detail).toMatch(/^The body is not valid JSON: .*(JSON|position|end).*\.$/);
  });

  it('a wrong Content-Type: 415', async () => {
    const res = await call('/v1/business-case', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(workedExample) });
    const problem = await expectProblem(res, 415, OP);
    expect(problem.detail).toContain('text/plain');
    expect(res.headers.get('accept-post')).toBe('application/json');
  });

  it('a form post: 415', async () => {
    const res = await call('/v1/business-case', { method: 'POST', body: new URLSearchParams({ customers: '1' }) });
    await expectProblem(res, 415, OP);
  });

  it('no Content-Type at all: 415', async () => {
    const res = await call('/v1/business-case', { method: 'POST', body: new TextEncoder().encode(JSON.stringify(workedExample)) });
    await expectProblem(res, 415, OP);
  });

  it('a missing body: 400', async () => {
    const problem = await expectProblem(
      await call('/v1/business-case', { method: 'POST', headers: { 'content-type': 'application/json' } }),
      400,
      OP,
    );
    expect(problem.type).toBe('/problems/missing-body');
  });

  it('a body over 1 MB: 413', async () => {
    const big = { ...clone(), padding: 'x'.repeat(1024 * 1024) };
    const problem = await expectProblem(await postJson('/v1/business-case', big), 413, OP);
    expect(problem.type).toBe('/problems/payload-too-large');
  });

  it('a body over 1 MB sent without Content-Length: 413', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ ...clone(), padding: 'x'.repeat(1024 * 1024) }));
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 65536) controller.enqueue(bytes.slice(i, i + 65536));
        controller.close();
      },
    });
    const res = await call('/v1/business-case', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream });
    await expectProblem(res, 413, OP);
  });

  it.each([
    ['a list', []],
    ['null', null],
    ['a number', 42],
  ])('JSON that is %s instead of an object: 422 at the body', async (_, body) => {
    const errors = await invalid(JSON.stringify(body));
    expect(errors[0]).toMatchObject({ path: '(body)' });
  });
});

describe('fields', () => {
  it('wrong types name the field and the expected type', async () => {
    expect(await rejects((s) => (s.customers = '100000'), 'customers')).toBe('must be a number, not string (got "100000")');
    expect(await rejects((s) => (s.problems[0].complaintRate = 'half'), 'problems[0].complaintRate')).toBe(
      'must be a number or a range {low, likely, high}, not string (got "half")',
    );
    expect(await rejects((s) => (s.problems[1].outcomes = [0.3, 0.4, 0.3]), 'problems[1].outcomes')).toBe('must be an object, not a list');
  });

  it('a required field that is missing', async () => {
    expect(await rejects((s) => delete s.customers, 'customers')).toBe('is required');
    expect(await rejects((s) => delete s.problems[1].outcomes, 'problems[1].outcomes')).toBe('is required');
  });

  it('out-of-range values', async () => {
    expect(await rejects((s) => (s.problems[0].complaintRate = 1.5), 'problems[0].complaintRate')).toBe(
      'must be greater than 0 and at most 1 (got 1.5)',
    );
    expect(await rejects((s) => (s.problems[0].complaintRate = 0), 'problems[0].complaintRate')).toBe('must be greater than 0 and at most 1 (got 0)');
    expect(await rejects((s) => (s.customers = 0), 'customers')).toBe('must be at least 1 (got 0)');
    expect(await rejects((s) => (s.customers = 10.5), 'customers')).toBe('must be a whole number (got 10.5)');
    expect(await rejects((s) => (s.problems[1].costPerComplaint = -5), 'problems[1].costPerComplaint')).toBe('must be at least 0 (got -5)');
    expect(await rejects((s) => (s.finance = { horizonYears: 11 }), 'finance.horizonYears')).toBe('must be at most 10 (got 11)');
    expect(await rejects((s) => (s.finance = { riskAdjustment: 1 }), 'finance.riskAdjustment')).toBe('must be at least 0 and less than 1 (got 1)');
    expect(await rejects((s) => (s.loyalty = { silent: -0.1 }), 'loyalty.silent')).toBe('must be between 0 and 1 (got -0.1)');
    expect(await rejects((s) => (s.investments[0].rampUp = [0.5, 1.2]), 'investments[0].rampUp[1]')).toBe('must be between 0 and 1 (got 1.2)');
    expect(await rejects((s) => (s.currency = 'usd'), 'currency')).toMatch(/ISO 4217/);
  });

  it('a number too large to represent (JSON.parse makes it Infinity)', async () => {
    const text = JSON.stringify(clone()).replace('"lifetimeValue":500', '"lifetimeValue":1e400');
    const errors = await invalid(text);
    expect(errors).toEqual([{ path: 'customerValue.lifetimeValue', message: 'must be a finite number, at most about 1.8e308 in size' }]);
  });

  it('outcome shares that do not sum to 1', async () => {
    expect(await rejects((s) => (s.problems[1].outcomes.dissatisfied = 0.2), 'problems[1].outcomes')).toBe('shares must sum to 1 (they sum to 0.9)');
    expect(await rejects((s) => (s.investments[1].effects.outcomes.satisfied = 0.8), 'investments[1].effects.outcomes')).toMatch(/sum to 1/);
  });

  it('outcome shares that sum to 1 within 1e-6 are accepted', async () => {
    const s = clone();
    s.problems[0].outcomes = { satisfied: 0.4, mollified: 0.2, dissatisfied: 0.4000005 };
    expect((await postJson('/v1/business-case', s)).status).toBe(200);
  });

  it('duplicate ids', async () => {
    expect(await rejects((s) => (s.problems[1].id = 'billing-errors'), 'problems[1].id')).toMatch(/duplicates the id of problems\[0\]/);
    expect(await rejects((s) => (s.investments[1].id = 'fix-billing'), 'investments[1].id')).toMatch(/duplicates/);
  });

  it('an investment naming an unknown problem', async () => {
    expect(await rejects((s) => (s.investments[0].problems = ['billing-errors', 'lost-parcels']), 'investments[0].problems[1]')).toMatch(
      /names no problem.*lost-parcels/,
    );
    expect(await rejects((s) => (s.investments[0].problems = []), 'investments[0].problems')).toBe('must have at least 1 item');
    expect(await rejects((s) => (s.investments[0].problems = 'billing-errors'), 'investments[0].problems')).toMatch(/"all" or a list/);
  });

  it('complaintsPerYear that implies more affected customers than exist', async () => {
    const message = await rejects((s) => {
      delete s.problems[0].prevalence;
      s.problems[0].complaintsPerYear = 60000; // ÷ 0.5 = 120,000 > 100,000
    }, 'problems[0].complaintsPerYear');
    expect(message).toMatch(/120000 affected customers.*more than customers \(100000\)/);
  });

  it('complaintsPerYear that implies exactly all customers is accepted despite rounding in the division', async () => {
    const s = clone();
    delete s.problems[0].prevalence;
    s.problems[0].complaintsPerYear = 30000;
    s.problems[0].complaintRate = 0.3; // 30000 / 0.3 = 100000.00000000001 in floating point
    expect((await postJson('/v1/business-case', s)).status).toBe(200);
  });

  it('affectedCustomers above customers', async () => {
    expect(
      await rejects((s) => {
        delete s.problems[0].prevalence;
        s.problems[0].affectedCustomers = 100001;
      }, 'problems[0].affectedCustomers'),
    ).toMatch(/must not exceed customers/);
  });

  it('a problem must state its size in exactly one way', async () => {
    expect(await rejects((s) => delete s.problems[0].prevalence, 'problems[0]')).toMatch(/exactly one of.*none/);
    expect(await rejects((s) => (s.problems[0].affectedCustomers = 5), 'problems[0]')).toMatch(/got prevalence and affectedCustomers/);
  });

  it('customerValue needs a lifetime value or the annual figures, not both', async () => {
    expect(await rejects((s) => (s.customerValue = {}), 'customerValue')).toMatch(/either lifetimeValue/);
    expect(await rejects((s) => (s.customerValue = { lifetimeValue: 500, grossMargin: 0.3 }), 'customerValue.grossMargin')).toMatch(/not both/);
    expect(await rejects((s) => (s.customerValue = { annualRevenue: 500, grossMargin: 0.3 }), 'customerValue.retentionRate')).toMatch(/required/);
    expect(
      await rejects(
        (s) => (s.customerValue = { annualRevenue: 500, grossMargin: 0.3, retentionRate: 1, discountRate: 0 }),
        'customerValue.retentionRate',
      ),
    ).toMatch(/less than 1 \+ discountRate/);
  });

  it('an investment with no effect', async () => {
    expect(await rejects((s) => (s.investments[0].effects = {}), 'investments[0].effects')).toBe('give at least one effect');
  });

  it('unknown fields are named, so a typo cannot silently fall back to a default', async () => {
    expect(await rejects((s) => (s.finance = { riskAdjustement: 0.2 }), 'finance.riskAdjustement')).toBe('is not a known field');
  });

  it('problem and investment counts are limited', async () => {
    expect(await rejects((s) => (s.problems = []), 'problems')).toBe('must have at least 1 item');
    expect(await rejects((s) => (s.problems = Array.from({ length: 201 }, (_, i) => ({ ...s.problems[0], id: `p${i}` }))), 'problems')).toBe(
      'must have at most 200 items (got 201)',
    );
  });

  it('reports every invalid field at once', async () => {
    const s = clone();
    s.problems[0].complaintRate = 2;
    s.problems[1].outcomes.satisfied = 'a lot';
    s.wordOfMouth = { negativeTold: -1 };
    const errors = await invalid(s);
    expect(errors.map((e) => e.path).sort()).toEqual(['problems[0].complaintRate', 'problems[1].outcomes.satisfied', 'wordOfMouth.negativeTold']);
  });
});

describe('figures that would overflow', () => {
  it('are a 422 naming the inputs that caused them, never Infinity', async () => {
    const s = clone();
    s.customerValue = { lifetimeValue: 1e308 };
    const problem = await expectProblem(await postJson('/v1/business-case', s), 422, OP);
    expect(problem.type).toBe('/problems/uncomputable');
    expect(problem.errors[0]!.path).toMatch(/^problems\[\d\]$/);
    expect(problem.errors[0]!.message).toMatch(/directRevenueAtRisk.*customers, customerValue/);
  });

  it('a vanishing cost that would make roi infinite names the investment’s cost', async () => {
    const s = clone();
    s.investments[0].cost = { upfront: 5e-324 };
    const problem = await expectProblem(await postJson('/v1/business-case', s), 422, OP);
    expect(problem.errors[0]).toMatchObject({ path: 'investments[0]' });
    expect(problem.errors[0]!.message).toMatch(/roi.*investments\[0\]\.cost/);
  });
});

describe('routes and methods', () => {
  it('an unknown route: 404', async () => {
    const problem = await expectProblem(await call('/v1/business-cases'), 404);
    expect(problem.type).toBe('/problems/not-found');
  });

  it('a wrong method: 405 with Allow', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await call('/v1/business-case', { method });
      const problem = await expectProblem(res, 405);
      expect(problem.type).toBe('/problems/method-not-allowed');
      expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
    }
    const res = await call('/health', { method: 'POST' });
    await expectProblem(res, 405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});
