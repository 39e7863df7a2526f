// fast-check arbitraries from the published OpenAPI document's JSON Schemas, and mutations that break them.
import fc from 'fast-check';

type Schema = Record<string, unknown>;

/** Values that have broken parsers before: boundaries, non-finite-prone numbers, odd strings. */
export const nasty: fc.Arbitrary<unknown> = fc.constantFrom(
  0,
  1,
  -0,
  -1,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  0.1 + 0.2,
  '',
  ' ',
  'x'.repeat(10_000),
  'Ünïcødé ✓ 日本語 🙂',
  '\u0000\u202e',
  '1,5',
  'NaN',
  'Infinity',
  '__proto__',
  null,
  true,
  [],
  {},
  [1, 2, 3],
  { constructor: 1 },
);

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  let s = schema;
  for (let depth = 0; typeof s.$ref === 'string' && depth < 20; depth++) s = components[(s.$ref as string).split('/').pop()!]!;
  if (Array.isArray(s.allOf) && s.allOf.length > 0) return resolve({ ...(s.allOf[0] as Schema), ...s, allOf: undefined }, components);
  return s;
}

/** How values are generated: caps on settings that cost time, such as a simulation's samples. */
export interface Options {
  /** The largest value of a number or integer property (or parameter) of this name, below what the schema allows. */
  maxima?: Record<string, number>;
  /** Properties always generated where their object is, so that a default outside the caps never applies. */
  always?: readonly string[];
}

/** The schema with the cap `options` sets for a property or parameter of this name, if any. */
export function capped(schema: Schema, name: string, options: Options = {}): Schema {
  const cap = options.maxima?.[name];
  if (cap === undefined) return schema;
  const examples = ((schema.examples as unknown[] | undefined) ?? []).filter((e) => typeof e !== 'number' || e <= cap);
  const { example, ...rest } = schema;
  return {
    ...rest,
    maximum: Math.min((schema.maximum as number | undefined) ?? cap, cap),
    examples: examples.length > 0 ? examples : [cap],
    ...(example === undefined || (typeof example === 'number' && example > cap) ? {} : { example }),
  };
}

/** A range's schema: an object of `low`, `likely` and `high` (and a `distribution`), each end a number of the input's rule. */
export function isRangeObject(s: Schema): boolean {
  const properties = s.properties as Record<string, Schema> | undefined;
  return s.type === 'object' && !!properties && ['low', 'likely', 'high'].every((k) => k in properties);
}

/** A range as a query parameter's text: a string whose pattern takes `low/likely/high` and not a bare number. */
export function isRangeText(s: Schema): boolean {
  if (s.type !== 'string' || typeof s.pattern !== 'string') return false;
  const pattern = new RegExp(s.pattern, 'u');
  return pattern.test('1/2/3') && !pattern.test('1');
}

/** The distributions a range text may end with: the words its pattern takes after a fourth `/`. */
export function textDistributions(s: Schema): string[] {
  const pattern = new RegExp(s.pattern as string, 'u');
  return [...new Set((s.pattern as string).match(/[a-z]+/g) ?? [])].filter((w) => pattern.test(`1/2/3/${w}`));
}

/** The number and the range (object or text) a rangeable input's schema takes, if it is one. */
export function rangeable(schema: Schema, components: Record<string, Schema>): { number: Schema; range: Schema } | undefined {
  const s = resolve(schema, components);
  const options = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (!options) return undefined;
  const resolved = options.map((o) => resolve(o, components));
  const number = resolved.find((o) => o.type === 'number' || o.type === 'integer');
  const range = resolved.find((o) => isRangeObject(o) || isRangeText(o));
  return number && range ? { number, range } : undefined;
}

/** Where a number schema's values lie; an open end is excluded. */
interface Bounds {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

function boundsOf(s: Schema): Bounds {
  const open = (exclusive: unknown, inclusive: unknown, fallback: number) =>
    typeof exclusive === 'number' ? { at: exclusive, open: true } : { at: typeof inclusive === 'number' ? inclusive : fallback, open: false };
  const lo = open(s.exclusiveMinimum, s.minimum, -Infinity);
  const hi = open(s.exclusiveMaximum, s.maximum, Infinity);
  return { lo: lo.at, hi: hi.at, loOpen: lo.open, hiOpen: hi.open };
}

function within(b: Bounds, x: number): boolean {
  return Number.isFinite(x) && (b.loOpen ? x > b.lo : x >= b.lo) && (b.hiOpen ? x < b.hi : x <= b.hi);
}

/** Three values of a number schema, in order (now and then all three equal): a range's ends that keep low ≤ likely ≤ high. */
function orderedTriple(number: Schema, components: Record<string, Schema>, options: Options): fc.Arbitrary<number[]> {
  const value = fromSchema(number, components, options) as fc.Arbitrary<number>;
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(value, value, value).map((t) => [...t].sort((a, b) => a - b)) },
    { weight: 1, arbitrary: value.map((v) => [v, v, v]) },
  );
}

