import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { LIMITS } from '../model/defaults.ts';
import { ApiProblem } from '../present/problem.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;.*)?$/i;

const limit = bodyLimit({
  maxSize: LIMITS.bodyBytes,
  onError: () => {
    throw new ApiProblem('payload-too-large', `The body must be at most ${LIMITS.bodyBytes} bytes (1 MB).`);
  },
});

const requireJson: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type');
  if (type !== undefined && !JSON_TYPE.test(type)) {
    throw new ApiProblem('unsupported-media-type', `Send the body as JSON with "Content-Type: application/json" (got "${type}").`, [], {
      'Accept-Post': 'application/json',
    });
  }
  const text = await c.req.text();
  if (text.trim() === '') throw new ApiProblem('missing-body', 'The request has no body: send the scenario as JSON.');
  if (type === undefined) {
    throw new ApiProblem('unsupported-media-type', 'The request has no Content-Type: send "Content-Type: application/json".', [], {
      'Accept-Post': 'application/json',
    });
  }
  await next();
};

/** A JSON request body: at most 1 MB, sent as application/json, not empty. The route's validator parses it. */
export const jsonBody = [limit, requireJson];
