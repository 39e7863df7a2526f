import type { MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';

/** Marks a 200 (and the 304 that says it still holds, RFC 9111) as cacheable, unless the handler said otherwise. */
const publicForAnHour: MiddlewareHandler = async (c, next) => {
  await next();
  if ((c.res.status === 200 || c.res.status === 304) && !c.res.headers.has('Cache-Control')) {
    c.res.headers.set('Cache-Control', 'public, max-age=3600');
  }
};

/**
 * For a route whose GET answer is the same for the same URL until the model changes (a pure computation): clients
 * and caches may keep it an hour, and revalidate it by its ETag. A route opts in; nothing is cached by default.
 */
export const cached: MiddlewareHandler[] = [publicForAnHour, etag()];
