// The flat parameters of the spreadsheet routes stand for the JSON inputs the README names them after: generated
// requests give the figures POST /v1/business-case gives for the same scenario, built here independently.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../arbitraries.ts';
import { call, openApiDocument, postJson } from './helpers.ts';

/** Where each parameter goes in the JSON scenario, as the README documents it (written here, not read from src). */
const JSON_PATH: Record<string, string> = {
  currency: 'currency',
  customers: 'customers',
  lifetimeValue: 'customerValue.lifetimeValue',
  annualRevenue: 'customerValue.annualRevenue',
  grossMargin: 'customerValue.grossMargin',
  retentionRate: 'customerValue.retentionRate',
  newCustomerValue: 'newCustomerValue',
  'loyalty.baseline': 'loyalty.baseline',
  'loyalty.silent': 'loyalty.silent',
  'loyalty.satisfied': 'loyalty.satisfied',
  'loyalty.mollified': 'loyalty.mollified',
  'loyalty.dissatisfied': 'loyalty.dissatisfied',
  positiveTold: 'wordOfMouth.positiveTold',
  negativeTold: 'wordOfMouth.negativeTold',
  positiveInfluence: 'wordOfMouth.positiveInfluence',
  negativeInfluence: 'wordOfMouth.negativeInfluence',
  prevalence: 'problems.0.prevalence',
  affectedCustomers: 'problems.0.affectedCustomers',
  complaintsPerYear: 'problems.0.complaintsPerYear',
  complaintRate: 'problems.0.complaintRate',
  satisfied: 'problems.0.outcomes.satisfied',
  mollified: 'problems.0.outcomes.mollified',
  dissatisfied: 'problems.0.outcomes.dissatisfied',
  costPerComplaint: 'problems.0.costPerComplaint',
  prevalenceReduction: 'investments.0.effects.prevalenceReduction',
  complaintRateMultiplier: 'investments.0.effects.complaintRateMultiplier',
  satisfiedAfter: 'investments.0.effects.outcomes.satisfied',
  mollifiedAfter: 'investments.0.effects.outcomes.mollified',
  dissatisfiedAfter: 'investments.0.effects.outcomes.dissatisfied',
  costPerComplaintReduction: 'investments.0.effects.costPerComplaintReduction',
  upfrontCost: 'investments.0.cost.upfront',
  annualCost: 'investments.0.cost.annual',
  horizonYears: 'finance.horizonYears',
  riskAdjustment: 'finance.riskAdjustment',
  // discountRate: the lifetime value's with annual figures, and the cash flows' where there are any (below).
  discountRate: '',
  samples: 'simulation.samples',
  seed: 'simulation.seed',
  swing: 'sensitivity.swing',
  top: 'sensitivity.top',
};

const OUTPUT = new Set(['format', 'field', 'onError', '_', 'table', 'problem', 'investment', 'portfolio']);

function setAt(target: Record<string, any>, path: string, value: unknown) {
  const steps = path.split('.');
  let node = target;
  steps.slice(0, -1).forEach((step, i) => {
    node = node[step] ??= /^\d+$/.test(steps[i + 1]!) ? [] : {};
  });
  node[steps.at(-1)!] = value;
}

// Values in steps of 1/20 or whole numbers: exact as text and back, and outcome shares that sum to exactly 1.
const twentieth = (min: number, max: number) => fc.integer({ min: Math.ceil(min * 20), max: Math.floor(max * 20) }).map((k) => k / 20);
const mix = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })).map(([a, b]) => {
  const s = Math.min(a, b);
  const m = Math.max(a, b) - s;
  return [s / 20, m / 20, (20 - s - m) / 20] as const;
});
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const customers = fc.record({
  customers: fc.integer({ min: 1000, max: 1_000_000 }),
  value: fc.oneof(
    fc.record({ lifetimeValue: fc.integer({ min: 0, max: 5000 }) }),
    fc.record({
      annualRevenue: fc.integer({ min: 0, max: 5000 }),
      grossMargin: twentieth(0, 1),
      retentionRate: twentieth(0, 0.95),
      discountRate: maybe(twentieth(0, 0.5)),
    }),
  ),
  optional: fc.record(
    {
      currency: fc.constantFrom('EUR', 'VND', 'USD'),
      newCustomerValue: fc.integer({ min: 0, max: 5000 }),
      'loyalty.baseline': twentieth(0, 1),
      'loyalty.silent': twentieth(0, 1),
      'loyalty.satisfied': twentieth(0, 1),
      'loyalty.mollified': twentieth(0, 1),
      'loyalty.dissatisfied': twentieth(0, 1),
      positiveTold: twentieth(0, 20),
      negativeTold: twentieth(0, 20),
      positiveInfluence: twentieth(0, 0.2),
      negativeInfluence: twentieth(0, 0.2),
    },
    { requiredKeys: [] },
  ),
});

