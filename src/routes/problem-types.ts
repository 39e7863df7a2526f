import { z } from '@hono/zod-openapi';
import { resultSchema } from '../schemas/results.ts';
import { ApiProblem } from '../present/problem.ts';
import { shown } from '../schemas/common.ts';
import { PROBLEM_TYPES, type ProblemType } from '../schemas/problem-types.ts';
import { problemResponses } from './responses.ts';
import { cached } from '../http/cache.ts';
import { defineRoute, type Mount } from '../http/routes.ts';

const route = defineRoute({ method: 'get', path: '/problems/{type}', middleware: cached }, () => ({
  operationId: 'getProblemType',
  tags: ['Reference'],
  summary: 'Explain a kind of error',
  description: 'The `type` of every error answer is a link here: it says what the error means and which status it comes with.',
  request: {
    params: z.object({
      type: z.string().meta({
        param: { name: 'type', in: 'path', description: `One of: ${Object.keys(PROBLEM_TYPES).join(', ')}` },
        example: 'invalid-input',
      }),
    }),
  },
  responses: {
    200: { description: 'The kind of error', content: { 'application/json': { schema: resultSchema('ProblemType') } } },
    ...problemResponses('not-found'),
  },
}));

export function registerProblemTypes(app: Mount) {
  app.openapi(route, (c) => {
    const { type } = c.req.valid('param');
    if (!Object.hasOwn(PROBLEM_TYPES, type)) throw new ApiProblem('not-found', `There is no problem type ${shown(type)}.`);
    const { title, status, description } = PROBLEM_TYPES[type as ProblemType];
    return c.json({ type: `/problems/${type}`, title, status, description }, 200);
  });
}
