// Contract fuzzing: requests generated from the published OpenAPI document, valid and broken, sent through the
// Worker; every answer must be one the document describes. A fixed seed and count; FUZZ_RUNS asks for more.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runs, scenario } from '../arbitraries.ts';
import { call, expectDocumented, openApiDocument, postJson } from './helpers.ts';
import { fromSchema, mutated, nasty } from './schema-arbitrary.ts';

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: 'query' | 'path'; schema: Schema; example?: unknown };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** Generous, since FUZZ_RUNS may ask for many more cases than the default. */
const LONG = 600_000;

const tally = new Map<string, number>();
async function send(method: string, path: string, url: string, init?: RequestInit): Promise<void> {
  const res = await call(url, { method, ...init });
  tally.set(`${method} ${path} ${res.status}`, (tally.get(`${method} ${path} ${res.status}`) ?? 0) + 1);
  expect(res.status, `${method} ${url}`).toBeLessThan(500);
  const echoes = /NaN|Infinity/.test(decodeURIComponent(url) + String(init?.body ?? ''));
  await expectDocumented(res, method, path, { echoes });
}

afterAll(() => {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  console.log(`contract fuzzing: ${total} requests\n${[...tally].map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
});

const doc = (await openApiDocument()) as unknown as Doc;
const components = doc.components.schemas;

describe('POST /v1/business-case', () => {
  const documented = doc.paths['/v1/business-case']!.post!.requestBody!.content['application/json']!.schema;
  const bodies = fc.oneof(
    { arbitrary: fromSchema(documented, components), weight: 2 },
    { arbitrary: scenario, weight: 2 },
    { arbitrary: mutated(scenario), weight: 3 },
    { arbitrary: mutated(fromSchema(documented, components)), weight: 2 },
    { arbitrary: nasty, weight: 1 },
  );

  it('answers generated and broken scenarios as the document says', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => send('POST', '/v1/business-case', '/v1/business-case', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body) ?? 'undefined',
      })),
      runs(),
    );
  }, LONG);

  it('answers raw bodies that are not JSON as the document says', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (text, type) =>
        send('POST', '/v1/business-case', '/v1/business-case', { headers: { 'content-type': type }, body: text }),
      ),
      runs(),
    );
  }, LONG);

  it('holds problem and investment lists at and past their limits', async () => {
    const [s] = fc.sample(scenario, { numRuns: 1, seed: 1 });
    const problems = Array.from({ length: 200 }, (_, i) => ({ ...s!.problems[0]!, id: `p${i}` }));
    const investments = Array.from({ length: 100 }, (_, i) => ({ id: `i${i}`, problems: 'all', effects: { prevalenceReduction: 0.1 }, cost: { upfront: 1000 } }));
    const atLimits = await postJson('/v1/business-case', { ...s, problems, investments });
    expect(atLimits.status).toBe(200);
    await expectDocumented(atLimits, 'POST', '/v1/business-case');
    const past = { ...s, problems: [...problems, { ...problems[0]!, id: 'one-more' }], investments: [...investments, { ...investments[0]!, id: 'one-more' }] };
    const pastLimits = await postJson('/v1/business-case', past);
    const problem = (await expectDocumented(pastLimits, 'POST', '/v1/business-case')) as { errors: { path: string }[] };
    expect(pastLimits.status).toBe(422);
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['investments', 'problems']);
  });
});

describe('every GET operation', () => {
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => (ops.get ? [[path, ops.get] as const] : []));

  for (const [path, op] of operations) {
    const params = op.parameters ?? [];
    const example = (p: Parameter) => p.example ?? p.schema.example ?? (p.schema.examples as unknown[] | undefined)?.[0];
    const value = (p: Parameter): fc.Arbitrary<unknown> =>
      fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 3 },
        { arbitrary: fc.constant(example(p)), weight: 4 },
        { arbitrary: fromSchema(p.schema, components), weight: 2 },
        { arbitrary: nasty, weight: 1 },
      );
    const queries = fc.tuple(fc.tuple(...params.map(value)), fc.option(fc.tuple(fc.string({ maxLength: 10 }), nasty), { nil: undefined }));

    it(`${path} answers generated parameters as the document says`, async () => {
      await fc.assert(
        fc.asyncProperty(queries, async ([values, extra]) => {
          let url = path;
          const query = new URLSearchParams();
          params.forEach((p, i) => {
            const v = values[i];
            if (v === undefined) return;
            // `.` and `..` are dot segments that URL parsing resolves away, not values of a path parameter.
            if (p.in === 'path') url = url.replace(`{${p.name}}`, /^\.{1,2}$/.test(String(v)) ? 'dots' : encodeURIComponent(String(v)));
            else for (const one of Array.isArray(v) ? v : [v]) query.append(p.name, typeof one === 'string' ? one : JSON.stringify(one));
          });
          if (extra) query.append(extra[0] || 'x', String(extra[1]));
          if (url.includes('{')) url = url.replace(/\{[^}]+\}/g, 'invalid-input');
          await send('GET', path, `${url}?${query}`);
        }),
        runs(),
      );
    }, LONG);
  }
});
