// Contract fuzzing: requests generated from the published OpenAPI document, valid and broken, sent through the
// Worker; every answer must be one the document describes. Negative generation breaks exactly one documented
// constraint, so the answer is known: a 4xx naming the broken place. Inputs that take a number or a range get either
// (a range object in a body, `low/likely/high` in a parameter), mostly in order so that ranged scenarios are answered
// too; a 200 answer to a range carries the simulated figures, one without carries none. Simulations are kept small.
// A fixed seed and count; FUZZ_RUNS asks for more.
import { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runs, scenario } from '../arbitraries.ts';
import { call, expectDocumented, openApiDocument, postJson, type Problem } from './helpers.ts';
import { acceptedPaths, brokenOnce, DESCRIBED_ONLY, parameterBreaks, pathText, REMOVED } from './negative-arbitrary.ts';
import {
  capped,
  fromSchema,
  holdsRange,
  mutated,
  nasty,
  type Options,
  rangeable,
  rangeAround,
  textDistributions,
  withRanges,
} from './schema-arbitrary.ts';

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: 'query' | 'path'; required?: boolean; schema: Schema; example?: unknown };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }> };
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** Generous, since FUZZ_RUNS may ask for many more cases than the default. */
const LONG = 600_000;

/**
 * Simulations stay small: any generated request may hold a range, and each sample costs time. A simulation's samples
 * are always given (else the default, 10,000, would apply), and at most 300.
 */
const SMALL: Options = { maxima: { samples: 300 }, always: ['samples'] };
/** The settings of the simulation and the tornado, as GET parameters. */
const SETTINGS = ['samples', 'seed', 'swing', 'top'];

const tally = new Map<string, number>();
/** Sends a request; `ranged` (when known) says whether it gives a range, so that a 200 answer must carry the simulation's figures or none. */
async function send(method: string, path: string, url: string, init?: RequestInit, ranged?: boolean): Promise<void> {
  const res = await call(url, { method, ...init });
  const key = `${method} ${path} ${res.status}${ranged ? ' ranged' : ''}`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
  expect(res.status, `${method} ${url}`).toBeLessThan(500);
  const echoes = /NaN|Infinity/.test(decodeURIComponent(url) + String(init?.body ?? ''));
  const json = res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('application/json');
  const answer = await expectDocumented(res, method, path, { echoes });
  if (json && ranged !== undefined) expectSimulated(path, answer, ranged, `${method} ${url} ${String(init?.body ?? '').slice(0, 500)}`);
}

type Spread = { mean: number; p10: number; p50: number; p90: number };
/**
 * A 200 answer of a scenario with a range carries the simulated spread of every figure MODEL.md §7 lists, each finite
 * and in order, and the settings used; one without a range carries none.
 */
function expectSimulated(path: string, answer: any, ranged: boolean, shown: string): void {
  const spreads: (Spread | undefined)[] =
    path === '/v1/business-case'
      ? [
          answer.totals.uncertainty?.totalAnnualDamage,
          ...answer.problems.map((p: any) => p.uncertainty?.totalAnnualDamage),
          ...answer.investments.map((i: any) => i.uncertainty?.npv),
        ]
      : path === '/v1/problem-damage'
        ? [answer.uncertainty?.totalAnnualDamage]
        : path === '/v1/investment-roi'
          ? [answer.uncertainty?.npv]
          : [];
  if (spreads.length === 0) return;
  if (!ranged) {
    expect(JSON.stringify(answer), shown).not.toContain('"uncertainty"');
    return;
  }
  expect(answer.simulation, shown).toMatchObject({ samples: expect.any(Number), seed: expect.any(Number) });
  for (const s of spreads) {
    expect(s, shown).toBeDefined();
    for (const k of ['mean', 'p10', 'p50', 'p90'] as const) expect(Number.isFinite(s![k]), `${k}: ${shown}`).toBe(true);
    expect(s!.p10, shown).toBeLessThanOrEqual(s!.p50);
    expect(s!.p50, shown).toBeLessThanOrEqual(s!.p90);
  }
  if (path !== '/v1/problem-damage') {
    const shares =
      path === '/v1/business-case'
        ? answer.investments.map((i: any) => i.uncertainty.probabilityPositiveNpv)
        : [answer.uncertainty.probabilityPositiveNpv];
    for (const p of shares) expect(p >= 0 && p <= 1, shown).toBe(true);
  }
}

