// Every error becomes an answer here: problem details for JSON clients, one readable line (or one cell, with
// onError=cell) for spreadsheet formats.
import type { Context } from 'hono';
import { ModelError } from '../model/errors.ts';
import { resolveFormat, spreadsheetError } from '../present/answer.ts';
import { FORMATS, type Format } from '../schemas/formats.ts';
import { shortPath } from '../present/field-errors.ts';
import { ApiProblem, uncomputable } from '../present/problem.ts';

/** The format the request asked for, read leniently: used to answer its errors in kind. */
export function requestedFormat(c: Context): Format {
  const format = c.req.query('format');
  const known = format !== undefined && (FORMATS as readonly string[]).includes(format);
  return resolveFormat({ format: known ? (format as Format) : undefined, field: c.req.query('field') });
}

export function respond(c: Context, problem: ApiProblem): Response {
  const format = requestedFormat(c);
  return format === 'json' ? problem.toResponse() : spreadsheetError(problem, format, c.req.query('onError') === 'cell');
}

function toProblem(err: Error): ApiProblem {
  if (err instanceof ApiProblem) return err;
  if (err instanceof ModelError) return uncomputable(err);
  console.error(err);
  return new ApiProblem('internal', 'An unexpected error occurred; it has been logged.');
}

export const onError = (err: Error, c: Context) => respond(c, toProblem(err));

export const notFound = (c: Context) =>
  respond(c, new ApiProblem('not-found', `There is no route ${shortPath(c.req.path)}. The operations are listed at /openapi.json and /docs.`));

/** A path that is a route, with a method it does not answer: 405 with the methods it does. */
export const methodNotAllowed = (c: Context, allow: string) =>
  respond(c, new ApiProblem('method-not-allowed', `${c.req.method} is not allowed on ${shortPath(c.req.path)}; use ${allow}.`, [], { Allow: allow }));