const problem = fc.record({
  stated: fc.oneof(
    twentieth(0, 1).map((v) => ({ prevalence: v })),
    fc.integer({ min: 0, max: 1000 }).map((v) => ({ affectedCustomers: v })),
    fc.integer({ min: 0, max: 100 }).map((v) => ({ complaintsPerYear: v })),
  ),
  complaintRate: twentieth(0.05, 1),
  outcomes: mix,
  costPerComplaint: maybe(fc.integer({ min: 0, max: 100 })),
});

const investment = fc.record({
  effect: fc
    .record(
      {
        prevalenceReduction: twentieth(0, 1),
        complaintRateMultiplier: twentieth(0, 3),
        after: mix,
        costPerComplaintReduction: twentieth(0, 1),
      },
      { requiredKeys: [] },
    )
    .filter((e) => Object.keys(e).length > 0),
  upfrontCost: maybe(fc.integer({ min: 0, max: 1_000_000 })),
  annualCost: maybe(fc.integer({ min: 0, max: 1_000_000 })),
  horizonYears: maybe(fc.integer({ min: 1, max: 10 })),
  riskAdjustment: maybe(twentieth(0, 0.95)),
});

type Query = Record<string, string | number | undefined>;
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

function flatten(c: ValueOf<typeof customers>, p?: ValueOf<typeof problem>, i?: ValueOf<typeof investment>): Query {
  const q: Query = { customers: c.customers, ...c.value, ...c.optional };
  if (p) {
    Object.assign(q, p.stated, {
      complaintRate: p.complaintRate,
      satisfied: p.outcomes[0],
      mollified: p.outcomes[1],
      dissatisfied: p.outcomes[2],
      costPerComplaint: p.costPerComplaint,
    });
  }
  if (i) {
    const { after, ...effects } = i.effect;
    Object.assign(q, effects, {
      upfrontCost: i.upfrontCost,
      annualCost: i.annualCost,
      horizonYears: i.horizonYears,
      riskAdjustment: i.riskAdjustment,
    });
    if (after) Object.assign(q, { satisfiedAfter: after[0], mollifiedAfter: after[1], dissatisfiedAfter: after[2] });
  }
  for (const k of Object.keys(q)) if (q[k] === undefined) delete q[k];
  return q;
}

/** The JSON scenario the parameters stand for, by the README's names. */
function scenarioOf(q: Query, withFinance: boolean): Record<string, any> {
  const s: Record<string, any> = {};
  if ('prevalence' in q || 'affectedCustomers' in q || 'complaintsPerYear' in q) s.problems = [{ id: 'p' }];
  if (
    'upfrontCost' in q ||
    'prevalenceReduction' in q ||
    'complaintRateMultiplier' in q ||
    'satisfiedAfter' in q ||
    'costPerComplaintReduction' in q
  ) {
    s.investments = [{ id: 'i', problems: 'all', effects: {}, cost: {} }];
  }
  for (const [name, value] of Object.entries(q)) {
    if (name === 'discountRate') {
      if (q.lifetimeValue === undefined) setAt(s, 'customerValue.discountRate', value);
      if (withFinance) setAt(s, 'finance.discountRate', value);
    } else setAt(s, JSON_PATH[name]!, value);
  }
  return s;
}

