import { ProblemDetails } from '../schemas/common.ts';
import { PROBLEM_TYPES, type ProblemType } from '../present/problem.ts';

const WHEN: Record<ProblemType, string> = {
  'invalid-input': 'A field breaks a rule of the model; `errors` names each field and what is wrong',
  'uncomputable': 'The inputs are valid, but a figure would exceed the range of numbers; `errors` names the inputs',
  'malformed-json': 'The body is not valid JSON',
  'missing-body': 'The request has no body',
  'unsupported-media-type': 'The body is not sent as application/json',
  'payload-too-large': 'The body is over 1 MB',
  'not-found': 'No such route',
  'method-not-allowed': 'The route does not answer this method; `Allow` lists those it does',
  'internal': 'An unexpected error',
};

/** Documented error answers, for spreading into a route's `responses`. */
export function problemResponses(...kinds: ProblemType[]) {
  const byStatus: Record<number, { description: string; content: { 'application/problem+json': { schema: typeof ProblemDetails } } }> = {};
  for (const kind of kinds) {
    const { status } = PROBLEM_TYPES[kind];
    const line = `\`/problems/${kind}\`: ${WHEN[kind]}.`;
    const entry = byStatus[status];
    if (entry) entry.description += ` ${line}`;
    else byStatus[status] = { description: line, content: { 'application/problem+json': { schema: ProblemDetails } } };
  }
  return byStatus;
}
