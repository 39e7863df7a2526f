import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../bindings.ts';
import { ApiProblem } from '../present/problem.ts';

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