const url = (path: string, q: Query) => `${path}?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;

describe('every documented parameter', () => {
  it('is one the README names after a JSON input, and every one of those is documented', async () => {
    const doc = (await openApiDocument()) as unknown as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    const documented = new Set<string>();
    for (const path of ['/v1/problem-damage', '/v1/investment-roi', '/v1/lifetime-value', '/v1/business-case']) {
      for (const p of doc.paths[path]!.get!.parameters!) if (!OUTPUT.has(p.name)) documented.add(p.name);
    }
    expect([...documented].sort()).toEqual(Object.keys(JSON_PATH).sort());
  });
});

describe('generated requests answer what the JSON form answers', () => {
  it('GET /v1/problem-damage', async () => {
    await fc.assert(
      fc.asyncProperty(customers, problem, async (c, p) => {
        const q = flatten(c, p);
        if (q.lifetimeValue !== undefined) delete q.discountRate;
        if (
          Number(q.affectedCustomers ?? 0) > Number(q.customers) ||
          Number(q.complaintsPerYear ?? 0) / Number(q.complaintRate) > Number(q.customers)
        )
          return;
        const flat = await call(url('/v1/problem-damage', q));
        const body = (await flat.json()) as Record<string, unknown>;
        expect(flat.status, JSON.stringify(body)).toBe(200);
        const viaPost = (await (await postJson('/v1/business-case', scenarioOf(q, false))).json()) as {
          problems: Record<string, unknown>[];
          assumptions: unknown[];
        };
        const { id: _i, name: _n, rank: _r, share: _s, cumulativeShare: _c, ...figures } = viaPost.problems[0]!;
        expect(body).toMatchObject(figures);
        expect((body.assumptions as unknown[]).length).toBe(viaPost.assumptions.length);
      }),
      runs(),
    );
  });

  it('GET /v1/investment-roi', async () => {
    await fc.assert(
      fc.asyncProperty(customers, problem, investment, async (c, p, i) => {
        const q = flatten(c, p, i);
        if (
          Number(q.affectedCustomers ?? 0) > Number(q.customers) ||
          Number(q.complaintsPerYear ?? 0) / Number(q.complaintRate) > Number(q.customers)
        )
          return;
        const flat = await call(url('/v1/investment-roi', q));
        const body = (await flat.json()) as Record<string, unknown>;
        expect(flat.status, JSON.stringify(body)).toBe(200);
        const viaPost = (await (await postJson('/v1/business-case', scenarioOf(q, true))).json()) as {
          investments: Record<string, unknown>[];
          assumptions: unknown[];
        };
        const { npv, roi, paybackMonths, annualBenefit, pvCosts, cashFlows } = viaPost.investments[0]!;
        expect(body).toMatchObject({ npv, roi, paybackMonths, annualBenefit, pvCosts, cashFlows });
        expect((body.assumptions as unknown[]).length).toBe(viaPost.assumptions.length);
      }),
      runs(),
    );
  });

  it('GET /v1/lifetime-value', async () => {
    const annual = fc.record({
      annualRevenue: fc.integer({ min: 0, max: 5000 }),
      grossMargin: twentieth(0, 1),
      retentionRate: twentieth(0, 0.95),
      discountRate: maybe(twentieth(0, 0.5)),
    });
    await fc.assert(
      fc.asyncProperty(annual, async (a) => {
        const q = Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Query;
        const res = await call(url('/v1/lifetime-value', q));
        expect(res.status).toBe(200);
        const body = (await res.json()) as { lifetimeValue: number };
        const s = scenarioOf({ customers: 1, ...q, prevalence: 0, complaintRate: 1, satisfied: 1, mollified: 0, dissatisfied: 0 }, false);
        const viaPost = (await (await postJson('/v1/business-case', s)).json()) as { lifetimeValue: number };
        expect(body.lifetimeValue).toBe(viaPost.lifetimeValue);
      }),
      runs(),
    );
  });

  it('GET /v1/business-case, its scenario-wide parameters', async () => {
    const items = '&problem=p,prevalence:0.1,complaintRate:0.5,outcomes:0.4/0.2/0.4&investment=i,problems:all,prevalenceReduction:0.5,upfront:1000';
    await fc.assert(
      fc.asyncProperty(
        customers,
        fc.record({ horizonYears: maybe(fc.integer({ min: 1, max: 10 })), riskAdjustment: maybe(twentieth(0, 0.95)) }),
        async (c, f) => {
          const q = flatten(c);
          if (f.horizonYears !== undefined) q.horizonYears = f.horizonYears;
          if (f.riskAdjustment !== undefined) q.riskAdjustment = f.riskAdjustment;
          const res = await call(url('/v1/business-case', q) + items);
          expect(res.status).toBe(200);
          const flat = (await res.json()) as Record<string, unknown>;
          const s = scenarioOf(q, true);
          s.problems = [{ id: 'p', prevalence: 0.1, complaintRate: 0.5, outcomes: { satisfied: 0.4, mollified: 0.2, dissatisfied: 0.4 } }];
          s.investments = [{ id: 'i', problems: 'all', effects: { prevalenceReduction: 0.5 }, cost: { upfront: 1000 } }];
          const viaPost = (await (await postJson('/v1/business-case', s)).json()) as Record<string, unknown>;
          // Break-evens, like assumptions, name the lifetime value by its GET parameter.
          const named = JSON.parse(JSON.stringify(flat).replaceAll('"field":"lifetimeValue"', '"field":"customerValue.lifetimeValue"'));
          expect({ ...named, assumptions: undefined }).toEqual({ ...viaPost, assumptions: undefined });
        },
      ),
      runs(),
    );
  });
});

describe('the documented `field` example', () => {
  type Parameter = { name: string; in: string; example?: unknown; schema: { example?: unknown; examples?: unknown[] } };
  it('answers one value on every operation that shows it', async () => {
    const doc = (await openApiDocument()) as unknown as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const field = op.parameters?.find((p) => p.name === 'field');
        if (!field) continue;
        const example = String(field.schema.examples?.[0]);
        const query = new URLSearchParams();
        let url = path;
        if (method === 'get')
          for (const p of op.parameters!)
            for (const v of [p.example ?? p.schema.example].flat()) {
              if (v === undefined) continue;
              if (p.in === 'path') url = url.replace(`{${p.name}}`, String(v));
              else query.append(p.name, String(v));
            }
        query.set('field', example);
        query.delete('format');
        const { workedExample } = await import('../../src/schemas/examples.ts');
        const res = method === 'get' ? await call(`${url}?${query}`) : await postJson(`${url}?${query}`, workedExample);
        const text = await res.text();
        expect(res.status, `${method} ${path} field=${example}: ${text}`).toBe(200);
        expect(Number.isFinite(Number(text)), text).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(8);
  });
});
