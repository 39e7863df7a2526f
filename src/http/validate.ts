import type { RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../bindings.ts';
import { fieldErrors, shortPath } from '../present/field-errors.ts';
import { invalidInput } from '../present/problem.ts';

/**
 * A value checked against the schema the route documents, synchronously: the 422 that names each field, or the value
 * the schema makes of it.
 */
export function valid<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(fieldErrors(result.error));
  return result.data;
}

/** The query as the documented schemas read it: a parameter given once is text, given more often a list. */
export function queryOf(c: Context): Record<string, string | string[]> {
  if (!c.req.url.includes('?')) return {};
  // From entries, not by assignment: a parameter named __proto__ stays a parameter, refused as unknown.
  return Object.fromEntries(Object.entries(c.req.queries()).map(([name, values]) => [name, values.length === 1 ? values[0]! : values]));
}

/** Query parameters that may be given more than once: one per problem or investment, and the cache-buster. */
const REPEATABLE = new Set(['problem', 'investment', '_']);

/** A parameter given twice is a mistake to name, not a list to guess from. */
function singleParameters(c: Context): void {
  if (!c.req.url.includes('?')) return;
  const errors = Object.entries(c.req.queries())
    .filter(([name, values]) => values.length > 1 && !REPEATABLE.has(name))
    .map(([name, values]) => ({ path: shortPath(name), message: `may be given only once (it is given ${values.length} times)` }));
  if (errors.length > 0) throw invalidInput(errors);
}

const noQueries = new WeakMap<object, { value: unknown } | { error: unknown }>();

/** What a schema makes of a request with no query string: the same every time, so worked out once per schema. */
function noQuery(schema: z.ZodType): unknown {
  let known = noQueries.get(schema);
  if (!known) {
    try {
      known = { value: valid(schema, {}) };
    } catch (error) {
      known = { error };
    }
    noQueries.set(schema, known);
  }
  if ('error' in known) throw known.error;
  return known.value;
}

/**
 * A request's inputs, validated against the route's schemas (query, path parameters, JSON body as `jsonBody` parsed
 * it) and kept for the handler's `c.req.valid(…)`.
 */
export function validateInto(c: Context<AppEnv>, route: RouteConfig): void {
  singleParameters(c);
  const request = route.request;
  if (!request) return;
  const keep = (target: 'query' | 'param' | 'json', value: unknown) => c.req.addValidatedData(target, value as object);
  if (request.query) keep('query', c.req.url.includes('?') ? valid(request.query, queryOf(c)) : noQuery(request.query));
  if (request.params) keep('param', valid(request.params, c.req.param()));
  const json = request.body?.content?.['application/json'];
  if (json && 'schema' in json) keep('json', valid(json.schema as z.ZodType, c.get('json')));
}
