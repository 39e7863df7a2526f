import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../bindings.ts';
import { shortPath } from '../present/field-errors.ts';
import { ApiProblem, invalidInput } from '../present/problem.ts';

/** Query parameters that may be given more than once: one per problem or investment, and the cache-buster. */
const REPEATABLE = new Set(['problem', 'investment', '_']);

/** A parameter given twice is a mistake to name, not a list to guess from. */
export const singleParameters: MiddlewareHandler = async (c, next) => {
  if (c.req.url.includes('?')) {
    const errors = Object.entries(c.req.queries())
      .filter(([name, values]) => values.length > 1 && !REPEATABLE.has(name))
      .map(([name, values]) => ({ path: shortPath(name), message: `may be given only once (it is given ${values.length} times)` }));
    if (errors.length > 0) throw invalidInput(errors);
  }
  await next();
};

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * At most the configured number of requests per client address and period (wrangler.toml, RATE_LIMITER). A
 * request from this machine (loopback, as `wrangler dev` reports local clients) is not limited, so local load
 * tests measure the API; on Cloudflare the client address is never a loopback one.
 */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const client = c.req.header('cf-connecting-ip');
  if (client && !LOOPBACK.test(client) && c.env?.RATE_LIMITER) {
    const { success } = await c.env.RATE_LIMITER.limit({ key: client });
    if (!success) {
      const period = c.env.RATE_LIMIT_PERIOD_SECONDS ?? '60';
      throw new ApiProblem('rate-limited', `Too many requests from ${client}; try again in ${period} seconds.`, [], { 'Retry-After': period });
    }
  }
  await next();
};
