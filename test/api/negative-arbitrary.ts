// Negative generation: requests that break exactly one constraint the published OpenAPI document states, so the
// expected outcome is known (a 4xx that names the broken place). A JSON body is walked alongside its schema, and a
// query parameter is broken per its own schema.
import fc from 'fast-check';

type Schema = Record<string, unknown>;
type Components = Record<string, Schema>;
export type Key = string | number;

/** One change to a JSON value: set (creating missing parent objects) or delete the value at a path. */
export type Edit = { op: 'set'; path: Key[]; value: unknown } | { op: 'delete'; path: Key[] };

/** A way to break one constraint at one place: what kind, and the edits that do it (the place is the edit's path). */
interface Candidate {
  kind: string;
  edit: fc.Arbitrary<Edit>;
}

/** A valid value broken once. */
export interface Broken {
  original: unknown;
  body: unknown;
  kind: string;
  location: Key[];
}

/**
 * Kinds of break that a schema cannot state but the document states in words: a range's low ≤ likely ≤ high (both in
 * a body and in a parameter's text), and each end of a range given as text obeying the number's rule. The value still
 * validates against the schema; the API must refuse it all the same.
 */
export const DESCRIBED_ONLY: ReadonlySet<string> = new Set(['range-out-of-order', 'range-end-out-of-bounds']);

