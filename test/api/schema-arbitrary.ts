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

/** A value of the schema's shape: types, ranges, lengths, required and enum values as the schema states them. */
export function fromSchema(schema: Schema, components: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.const !== undefined) return fc.constant(s.const);
  const options = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (options) return fc.oneof(...options.map((o) => fromSchema(o, components, depth)));
  const type = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  if (type.includes('null') && type.length > 1) {
    return fc.oneof(fc.constant(null), fromSchema({ ...s, type: type.filter((t) => t !== 'null')[0] }, components, depth));
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
      return fc.array(fromSchema((s.items as Schema) ?? {}, components, depth + 1), { minLength, maxLength: Math.max(minLength, 3) });
    }
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set((s.required ?? []) as string[]);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) record[key] = fromSchema(value, components, depth + 1);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
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
