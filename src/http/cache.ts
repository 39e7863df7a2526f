import type { MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { MODEL_VERSION } from '../model/defaults.ts';

/** Marks a 200 (and the 304 that says it still holds, RFC 9111) as cacheable, unless the handler said otherwise. */
const publicForAnHour: MiddlewareHandler = async (c, next) => {
  await next();
  if ((c.res.status === 200 || c.res.status === 304) && !c.res.headers.has('Cache-Control')) {
    c.res.headers.set('Cache-Control', 'public, max-age=3600');
  }
};

/**
 * The answer's ETag: the model version, then a digest of the body. A CSV of the same figures under another model
 * version gets another tag, so a new model never matches an old answer, whatever the format.
 */
const taggedWithModel: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.ok) return;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', await c.res.clone().arrayBuffer()));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  c.res.headers.set('ETag', `"model-${MODEL_VERSION}-${hex}"`);
};

/**
 * For a route whose GET answer is the same for the same URL until the model changes (a pure computation): clients
 * and caches may keep it an hour, and revalidate it by its ETag. A route opts in; nothing is cached by default.
 */
export const cached: MiddlewareHandler[] = [publicForAnHour, etag(), taggedWithModel];
