import type { z } from '@hono/zod-openapi';
import type { ModelError } from '../model/errors.ts';
import { visible } from '../schemas/common.ts';
import { issueText } from './words.ts';

export interface FieldError {
  path: string;
  message: string;
}

/** The kinds of problem the API answers with: RFC 9457 `type` slug, status, title and when it happens. */
export const PROBLEM_TYPES = {
  'invalid-input': {
    status: 422,
    title: 'Invalid input',
    description: 'A field breaks a rule of the model; `errors` names each offending field by JSON path and says what is wrong.',
  },
  'uncomputable': {
    status: 422,
    title: 'The figures cannot be computed',
    description: 'The inputs are valid, but a figure would exceed the range of numbers (about 1.8e308); `errors` names the inputs it comes from.',
  },
  'no-value': {
    status: 422,
    title: 'The figure has no value',
    description:
      'The figure `field` names is null in this answer (an roi without costs, a payback not reached); `detail` says why. With ' +
      '`onError=cell`, status 200 and one cell `#N/A` and the reason.',
  },
  'malformed-json': { status: 400, title: 'Malformed JSON', description: 'The request body is not valid JSON; `detail` gives the parser’s reason.' },
  'missing-body': { status: 400, title: 'Missing request body', description: 'The operation needs a JSON body and the request has none.' },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    description: 'The body is not sent as `application/json`; `Accept-Post` names the media type to use.',
  },
  'payload-too-large': { status: 413, title: 'Request body too large', description: 'The request body is over 1 MB.' },
  'not-found': { status: 404, title: 'Not found', description: 'There is no such route; the operations are listed at /openapi.json and /docs.' },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    description: 'The route does not answer this method; `Allow` lists the methods it does answer.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    description: 'This client sent more requests than its rate limit allows; `Retry-After` says how many seconds to wait.',
  },
  'internal': { status: 500, title: 'Internal error', description: 'An unexpected error; it is logged, and the answer holds no details of it.' },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

/** An error answer, thrown anywhere below the app and turned into problem+json by its error handler. */
export class ApiProblem extends Error {
  readonly kind: ProblemType;
  readonly detail: string;
  /** The first 50 errors; `errorCount` counts them all. */
  readonly errors: FieldError[];
  readonly errorCount: number;
  readonly headers: Record<string, string>;

  constructor(kind: ProblemType, detail: string, errors: FieldError[] = [], headers: Record<string, string> = {}) {
    super(detail);
    this.name = 'ApiProblem';
    this.kind = kind;
    this.detail = detail;
    this.errors = errors.slice(0, MAX_LISTED_ERRORS);
    this.errorCount = errors.length;
    this.headers = headers;
  }

  get status(): number {
    return PROBLEM_TYPES[this.kind].status;
  }

  toResponse(): Response {
    const { status, title } = PROBLEM_TYPES[this.kind];
    const body = { type: `/problems/${this.kind}`, title, status, detail: this.detail, errors: this.errors, errorCount: this.errorCount };
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/problem+json', ...this.headers },
    });
  }
}

/** At most this many errors are listed; `errorCount` says how many there were. */
export const MAX_LISTED_ERRORS = 50;
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

/** An invalid-input answer: every error counted, the first 50 listed, the first 5 in the detail. */
export function invalidInput(errors: FieldError[]): ApiProblem {
  const n = errors.length;
  const listed = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
  return new ApiProblem('invalid-input', `${n} field${n === 1 ? ' is' : 's are'} invalid. ${listed}${n > 5 ? '; …' : ''}`, errors);
}

/** Figures the model could not compute, as an answer; `rename` turns scenario paths into the names the user gave. */
export function uncomputable(err: ModelError, rename: (path: string) => string = (p) => p): ApiProblem {
  const errors = err.issues.map((i) => ({ path: rename(i.path), message: issueText(i, rename) }));
  const listed = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
  return new ApiProblem('uncomputable', `The figures cannot be computed. ${listed}${errors.length > 5 ? '; …' : ''}`, errors);
}