/**
 * A range object: mostly one that keeps low ≤ likely ≤ high (random ends seldom do, and would leave ranged scenarios
 * to the error paths), now and then any three values of the input's rule.
 */
function rangeObject(s: Schema, components: Record<string, Schema>, options: Options, depth: number): fc.Arbitrary<unknown> {
  const properties = s.properties as Record<string, Schema>;
  const distribution = properties.distribution
    ? fc.option(fromSchema(properties.distribution, components, options, depth + 1), { nil: undefined })
    : fc.constant(undefined);
  const ordered = fc.tuple(orderedTriple(properties.likely!, components, options), distribution).map(([[low, likely, high], d]) => ({
    low,
    likely,
    high,
    ...(d === undefined ? {} : { distribution: d }),
  }));
  return fc.oneof({ weight: 3, arbitrary: ordered }, { weight: 1, arbitrary: objectOf(s, components, options, depth) });
}

/** A range as text, `low/likely/high[/distribution]`: mostly in order, now and then any three values of the rule. */
function rangeText(number: Schema, text: Schema, components: Record<string, Schema>, options: Options): fc.Arbitrary<string> {
  const value = fromSchema(number, components, options) as fc.Arbitrary<number>;
  const ends = fc.oneof(
    { weight: 3, arbitrary: orderedTriple(number, components, options) },
    { weight: 1, arbitrary: fc.tuple(value, value, value) },
  );
  const distributions = textDistributions(text);
  const distribution = distributions.length > 0 ? fc.option(fc.constantFrom(...distributions), { nil: undefined }) : fc.constant(undefined);
  return fc.tuple(ends, distribution).map(([e, d]) => `${e.map(String).join('/')}${d === undefined ? '' : `/${d}`}`);
}

function objectOf(s: Schema, components: Record<string, Schema>, options: Options, depth: number): fc.Arbitrary<unknown> {
  if (depth > 4) return fc.constant({});
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set([...((s.required ?? []) as string[]), ...(options.always ?? [])]);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, value] of Object.entries(properties))
    record[key] = fromSchema(capped(resolve(value, components), key, options), components, options, depth + 1);
  return fc.record(record, { requiredKeys: [...required].filter((k) => k in properties) });
}

/**
 * A value of the schema's shape: types, ranges, lengths, required and enum values as the schema states them. An input
 * that takes a number or a range gets either, the range mostly in order, as an object or as text.
 */
