// zod's issues as the field errors of problem details: one per path, named as the request named it, short.
import type { z } from '@hono/zod-openapi';
import { visible } from '../schemas/common.ts';
import type { FieldError } from './problem.ts';

/** Longest path an error names: a key of any length may be sent, an answer never grows with it. */
const MAX_PATH_LENGTH = 120;

/** `['problems', 1, 'outcomes']` → `problems[1].outcomes`; the body itself is `(body)`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return shortPath(out || '(body)');
}

/** A path cut to a readable length, its invisible characters written as escapes. */
export function shortPath(path: string): string {
  const text = visible(path.length > MAX_PATH_LENGTH ? `${path.slice(0, MAX_PATH_LENGTH)}…` : path);
  return text.length > MAX_PATH_LENGTH ? `${text.slice(0, MAX_PATH_LENGTH)}…` : text;
}

type Issue = z.core.$ZodIssue;

/**
 * A union no option fits (a target list or "all", a parameter given once or several times): the issues of the
 * option the value was meant for, the one it is of the type of, so the error names the rule it breaks.
 */
function unwrapUnion(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const typeMismatch = (i: Issue) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value');
  const meant = issue.errors.find((option) => option.length > 0 && !option.some(typeMismatch));
  return meant ? meant.flatMap((i) => unwrapUnion({ ...i, path: [...issue.path, ...i.path] } as Issue)) : [issue];
}

/** zod's issues as field errors: one per path (the first, but a safe-integer range check yields to the field's own). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const byPath = new Map<string, FieldError & { generic: boolean }>();
  for (const issue of error.issues.flatMap(unwrapUnion)) {
    const generic = (issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'int';
    const entries =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: jsonPath([...issue.path, key]), message: issue.message }))
        : [{ path: jsonPath(issue.path), message: issue.message }];
    for (const e of entries) {
      const seen = byPath.get(e.path);
      if (!seen || (seen.generic && !generic)) byPath.set(e.path, { ...e, generic });
    }
  }
  return [...byPath.values()].map(({ path, message }) => ({ path, message }));
}