/** Keys of a compact problem or investment (`id,key:value,…`) whose value is no rangeable number: `/` joins a list there. */
const UNRANGED_KEYS = new Set(['name', 'outcomes', 'problems', 'rampUp']);
const compactPairs = (item: string) =>
  item
    .split(',')
    .slice(1)
    .map((pair) => [pair.slice(0, Math.max(pair.indexOf(':'), 0)), pair.slice(pair.indexOf(':') + 1)] as const);
/** Whether a GET request gives a range: a rangeable parameter's text with a `/`, or a compact item's rangeable value with one. */
function rangedQuery(params: readonly Parameter[], query: URLSearchParams): boolean {
  return params.some((p) => {
    const values = query.getAll(p.name);
    if (rangeable(p.schema, components)) return values.some((v) => v.includes('/'));
    if (p.schema.type !== 'array') return false;
    return values.some((item) => compactPairs(item).some(([key, v]) => key !== '' && !UNRANGED_KEYS.has(key) && v.includes('/')));
  });
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

/**
 * Valid scenarios with some inputs given as ranges around their values, and the simulation's settings (small) and at
 * times the tornado's, all from the document. The generated scenarios state problems by prevalence and customer value
 * by lifetimeValue, so no rule between inputs concerns a range's ends.
 */
const documentedScenario = doc.paths['/v1/business-case']!.post!.requestBody!.content['application/json']!.schema;
const rangedScenario = withRanges(scenario, documentedScenario, components, { simulation: 'always', sensitivity: 'sometimes' }, SMALL);

describe('POST /v1/business-case', () => {
  const documented = documentedScenario;
  const bodies = fc.oneof(
    { arbitrary: fromSchema(documented, components, SMALL), weight: 2 },
    { arbitrary: scenario, weight: 2 },
    { arbitrary: rangedScenario, weight: 2 },
    { arbitrary: mutated(scenario), weight: 3 },
    { arbitrary: mutated(rangedScenario), weight: 2 },
    { arbitrary: mutated(fromSchema(documented, components, SMALL)), weight: 2 },
    { arbitrary: nasty, weight: 1 },
  );

  it(
    'answers generated and broken scenarios as the document says',
    async () => {
      await fc.assert(
        fc.asyncProperty(bodies, async (body) =>
          send(
            'POST',
            '/v1/business-case',
            '/v1/business-case',
            { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) ?? 'undefined' },
            holdsRange(body),
          ),
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
    'answers every scenario that keeps the documented rules, cross-field ones, ranges and settings included, with 200 and its figures',
    async () => {
      type Sent = {
        problems: unknown[];
        investments?: unknown[];
        simulation?: { samples?: number; seed?: number };
        sensitivity?: { swing?: number; top?: number };
      };
      const valid = fc.oneof(
        { arbitrary: scenario as fc.Arbitrary<Sent>, weight: 1 },
        { arbitrary: rangedScenario as fc.Arbitrary<Sent>, weight: 2 },
      );
      await fc.assert(
        fc.asyncProperty(valid, async (body) => {
          const text = JSON.stringify(body);
          const res = await call('/v1/business-case', { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
          const ranged = holdsRange(body);
          const key = `POST /v1/business-case valid${ranged ? ' ranged' : ''} 200`;
          tally.set(key, (tally.get(key) ?? 0) + (res.status === 200 ? 1 : 0));
          const answer = (await expectDocumented(res.clone(), 'POST', '/v1/business-case')) as any;
          expect(res.status, `${text.slice(0, 800)}\n${JSON.stringify(answer).slice(0, 500)}`).toBe(200);
          expect(answer.problems).toHaveLength(body.problems.length);
          expectSimulated('/v1/business-case', answer, ranged, text.slice(0, 800));
          // The settings are echoed as used: given, or the defaults when a range needs them.
          if (body.simulation || ranged)
            expect(answer.simulation).toEqual({ samples: body.simulation?.samples ?? 10000, seed: body.simulation?.seed ?? 1 });
          else expect(answer.simulation).toBeUndefined();
          if (body.sensitivity) expect(answer.sensitivity).toEqual({ top: 10, ...body.sensitivity });
          // A tornado when anything is swept: a range, or a swing.
          const swept = ranged || body.sensitivity?.swing !== undefined;
          expect(Array.isArray(answer.totals.sensitivity), text.slice(0, 300)).toBe(swept);
          for (const i of answer.investments) expect(Array.isArray(i.sensitivity)).toBe(swept);
          for (const i of answer.investments) {
            expect(Array.isArray(i.breakEven)).toBe(true);
            for (const b of i.breakEven) expect(b.breakEven === null || Number.isFinite(b.breakEven)).toBe(true);
          }
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
    const params = (op.parameters ?? []).map((p) =>
      SMALL.maxima?.[p.name] === undefined ? p : { ...p, example: undefined, schema: capped(p.schema, p.name, SMALL) },
    );
    const example = (p: Parameter) => p.example ?? p.schema.example ?? (p.schema.examples as unknown[] | undefined)?.[0];
    const value = (p: Parameter): fc.Arbitrary<unknown> =>
      SMALL.always?.includes(p.name)
        ? // Always given, and small: a range may be generated anywhere.
          fc.oneof({ arbitrary: fc.constant(example(p)), weight: 1 }, { arbitrary: fromSchema(p.schema, components, SMALL), weight: 1 })
        : fc.oneof(
            { arbitrary: fc.constant(undefined), weight: 3 },
            { arbitrary: fc.constant(example(p)), weight: 4 },
            { arbitrary: fromSchema(p.schema, components, SMALL), weight: 2 },
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
            await send('GET', path, `${url}?${query}`, undefined, rangedQuery(params, query));
          }),
          runs(),
        );
      },
      LONG,
    );
  }
});

describe('every GET operation, with valid ranges around its example values', () => {
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => (ops.get ? [[path, ops.get] as const] : []));
  const filledIn = (p: Parameter) => p.example ?? p.schema.example;
  const shownExample = (p: Parameter) => p.example ?? p.schema.example ?? (p.schema.examples as unknown[] | undefined)?.[0];
  const textOf = (r: Record<string, unknown>) => `${r.low}/${r.likely}/${r.high}${r.distribution === undefined ? '' : `/${r.distribution}`}`;

  for (const [path, op] of operations) {
    const params = op.parameters ?? [];
    const ranged = params.filter((p) => rangeable(p.schema, components));
    if (ranged.length === 0) continue;
    const distributions = textDistributions(rangeable(ranged[0]!.schema, components)!.range);
    const settings = params.filter((p) => SETTINGS.includes(p.name));
    /** The valid request of the filled-in values, with `values` instead (a list for a repeated parameter). */
    const url = (values: Record<string, string | string[]>): string => {
      const query = new URLSearchParams();
      for (const p of params) {
        const given = values[p.name] ?? filledIn(p);
        if (given === undefined) continue;
        for (const v of Array.isArray(given) ? given : [given]) query.append(p.name, String(v));
      }
      return `${path}?${query}`;
    };
    /** A compact item (`id,key:value,…`) with some rangeable numbers given as ranges around them (a share as a share). */
    const widened = (item: string): fc.Arbitrary<string> => {
      const [id, ...pairs] = item.split(',');
      const parts = pairs.map((pair) => {
        const colon = pair.indexOf(':');
        const key = pair.slice(0, colon);
        const v = Number(pair.slice(colon + 1));
        if (UNRANGED_KEYS.has(key) || !Number.isFinite(v)) return fc.constant(pair);
        const rule = v <= 1 ? { type: 'number', exclusiveMinimum: 0, maximum: 1 } : { type: 'number', minimum: 0 };
        return fc.oneof(
          fc.constant(pair),
          rangeAround(v, rule, distributions).map((r) => `${key}:${textOf(r)}`),
        );
      });
      return fc.tuple(...parts).map((p) => [id, ...p].join(','));
    };

    it(
      `${path} answers ranges around the documented values with 200 and the simulated figures`,
      async () => {
        // The rangeable inputs of the valid request, and those it may give besides: each whose shown example keeps it valid.
        const around: { p: Parameter; value: number }[] = [];
        for (const p of ranged) {
          const filled = filledIn(p);
          const value = Number(filled ?? shownExample(p));
          if (!Number.isFinite(value)) continue;
          if (filled === undefined && (await call(url({ [p.name]: String(value) }))).status !== 200) continue;
          around.push({ p, value });
        }
        const lists = params.filter((p) => p.schema.type === 'array' && Array.isArray(filledIn(p)));
        const request = fc.record({
          chosen: fc
            .subarray(around)
            .chain((chosen) =>
              fc.tuple(
                ...chosen.map(({ p, value }) =>
                  rangeAround(value, rangeable(p.schema, components)!.number, distributions).map((r) => [p.name, textOf(r)] as const),
                ),
              ),
            ),
          compact: fc.tuple(...lists.map((p) => fc.tuple(...(filledIn(p) as string[]).map(widened)).map((items) => [p.name, items] as const))),
          settings: fc.tuple(
            ...settings.map((p) =>
              (p.name === 'samples'
                ? fromSchema(capped(p.schema, p.name, SMALL), components)
                : fc.option(fromSchema(p.schema, components), { nil: undefined })
              ).map((v) => [p.name, v === undefined ? undefined : String(v)] as const),
            ),
          ),
        });
        await fc.assert(
          fc.asyncProperty(request, async ({ chosen, compact, settings: given }) => {
            const values: Record<string, string | string[]> = Object.fromEntries([...chosen, ...compact]);
            for (const [name, v] of given) if (v !== undefined) values[name] = v;
            const target = url(values);
            const query = new URL(target, 'http://localhost').searchParams;
            const isRanged = rangedQuery(params, query);
            const res = await call(target);
            const key = `GET ${path} valid${isRanged ? ' ranged' : ''} ${res.status}`;
            tally.set(key, (tally.get(key) ?? 0) + 1);
            expect(res.status, `GET ${target}\n${await res.clone().text()}`).toBe(200);
            const page = res.headers.get('content-type')?.startsWith('text/html');
            const answer = (await expectDocumented(res, 'GET', path)) as any;
            // The report is a page: its figures are checked in a browser (test/report); here, that it is answered.
            if (page) return;
            expectSimulated(path, answer, isRanged, `GET ${target}`);
            if (isRanged)
              expect(answer.simulation).toEqual({ samples: Number(values.samples), seed: values.seed === undefined ? 1 : Number(values.seed) });
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
  // Ranged scenarios too, so that ranges and the settings get broken: their fields, their bounds, their order.
  const generated = fc.oneof({ arbitrary: scenario as fc.Arbitrary<unknown>, weight: 1 }, { arbitrary: rangedScenario, weight: 1 });
  const valid =
    examples.length > 0 ? fc.oneof({ arbitrary: generated, weight: 4 }, { arbitrary: fc.constantFrom(...examples), weight: 1 }) : generated;
  const validator = new Validator({ ...media.schema, components: doc.components } as never, '2020-12', false);

  it(
    'answers every body that breaks one documented constraint with a 4xx that names the place',
    async () => {
      await fc.assert(
        fc.asyncProperty(brokenOnce(valid, media.schema, components), async ({ original, body, kind, location }) => {
          const where = pathText(location);
          // The generator's own check: it starts from a body the document's schema accepts, and breaks it.
          expect(validator.validate(original).valid, 'the generated body is valid before it is broken').toBe(true);
          // A break of a rule the document states in words only (a range out of order) leaves the schema satisfied.
          expect(validator.validate(body).valid, `${kind} at ${where} breaks the documented schema`).toBe(DESCRIBED_ONLY.has(kind));
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
            // A saved case's address that names no case is a 404 that says nothing more, whatever is wrong with it.
            const pathParameter = params.find((p) => p.name === b.name)?.in === 'path';
            if (pathParameter) expect((problem as { type?: string }).type, shown).toBe('/problems/not-found');
            else if (res.headers.get('content-type') === 'application/problem+json') {
              const named = problem.errors.map((e) => e.path);
              const names = (p: string) => p === b.name || p.startsWith(`${b.name}[`) || p.startsWith(`${b.name}.`);
              expect(named.some(names), `${shown}\n  errors name ${JSON.stringify(named)}`).toBe(true);
            }
            // The same request from a spreadsheet: one cell that says what is wrong. (Not for the parameters that
            // ask for the cell: the broken one would be replaced.)
            if (b.name === 'format' || b.name === 'onError' || !params.some((p) => p.name === 'format')) return;
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
