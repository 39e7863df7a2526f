import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../bindings.ts';
import { ApiProblem } from '../present/problem.ts';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * At most the configured number of requests per client address and period (wrangler.toml); over it, 429 with
 * Retry-After. A request from this machine (loopback, as `wrangler dev` reports local clients) is not limited, so
 * local load tests measure the API; on Cloudflare the client address is never a loopback one.
 */
function limitedBy(limiter: (env: Env) => Env['RATE_LIMITER'] | undefined, what: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const client = c.req.header('cf-connecting-ip');
    const binding = c.env ? limiter(c.env) : undefined;
    if (client && !LOOPBACK.test(client) && binding) {
      const { success } = await binding.limit({ key: client });
      if (!success) {
        const period = c.env.RATE_LIMIT_PERIOD_SECONDS ?? '60';
        throw new ApiProblem('rate-limited', `Too many ${what} from ${client}; try again in ${period} seconds.`, [], { 'Retry-After': period });
      }
    }
    await next();
  };
}

/** Every request (RATE_LIMITER). */
export const rateLimit = limitedBy((env) => env.RATE_LIMITER, 'requests');

/** Writes of saved cases: a tighter limit than reads (wrangler.toml, WRITE_RATE_LIMITER), as each takes room for good. */
export const writeRateLimit = limitedBy((env) => env.WRITE_RATE_LIMITER, 'writes of saved cases');
