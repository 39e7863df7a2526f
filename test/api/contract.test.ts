// Contract fuzzing: requests generated from the published OpenAPI document, valid and broken, sent through the
// Worker; every answer must be one the document describes. Negative generation breaks exactly one documented
// constraint, so the answer is known: a 4xx naming the broken place. A fixed seed and count; FUZZ_RUNS asks for more.
import { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runs, scenario } from '../arbitraries.ts';
import { call, expectDocumented, openApiDocument, postJson, type Problem } from './helpers.ts';
import { acceptedPaths, brokenOnce, parameterBreaks, pathText, REMOVED } from './negative-arbitrary.ts';
import { fromSchema, mutated, nasty } from './schema-arbitrary.ts';

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: 'query' | 'path'; required?: boolean; schema: Schema; example?: unknown };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }> };
};
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

/** Requests broken on purpose, by operation, kind of break and status. */
const negativeTally = new Map<string, number>();
const count = (key: string) => negativeTally.set(key, (negativeTally.get(key) ?? 0) + 1);
/** Parameters the negative generation leaves alone: the document states nothing a value could break. */
const unbreakable = new Set<string>();

afterAll(() => {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  console.log(`contract fuzzing: ${total} requests\n${[...tally].map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
  const broken = [...negativeTally.values()].reduce((a, b) => a + b, 0);
  console.log(
    `negative contract fuzzing: ${broken} requests\n${[...negativeTally]
      .sort()
      .map(([k, n]) => `  ${k}: ${n}`)
      .join('\n')}\n` + `  parameters with nothing to break: ${[...unbreakable].join(', ') || 'none'}`,
  );
});

/** A request's text holds NaN or Infinity, which its answer may quote back. */
const echoes = (text: string) => /NaN|Infinity/.test(text);

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

  it(
    'answers generated and broken scenarios as the document says',
    async () => {
      await fc.assert(
        fc.asyncProperty(bodies, async (body) =>
          send('POST', '/v1/business-case', '/v1/business-case', {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body) ?? 'undefined',
          }),
        ),
        runs(),
      );
    },
    LONG,
  );

  it(
    'answers raw bodies that are not JSON as the document says',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ maxLength: 200 }),
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
          async (text, type) => send('POST', '/v1/business-case', '/v1/business-case', { headers: { 'content-type': type }, body: text }),
        ),
        runs(),
      );
    },
    LONG,
  );

  it(
    'answers every scenario that keeps the documented rules, cross-field ones included, with 200 and its figures',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async (body) => {
          const res = await call('/v1/business-case', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          tally.set('POST /v1/business-case valid 200', (tally.get('POST /v1/business-case valid 200') ?? 0) + (res.status === 200 ? 1 : 0));
          const answer = (await expectDocumented(res.clone(), 'POST', '/v1/business-case')) as { problems: unknown[] };
          expect(res.status, JSON.stringify(answer).slice(0, 500)).toBe(200);
          expect(answer.problems).toHaveLength(body.problems.length);
        }),
        runs(),
      );
    },
    LONG,
  );

  it('holds problem and investment lists at and past their limits', async () => {
    const [s] = fc.sample(scenario, { numRuns: 1, seed: 1 });
    const problems = Array.from({ length: 200 }, (_, i) => ({ ...s!.problems[0]!, id: `p${i}` }));
    const investments = Array.from({ length: 100 }, (_, i) => ({
      id: `i${i}`,
      problems: 'all',
      effects: { prevalenceReduction: 0.1 },
      cost: { upfront: 1000 },
    }));
    const atLimits = await postJson('/v1/business-case', { ...s, problems, investments });
    expect(atLimits.status).toBe(200);
    await expectDocumented(atLimits, 'POST', '/v1/business-case');
    const past = {
      ...s,
      problems: [...problems, { ...problems[0]!, id: 'one-more' }],
      investments: [...investments, { ...investments[0]!, id: 'one-more' }],
    };
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

    it(
      `${path} answers generated parameters as the document says`,
      async () => {
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
      },
      LONG,
    );
  }
});

describe('POST /v1/business-case, broken once on purpose', () => {
  const media = doc.paths['/v1/business-case']!.post!.requestBody!.content['application/json']!;
  // Valid scenarios: generated ones, and the document's own examples, which also hold the optional parts.
  const examples = Object.values(media.examples ?? {}).map((e) => e.value);
  const valid = examples.length > 0 ? fc.oneof({ arbitrary: scenario, weight: 4 }, { arbitrary: fc.constantFrom(...examples), weight: 1 }) : scenario;
  const validator = new Validator({ ...media.schema, components: doc.components } as never, '2020-12', false);

  it(
    'answers every body that breaks one documented constraint with a 4xx that names the place',
    async () => {
      await fc.assert(
        fc.asyncProperty(brokenOnce(valid, media.schema, components), async ({ original, body, kind, location }) => {
          const where = pathText(location);
          // The generator's own check: it starts from a body the document's schema accepts, and breaks it.
          expect(validator.validate(original).valid, 'the generated body is valid before it is broken').toBe(true);
          expect(validator.validate(body).valid, `${kind} at ${where} breaks the documented schema`).toBe(false);
          const text = JSON.stringify(body);
          const res = await postJson('/v1/business-case', text);
          count(`POST /v1/business-case ${kind} ${res.status}`);
          const shown = `${kind} at ${where}: POST /v1/business-case ${text.length > 800 ? `${text.slice(0, 800)}…` : text}`;
          expect([400, 422], shown).toContain(res.status);
          expect(res.headers.get('content-type'), shown).toBe('application/problem+json');
          const problem = (await expectDocumented(res, 'POST', '/v1/business-case', { echoes: echoes(text) })) as Problem;
          const named = problem.errors.map((e) => e.path);
          expect(
            named.some((p) => acceptedPaths(location).includes(p)),
            `${shown}\n  errors name ${JSON.stringify(named)}`,
          ).toBe(true);
          if (!named.includes(where)) count(`POST /v1/business-case ${kind} ${res.status}, named by a parent only`);
        }),
        runs(),
      );
    },
    LONG,
  );
});

describe('every GET operation, one parameter broken on purpose', () => {
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => (ops.get ? [[path, ops.get] as const] : []));
  /** The values that fill a parameter in for "try it": together, one valid request. */
  const filledIn = (p: Parameter) => p.example ?? p.schema.example;

  for (const [path, op] of operations) {
    const params = op.parameters ?? [];
    const breaks = params.flatMap((p) => {
      const ways = parameterBreaks(p, components);
      if (ways.length === 0) unbreakable.add(`${path} ${p.name}`);
      return ways;
    });
    if (breaks.length === 0) continue;

    /** The valid request, with one parameter given `broken` instead (its first item, for an array one). */
    type Break = { name: string; kind: string; value: string | string[] | typeof REMOVED };
    const url = (broken?: Break, extra: Record<string, string> = {}): string => {
      let target = path;
      const query = new URLSearchParams();
      for (const p of params) {
        const example = filledIn(p);
        let values = example === undefined ? [] : (Array.isArray(example) ? example : [example]).map(String);
        if (broken?.name === p.name) {
          if (broken.value === REMOVED) values = [];
          else if (Array.isArray(broken.value)) values = broken.value;
          else if (broken.kind.startsWith('item-')) values = [broken.value, ...values.slice(1)];
          else values = [broken.value];
        }
        if (p.in === 'path') target = target.replace(`{${p.name}}`, encodeURIComponent(values[0] ?? ''));
        else for (const v of values) query.append(p.name, v);
      }
      for (const [name, v] of Object.entries(extra)) query.set(name, v);
      return `${target}?${query}`;
    };

    it(`${path}: the documented example values make a valid request`, async () => {
      const res = await call(url());
      count(`GET ${path} documented example ${res.status}`);
      expect(res.status, `GET ${url()}`).toBe(200);
      await expectDocumented(res, 'GET', path);
    });

    it(
      `${path}: answers every parameter broken per its schema with a 4xx, or #ERROR in a cell`,
      async () => {
        const broken = fc.constantFrom(...breaks).chain((b) => b.value.map((value): Break => ({ name: b.name, kind: b.kind, value })));
        await fc.assert(
          fc.asyncProperty(broken, async (b) => {
            const target = url(b);
            const quoted = echoes(b.value === REMOVED ? '' : String(b.value));
            const res = await call(target);
            count(`GET ${path} ${b.kind} ${res.status}`);
            const shown = `${b.name} ${b.kind}: GET ${target}`;
            expect(res.status, shown).toBeGreaterThanOrEqual(400);
            expect(res.status, shown).toBeLessThan(500);
            const problem = (await expectDocumented(res.clone(), 'GET', path, { echoes: quoted })) as Problem;
            if (res.headers.get('content-type') === 'application/problem+json') {
              const named = problem.errors.map((e) => e.path);
              const names = (p: string) => p === b.name || p.startsWith(`${b.name}[`) || p.startsWith(`${b.name}.`);
              expect(named.some(names), `${shown}\n  errors name ${JSON.stringify(named)}`).toBe(true);
            }
            // The same request from a spreadsheet: one cell that says what is wrong. (Not for the parameters that
            // ask for the cell: the broken one would be replaced.)
            if (b.name === 'format' || b.name === 'onError') return;
            const inCell = url(b, { format: 'csv', onError: 'cell' });
            const cell = await call(inCell);
            count(`GET ${path} ${b.kind} +format=csv&onError=cell ${cell.status}`);
            expect(cell.status, `${b.name} ${b.kind}: GET ${inCell}`).toBe(200);
            expect(await cell.clone().text(), `${b.name} ${b.kind}: GET ${inCell}`).toMatch(/^"?#ERROR/);
            await expectDocumented(cell, 'GET', path, { echoes: quoted });
          }),
          runs(),
        );
      },
      LONG,
    );
  }
});
