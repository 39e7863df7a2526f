import { ProblemDetails } from '../schemas/common.ts';
import { PROBLEM_TYPES, type ProblemType } from '../present/problem.ts';

/** Documented error answers, for spreading into a route's `responses`. */
export function problemResponses(...kinds: ProblemType[]) {
  const byStatus: Record<number, { description: string; content: { 'application/problem+json': { schema: typeof ProblemDetails } } }> = {};
  for (const kind of kinds) {
    const { status } = PROBLEM_TYPES[kind];
    const line = `\`/problems/${kind}\`: ${PROBLEM_TYPES[kind].description}`;
    const entry = byStatus[status];
    if (entry) entry.description += ` ${line}`;
    else byStatus[status] = { description: line, content: { 'application/problem+json': { schema: ProblemDetails } } };
  }
  return byStatus;
}