export function fromSchema(schema: Schema, components: Record<string, Schema>, options: Options = {}, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.const !== undefined) return fc.constant(s.const);
  const either = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (either) {
    const ranged = rangeable(s, components);
    if (ranged && isRangeText(ranged.range)) {
      return fc.oneof(
        fromSchema(ranged.number, components, options, depth),
        rangeText(ranged.number, ranged.range, components, options),
        fromSchema(ranged.range, components, options, depth),
      );
    }
    return fc.oneof(...either.map((o) => fromSchema(o, components, options, depth)));
  }
  const type = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  if (type.includes('null') && type.length > 1) {
    return fc.oneof(fc.constant(null), fromSchema({ ...s, type: type.filter((t) => t !== 'null')[0] }, components, options, depth));
  }
  switch (type[0]) {
    case 'number':
    case 'integer': {
      const min = (s.minimum ?? s.exclusiveMinimum ?? -1e6) as number;
      const max = (s.maximum ?? s.exclusiveMaximum ?? 1e6) as number;
      return type[0] === 'integer'
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 1e7)) })
        : fc.double({ min, max, noNaN: true, minExcluded: s.exclusiveMinimum !== undefined, maxExcluded: s.exclusiveMaximum !== undefined });
    }
    case 'string':
      return fc.string({ minLength: (s.minLength as number) ?? 0, maxLength: Math.min((s.maxLength as number) ?? 20, 20) });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 3) return fc.constant([]);
      const minLength = (s.minItems as number) ?? 0;
      return fc.array(fromSchema((s.items as Schema) ?? {}, components, options, depth + 1), { minLength, maxLength: Math.max(minLength, 3) });
    }
    case 'object':
      return isRangeObject(s) ? rangeObject(s, components, options, depth) : objectOf(s, components, options, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

type Key = string | number;
type Place = { path: Key[]; number: Schema; range: Schema };

/** The numbers of a value that its schema would also take as a range object: where, and the number's schema. */
function rangeablePlaces(value: unknown, schema: Schema, components: Record<string, Schema>, path: Key[] = []): Place[] {
  const ranged = rangeable(schema, components);
  if (ranged) return typeof value === 'number' && isRangeObject(ranged.range) ? [{ path, ...ranged }] : [];
  const s = resolve(schema, components);
  if (Array.isArray(value) && s.items) return value.flatMap((v, i) => rangeablePlaces(v, s.items as Schema, components, [...path, i]));
  if (value && typeof value === 'object' && s.properties) {
    const properties = s.properties as Record<string, Schema>;
    return Object.entries(value).flatMap(([k, v]) => (properties[k] ? rangeablePlaces(v, properties[k]!, components, [...path, k]) : []));
  }
  return [];
}

/**
 * A range around a value: low ≤ value ≤ high, both ends within the number's bounds, a distribution the range schema
 * lists or none.
 */
export function rangeAround(value: number, number: Schema, distributions: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const b = boundsOf(number);
  const share = fc.double({ min: 0, max: 1, noNaN: true });
  const distribution = distributions.length > 0 ? fc.option(fc.constantFrom(...distributions), { nil: undefined }) : fc.constant(undefined);
  return fc.tuple(share, share, distribution).map(([down, up, d]) => {
    const scale = Math.max(Math.abs(value), 1);
    let low = value - (Number.isFinite(b.lo) ? value - b.lo : scale) * down;
    let high = value + (Number.isFinite(b.hi) ? b.hi - value : scale) * up;
    if (!within(b, low) || low > value) low = value;
    if (!within(b, high) || high < value) high = value;
    return { low, likely: value, high, ...(d === undefined ? {} : { distribution: d }) };
  });
}

/** The distributions a range object's schema lists. */
function objectDistributions(range: Schema, components: Record<string, Schema>): string[] {
  const d = (range.properties as Record<string, Schema>).distribution;
  return d ? (((resolve(d, components).enum as string[] | undefined) ?? []) as string[]) : [];
}

/**
 * Valid values with some of their numbers that the schema would also take as ranges given as ranges around them, and
 * the root's `settings` objects (a simulation's, say) generated from the schema within `options`' caps, always or
 * sometimes. A value keeps every rule between its inputs only if no such rule concerns the ranged numbers (see the
 * caller).
 */
export function withRanges(
  valid: fc.Arbitrary<unknown>,
  schema: Schema,
  components: Record<string, Schema>,
  settings: Record<string, 'always' | 'sometimes'>,
  options: Options = {},
): fc.Arbitrary<unknown> {
  const properties = (resolve(schema, components).properties ?? {}) as Record<string, Schema>;
  const names = Object.keys(settings);
  const extra = fc.record(
    Object.fromEntries(
      names.map((name) => [name, fromSchema(capped(resolve(properties[name]!, components), name, options), components, options, 1)]),
    ),
    { requiredKeys: names.filter((name) => settings[name] === 'always') },
  );
  return valid
    .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
    .chain((v) => {
      const places = rangeablePlaces(v, schema, components);
      return fc.tuple(fc.subarray(places), extra).chain(([chosen, added]) =>
        fc
          .tuple(...chosen.map((p) => rangeAround(valueAt(v, p.path) as number, p.number, objectDistributions(p.range, components))))
          .map((ranges) => {
            const copy = structuredClone(v) as Record<Key, unknown>;
            for (const [i, p] of chosen.entries()) setAt(copy, p.path, ranges[i]);
            return { ...copy, ...added };
          }),
      );
    });
}

function valueAt(root: unknown, path: readonly Key[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<Key, unknown>)[key], root);
}

function setAt(root: Record<Key, unknown>, path: readonly Key[], value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1)) as Record<Key, unknown>;
  parent[path[path.length - 1]!] = value;
}

/** Whether a JSON value holds a range object anywhere: a request that asks for a simulation. */
export function holdsRange(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsRange);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (['low', 'likely', 'high'].every((k) => typeof o[k] === 'number')) return true;
    return Object.values(o).some(holdsRange);
  }
  return false;
}

type Json = unknown;

/** Every path into a JSON value, for picking one to break. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => void out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

/** A value with one place broken: replaced by a nasty value, deleted, or given an unknown field. */
export function mutated(valid: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.tuple(valid, fc.nat(), fc.nat(2), nasty).map(([value, pick, how, replacement]) => {
    const copy = structuredClone(value);
    const all = paths(copy).filter((p) => p.length > 0);
    if (all.length === 0) return replacement;
    const path = all[pick % all.length]!;
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
    const key = path[path.length - 1]!;
    if (how === 0) parent[key] = replacement;
    else if (how === 1) Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key];
    else if (parent && typeof parent === 'object' && !Array.isArray(parent)) parent[`unknown-${pick % 7}`] = replacement;
    return copy;
  });
}