/** `['problems', 1, 'outcomes']` → `problems[1].outcomes`, the root `(body)`: as the API writes `errors[].path`. */
export function pathText(path: readonly Key[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${key}`;
  return out || '(body)';
}

/**
 * The paths an error may name for a break at `location`: the location or one of its parents. The root counts as a
 * parent only of the body itself and of its own fields, else every break would be "named" by `(body)`.
 */
export function acceptedPaths(location: readonly Key[]): string[] {
  const shortest = location.length <= 1 ? 0 : 1;
  const out: string[] = [];
  for (let n = location.length; n >= shortest; n--) out.push(pathText(location.slice(0, n)));
  return out;
}

/** The schema with its $ref followed and its allOf members merged in (properties and required combined). */
export function flatten(schema: Schema, components: Components): Schema {
  let s = schema;
  for (let depth = 0; typeof s.$ref === 'string' && depth < 20; depth++) {
    const { $ref, ...rest } = s;
    s = { ...components[($ref as string).split('/').pop()!]!, ...rest };
  }
  if (!Array.isArray(s.allOf)) return s;
  const { allOf, ...own } = s;
  let merged: Schema = {};
  for (const member of [...(allOf as Schema[]), own]) {
    const m = flatten(member, components);
    merged = {
      ...merged,
      ...m,
      properties: { ...(merged.properties as object), ...(m.properties as object) },
      required: [...new Set([...((merged.required as string[]) ?? []), ...((m.required as string[]) ?? [])])],
    };
  }
  return merged;
}

const JSON_TYPES = ['string', 'number', 'boolean', 'null', 'array', 'object'] as const;

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The JSON types a schema accepts, or undefined when it does not say (any type). */
function typesOf(s: Schema, components: Components): string[] | undefined {
  if (Array.isArray(s.type)) return s.type as string[];
  if (typeof s.type === 'string') return [s.type];
  const options = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (options) {
    const all = options.map((o) => typesOf(flatten(o, components), components));
    return all.some((t) => t === undefined) ? undefined : [...new Set(all.flat() as string[])];
  }
  if (Array.isArray(s.enum)) return [...new Set((s.enum as unknown[]).map(jsonType))];
  if (s.const !== undefined) return [jsonType(s.const)];
  return undefined;
}

function accepts(types: string[], type: string): boolean {
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

/** Values of each JSON type, for putting one where the schema wants another. */
const OF_TYPE: Record<(typeof JSON_TYPES)[number], fc.Arbitrary<unknown>> = {
  string: fc.constantFrom('', '0', '1', '0.5', 'x', 'true', 'null'),
  number: fc.constantFrom(0, 1, -1, 0.5),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.constantFrom([], [0], ['x'], [{}]),
  object: fc.constantFrom({}, { x: 1 }, { id: 'x' }),
};

/** The next double after x, up or down: the nearest value that breaks a bound. */
export function nextAfter(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  b[0]! += x > 0 === up ? 1n : -1n;
  return f[0]!;
}

/** Numbers past a bound: `edge` is the nearest breaking value; the others lie further out, all finite. */
function beyond(edge: number, down: boolean, integer: boolean): fc.Arbitrary<number> {
  const sign = down ? -1 : 1;
  if (integer) {
    return fc.oneof(
      fc.constant(edge),
      fc.integer({ min: 1, max: 1_000_000 }).map((k) => edge + sign * k),
      fc.constant(edge + sign * 2 ** 40),
    );
  }
  return fc
    .oneof(
      fc.constant(edge),
      fc.constant(edge + sign),
      fc.double({ min: 0, max: 1e12, noNaN: true }).map((d) => edge + sign * d),
      fc.constant(sign * 1e308),
    )
    .map((v) => ((down ? v <= edge : v >= edge) ? v : edge));
}

/** The numeric bounds of a schema, as the smallest and largest value it accepts (integers for an integer schema). */
function range(s: Schema, integer: boolean): { lo: number; hi: number } {
  let lo = (s.minimum as number | undefined) ?? -Infinity;
  let hi = (s.maximum as number | undefined) ?? Infinity;
  if (typeof s.exclusiveMinimum === 'number') lo = Math.max(lo, nextAfter(s.exclusiveMinimum, true));
  if (typeof s.exclusiveMaximum === 'number') hi = Math.min(hi, nextAfter(s.exclusiveMaximum, false));
  if (integer) [lo, hi] = [Math.ceil(lo), Math.floor(hi)];
  return { lo, hi };
}

type Bound = { kind: string; values: fc.Arbitrary<number> };

/** One way to break each bound a number schema states. */
function numberBreaks(s: Schema, integer: boolean): Bound[] {
  const out: Bound[] = [];
  if (typeof s.minimum === 'number') {
    out.push({ kind: 'below-minimum', values: beyond(integer ? Math.ceil(s.minimum) - 1 : nextAfter(s.minimum, false), true, integer) });
  }
  if (typeof s.exclusiveMinimum === 'number') {
    out.push({ kind: 'at-or-below-exclusiveMinimum', values: beyond(integer ? Math.floor(s.exclusiveMinimum) : s.exclusiveMinimum, true, integer) });
  }
  if (typeof s.maximum === 'number') {
    out.push({ kind: 'above-maximum', values: beyond(integer ? Math.floor(s.maximum) + 1 : nextAfter(s.maximum, true), false, integer) });
  }
  if (typeof s.exclusiveMaximum === 'number') {
    out.push({ kind: 'at-or-above-exclusiveMaximum', values: beyond(integer ? Math.ceil(s.exclusiveMaximum) : s.exclusiveMaximum, false, integer) });
  }
  if (integer) {
    // A non-integer inside the bounds, so that only the type is broken.
    const { lo, hi } = range(s, true);
    const from = Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi - 1_000_000 : -1_000_000;
    // Past 2^52 a double holds no fractions: keep the whole part small enough that k + f is not a whole number.
    const to = Math.min(Number.isFinite(hi) ? hi : from + 1_000_000, from + 1_000_000);
    if (to > from) {
      out.push({
        kind: 'non-integer',
        values: fc.tuple(fc.integer({ min: from, max: to - 1 }), fc.constantFrom(0.5, 0.25, 0.001, 0.999)).map(([k, f]) => k + f),
      });
    }
  }
  return out;
}

function lengthOk(s: Schema, text: string): boolean {
  const n = [...text].length;
  return n >= ((s.minLength as number | undefined) ?? 0) && n <= ((s.maxLength as number | undefined) ?? Infinity);
}

/** Strings that break one of the string constraints; every other constraint the schema states still holds. */
function stringBreaks(s: Schema, current: string | undefined): { kind: string; values: fc.Arbitrary<string> }[] {
  const out: { kind: string; values: fc.Arbitrary<string> }[] = [];
  const pattern = typeof s.pattern === 'string' ? new RegExp(s.pattern, 'u') : undefined;
  // Lengths in code points, as JSON Schema counts them; ASCII only, where every count agrees. With a pattern, only
  // strings that still match it: a string built from the current one and a character the pattern allows.
  if (typeof s.maxLength === 'number') {
    const max = s.maxLength;
    if (!pattern) out.push({ kind: 'too-long', values: fc.string({ minLength: max + 1, maxLength: max + 20 }) });
    else {
      const start = current ?? '';
      const fills = ['x', 'a', 'Z', '-', '_', '9'].filter((c) => pattern.test(start.padEnd(max + 1, c)));
      if (fills.length > 0) {
        const long = fc.tuple(fc.integer({ min: max + 1, max: max + 20 }), fc.constantFrom(...fills)).map(([n, c]) => start.padEnd(n, c));
        out.push({ kind: 'too-long', values: long.filter((t) => pattern.test(t)) });
      }
    }
  }
  if (typeof s.minLength === 'number' && s.minLength > 0) {
    const min = s.minLength;
    if (!pattern) out.push({ kind: 'too-short', values: fc.string({ maxLength: min - 1 }) });
    else {
      const short = [
        ...new Set([current ?? '', 'x', 'a', 'Z', '9'].flatMap((t) => Array.from({ length: min }, (_, n) => t.slice(0, n).padEnd(n, t[0] ?? 'x')))),
      ];
      const matching = short.filter((t) => [...t].length < min && pattern.test(t));
      // A pattern that no shorter string matches (one that needs a character, with minLength 1) leaves none to send.
      if (matching.length > 0) out.push({ kind: 'too-short', values: fc.constantFrom(...matching) });
    }
  }
  if (pattern) {
    const near =
      current === undefined ? [] : [current.toLowerCase(), current.toUpperCase(), `${current}X`, current.slice(1), ` ${current}`, `${current}\n`];
    out.push({
      kind: 'pattern-mismatch',
      values: fc.oneof(fc.constantFrom('', 'x', ...near), fc.string({ maxLength: 20 })).filter((t) => !pattern.test(t) && lengthOk(s, t)),
    });
  }
  return out;
}

/** Values outside an enum (of the same JSON type as its members where possible), or other than a const. */
function outside(members: unknown[]): fc.Arbitrary<unknown> {
  const strings = members.filter((m): m is string => typeof m === 'string');
  const near = strings.flatMap((m) => [m.toUpperCase(), `${m} `, ` ${m}`, `${m}x`, m.slice(0, -1)]);
  const numbers = members.filter((m): m is number => typeof m === 'number').flatMap((m) => [m + 1, m - 1, m + 0.5]);
  const options: fc.Arbitrary<unknown>[] = [fc.string({ maxLength: 12 })];
  if (near.length + numbers.length > 0) options.push(fc.constantFrom<unknown>(...near, ...numbers));
  return fc.oneof(...options).filter((v) => !members.some((m) => JSON.stringify(m) === JSON.stringify(v)));
}

/** A key the object's schema does not list, some close to listed ones; never `__proto__` when it would not be sent. */
function unknownKey(properties: Record<string, Schema>): fc.Arbitrary<string> {
  const listed = Object.keys(properties);
  const near = listed.flatMap((k) => [k[0]!.toUpperCase() + k.slice(1), `${k}s`, `${k}_`]);
  return fc
    .oneof(fc.constantFrom('unknown', 'extra', 'constructor', 'toString', '__proto__', '', ...near), fc.string({ minLength: 1, maxLength: 12 }))
    .filter((k) => !Object.hasOwn(properties, k));
}

function set(path: Key[], values: fc.Arbitrary<unknown>): fc.Arbitrary<Edit> {
  return values.map((value) => ({ op: 'set' as const, path, value }));
}

/** Copies of an array's items, with fresh ids where the items have one, so that ids stay unique. */
function padded(items: unknown[], count: number): unknown[] {
  const out = [...items];
  for (let i = 0; out.length < count; i++) {
    const copy = structuredClone(items[i % items.length]);
    if (copy && typeof copy === 'object' && !Array.isArray(copy) && typeof (copy as { id?: unknown }).id === 'string') {
      (copy as { id: string }).id = `extra-${i}`;
    }
    out.push(copy);
  }
  return out;
}

/** A value strictly between a and b (a < b), or at b: for a range end moved past likely within the rule's bounds. */
function between(a: number, b: number): fc.Arbitrary<number> {
  const high = Number.isFinite(b) ? b : a + 1e6;
  return fc
    .double({ min: 0, max: 1, noNaN: true, minExcluded: true })
    .map((u) => a + (high - a) * u)
    .map((v) => (v > a && v <= high ? v : high));
}

/**
 * A range `{low, likely, high}` put out of order at one end, each end still within the rule: low moved above likely,
 * or high below it. Undefined when the rule leaves no room (likely at both bounds).
 */
function outOfOrder(value: Record<string, unknown>, likely: Schema, path: Key[]): fc.Arbitrary<Edit> | undefined {
  const mid = value.likely;
  if (typeof mid !== 'number') return undefined;
  const { lo, hi } = range(likely, false);
  const edits: fc.Arbitrary<Edit>[] = [];
  if (mid < hi) edits.push(set([...path, 'low'], between(mid, hi)));
  if (mid > lo)
    edits.push(
      set(
        [...path, 'high'],
        between(-mid, -lo).map((v) => -v),
      ),
    );
  return edits.length > 0 ? fc.oneof(...edits) : undefined;
}

/**
 * Every way to break one constraint the schema states, at this place or below. `value` is undefined for an optional
 * property the valid value leaves out: it is then broken by giving it (a bad value, or an object holding one).
 */
function candidates(value: unknown, schema: Schema, components: Components, path: Key[], wrongType = true): Candidate[] {
  const s = flatten(schema, components);
  const out: Candidate[] = [];
  const present = value !== undefined;
  const types = typesOf(s, components);

  if (wrongType && types) {
    const wrong = JSON_TYPES.filter((t) => !types.includes(t) && !(t === 'number' && types.includes('integer')));
    if (wrong.length > 0) out.push({ kind: 'wrong-type', edit: set(path, fc.oneof(...wrong.map((t) => OF_TYPE[t]))) });
  }
  if (Array.isArray(s.enum)) out.push({ kind: 'outside-enum', edit: set(path, outside(s.enum as unknown[])) });
  else if (s.const !== undefined) out.push({ kind: 'not-const', edit: set(path, outside([s.const])) });

  const options = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (options) {
    // Break inside the one branch the value's type picks, keeping its type, so that no other branch accepts it.
    if (!present) return out;
    const type = jsonType(value);
    const matching = options.filter((o) => {
      const t = typesOf(flatten(o, components), components);
      return t !== undefined && accepts(t, type);
    });
    if (matching.length === 1) out.push(...candidates(value, matching[0]!, components, path, false));
    return out;
  }
  if (present && types && !accepts(types, jsonType(value))) return out;

  const type = present ? jsonType(value) : types?.length === 1 ? types[0]! : undefined;
  switch (type) {
    case 'integer':
    case 'number': {
      const integer = !!types && types.includes('integer') && !types.includes('number');
      for (const b of numberBreaks(s, integer)) out.push({ kind: b.kind, edit: set(path, b.values) });
      break;
    }
    case 'string':
      if (!Array.isArray(s.enum)) {
        for (const b of stringBreaks(s, value as string | undefined)) out.push({ kind: b.kind, edit: set(path, b.values) });
      }
      break;
    case 'array': {
      const items = (value as unknown[] | undefined) ?? [];
      if (typeof s.minItems === 'number' && s.minItems > 0) {
        const min = s.minItems;
        out.push({
          kind: 'too-few-items',
          edit: set(
            path,
            fc.integer({ min: 0, max: Math.min(min - 1, items.length) }).map((n) => items.slice(0, n)),
          ),
        });
      }
      if (typeof s.maxItems === 'number' && items.length > 0) {
        const max = s.maxItems;
        out.push({
          kind: 'too-many-items',
          edit: set(
            path,
            fc.integer({ min: max + 1, max: max + 3 }).map((n) => padded(items, n)),
          ),
        });
      }
      if (s.items && typeof s.items === 'object')
        items.forEach((item, i) => {
          out.push(...candidates(item, s.items as Schema, components, [...path, i]));
        });
      break;
    }
    case 'object': {
      const object = (value as Record<string, unknown> | undefined) ?? {};
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const required = (s.required ?? []) as string[];
      // An optional object left out is given only if `{}` is one: else its required fields would be a second break.
      if (!present && required.length > 0) break;
      for (const key of required) {
        if (Object.hasOwn(object, key)) out.push({ kind: 'required-removed', edit: fc.constant({ op: 'delete', path: [...path, key] }) });
      }
      if (s.additionalProperties === false) {
        const edit = fc
          .tuple(unknownKey(properties), fc.jsonValue({ maxDepth: 1 }))
          .map(([key, v]): Edit => ({ op: 'set', path: [...path, key], value: v }));
        out.push({ kind: 'unknown-property', edit });
      }
      for (const [key, sub] of Object.entries(properties)) out.push(...candidates(object[key], sub, components, [...path, key]));
      if (present && properties.low && properties.likely && properties.high) {
        const order = outOfOrder(object, flatten(properties.likely, components), path);
        if (order) out.push({ kind: 'range-out-of-order', edit: order });
      }
      break;
    }
  }
  return out;
}

/** A copy of `root` with the edit made; parents missing on the way are created as objects. */
export function applyEdit(root: unknown, edit: Edit): unknown {
  if (edit.path.length === 0) return edit.op === 'set' ? structuredClone(edit.value) : undefined;
  const copy = structuredClone(root) as Record<Key, unknown>;
  let node = copy;
  for (const key of edit.path.slice(0, -1)) {
    if (node[key] === undefined) Object.defineProperty(node, key, { value: {}, enumerable: true, writable: true, configurable: true });
    node = node[key] as Record<Key, unknown>;
  }
  const last = edit.path[edit.path.length - 1]!;
  if (edit.op === 'delete') delete node[last];
  // defineProperty, so that a key such as `__proto__` becomes a field that is sent, not the object's prototype.
  else Object.defineProperty(node, last, { value: structuredClone(edit.value), enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * Valid values broken at exactly one place, against one constraint the schema states there. The kind of break is
 * picked first, then the place, so that rare kinds (a pattern, an unknown field) come up as often as bounds.
 */
export function brokenOnce(valid: fc.Arbitrary<unknown>, schema: Schema, components: Components): fc.Arbitrary<Broken> {
  // As sent: JSON drops the fields a generator left undefined.
  return valid
    .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
    .chain((original) => {
      const all = candidates(original, schema, components, []);
      const kinds = [...new Set(all.map((c) => c.kind))];
      return fc
        .constantFrom(...kinds)
        .chain((kind) => fc.constantFrom(...all.filter((c) => c.kind === kind)))
        .chain((c) => c.edit.map((edit): Broken => ({ original, body: applyEdit(original, edit), kind: c.kind, location: edit.path })));
    });
}

/** A parameter removed, rather than given a value. */
export const REMOVED = Symbol('removed');

export interface ParameterBreak {
  name: string;
  in: string;
  kind: string;
  /** What to send instead of the valid value: one text, every value of an array parameter, or REMOVED. */
  value: fc.Arbitrary<string | string[] | typeof REMOVED>;
}

/** Texts that are no number in any notation a client would send: not decimal, not JSON, not with a unit. */
const NOT_NUMBERS = [
  '',
  ' ',
  'abc',
  'NaN',
  'Infinity',
  '-Infinity',
  '1,5',
  '1 000',
  '0x10',
  '1e',
  '5%',
  '$5',
  '1/2',
  'true',
  'null',
  '[1]',
  '½',
  '--1',
  '1..2',
  '.',
  '+',
  'e5',
  '1_000',
];
const LOOSE_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const notANumber = fc.oneof(
  fc.constantFrom(...NOT_NUMBERS),
  fc.string({ maxLength: 12 }).filter((t) => !LOOSE_NUMBER.test(t.trim()) && Number.isNaN(Number(t))),
);

/** Texts for one value of a scalar schema (a query parameter, or one item of an array one), each breaking it once. */
function scalarTextBreaks(s: Schema): { kind: string; value: fc.Arbitrary<string> }[] {
  const out: { kind: string; value: fc.Arbitrary<string> }[] = [];
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  if (Array.isArray(s.enum)) {
    out.push({
      kind: 'outside-enum',
      value: outside(s.enum as unknown[])
        .map(String)
        .filter((t) => !(s.enum as unknown[]).map(String).includes(t)),
    });
    return out;
  }
  if (types.includes('number') || types.includes('integer')) {
    out.push({ kind: 'not-a-number', value: notANumber });
    const integer = types.includes('integer') && !types.includes('number');
    for (const b of numberBreaks(s, integer)) out.push({ kind: b.kind, value: b.values.map(String) });
  } else if (types.includes('boolean')) {
    out.push({ kind: 'not-a-boolean', value: fc.constantFrom('', 'yes', '1', 'TRUE', 'on') });
  } else if (types.includes('string')) {
    for (const b of stringBreaks(s, undefined)) out.push({ kind: b.kind, value: b.values });
  }
  return out;
}

/**
 * Every way to break one query parameter per its schema. A parameter whose every value is acceptable (a string
 * with no constraint) has none. A path parameter is never removed: without it the URL is another route.
 */
export function parameterBreaks(
  p: { name: string; in: string; required?: boolean; schema: Schema; example?: unknown },
  components: Components,
): ParameterBreak[] {
  const s = flatten(p.schema, components);
  const out: ParameterBreak[] = [];
  const of = (kind: string, value: ParameterBreak['value']) => out.push({ name: p.name, in: p.in, kind, value });
  if (p.required && p.in === 'query') of('required-removed', fc.constant(REMOVED));
  if (s.type === 'array') {
    // One item broken; the array's other items keep their valid values (see the caller).
    const items = s.items ? flatten(s.items as Schema, components) : {};
    for (const b of scalarTextBreaks(items)) of(`item-${b.kind}`, b.value);
    // Too many or too few: the documented example's items, repeated or cut. (Zero items is the parameter left out.)
    const example = p.example ?? s.example;
    const valid = Array.isArray(example) ? example.map(String) : [];
    if (typeof s.maxItems === 'number' && valid.length > 0) {
      const max = s.maxItems;
      of(
        'too-many-items',
        fc.integer({ min: max + 1, max: max + 3 }).map((n) => Array.from({ length: n }, (_, i) => valid[i % valid.length]!)),
      );
    }
    if (typeof s.minItems === 'number' && s.minItems >= 2 && valid.length > 0) {
      const min = s.minItems;
      of(
        'too-few-items',
        fc.integer({ min: 1, max: Math.min(min - 1, valid.length) }).map((n) => valid.slice(0, n)),
      );
    }
  } else if (Array.isArray(s.anyOf)) {
    // One of several forms (a number, or a range as text): a text that fits none of them.
    const forms = (s.anyOf as Schema[]).map((f) => flatten(f, components));
    const fitsNone = (t: string) => !forms.some((f) => textFits(f, t));
    for (const form of forms) for (const b of scalarTextBreaks(form)) of(b.kind, b.value.filter(fitsNone));
    const number = forms.find((f) => f.type === 'number' || f.type === 'integer');
    const text = forms.find((f) => f.type === 'string' && typeof f.pattern === 'string' && new RegExp(f.pattern, 'u').test('1/2/3'));
    if (number && text) for (const b of rangeTextBreaks(number)) of(b.kind, b.value);
  } else {
    for (const b of scalarTextBreaks(s)) of(b.kind, b.value);
  }
  return out;
}

/** Whether a text is a value of a scalar schema, read as the API reads a parameter (a number trimmed, dot decimal). */
function textFits(s: Schema, text: string): boolean {
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  if (types.includes('number') || types.includes('integer')) {
    const t = text.trim();
    const integer = types.includes('integer') && !types.includes('number');
    if (!LOOSE_NUMBER.test(t) || !Number.isFinite(Number(t)) || (integer && !Number.isInteger(Number(t)))) return false;
    const { lo, hi } = range(s, integer);
    return Number(t) >= lo && Number(t) <= hi;
  }
  if (types.includes('string')) return (typeof s.pattern !== 'string' || new RegExp(s.pattern, 'u').test(text)) && lengthOk(s, text);
  return false;
}

/**
 * A range as text, `low/likely/high`, broken where its pattern cannot see: one end past the number's bound (low below
 * the minimum, high above the maximum, likely in between), or two ends out of order, every end within the bound.
 */
function rangeTextBreaks(number: Schema): { kind: string; value: fc.Arbitrary<string> }[] {
  const { lo, hi } = range(number, false);
  const from = Number.isFinite(lo) ? lo : -1e6;
  const to = Number.isFinite(hi) ? hi : from + 1e6;
  const valid = fc.double({ min: from, max: to, noNaN: true });
  const out: { kind: string; value: fc.Arbitrary<string> }[] = [];
  for (const b of numberBreaks(number, false)) {
    const low = b.kind.includes('below');
    out.push({
      kind: 'range-end-out-of-bounds',
      value: fc.tuple(b.values, valid).map(([bad, v]) => (low ? `${bad}/${v}/${v}` : `${v}/${v}/${bad}`)),
    });
  }
  const pair = fc
    .tuple(valid, valid)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => (a < b ? [a, b] : [b, a]));
  out.push({
    kind: 'range-out-of-order',
    value: fc.tuple(pair, fc.boolean()).map(([[a, b], lowEnd]) => (lowEnd ? `${b}/${a}/${b}` : `${a}/${b}/${a}`)),
  });
  return out;
}
