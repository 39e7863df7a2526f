import type { ModelError, ModelIssue } from '../model/errors.ts';
import { PROBLEM_TYPES, type ProblemType } from '../schemas/problem-types.ts';
import { issueText } from './words.ts';

export interface FieldError {
  path: string;
  message: string;
}

/** At most this many errors are listed; `errorCount` says how many there were. */
export const MAX_LISTED_ERRORS = 50;

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

/** The first five errors as the detail lists them, and `…` where there are more. */
function firstFive(errors: readonly FieldError[]): string {
  const listed = errors
    .slice(0, 5)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
  return `${listed}${errors.length > 5 ? '; …' : ''}`;
}

/** An invalid-input answer: every error counted, the first 50 listed, the first 5 in the detail. */
export function invalidInput(all: FieldError[]): ApiProblem {
  const seen = new Set<string>();
  const errors = all.filter((e) => {
    const key = `${e.path}\n${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const n = errors.length;
  return new ApiProblem('invalid-input', `${n} field${n === 1 ? ' is' : 's are'} invalid. ${firstFive(errors)}`, errors);
}

/** Figures the model could not compute, as an answer; `rename` turns scenario paths into the names the user gave. */
export function uncomputable(
  err: ModelError,
  rename: (path: string) => string = (p) => p,
  where: (issue: ModelIssue) => string = (issue) => rename(issue.path),
): ApiProblem {
  const errors = err.issues.map((i) => ({ path: where(i), message: issueText(i, rename) }));
  return new ApiProblem('uncomputable', `The figures cannot be computed. ${firstFive(errors)}`, errors);
}
