import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../bindings.ts';
import { MODEL_VERSION } from '../model/defaults.ts';

/** What a 304 keeps of its 200: caching, and the CORS headers a cross-origin reader needs to use it. */
const KEPT_ON_304 = ['cache-control', 'etag', 'vary', 'access-control-allow-origin', 'access-control-expose-headers'];

async function digestOf(res: Response): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', await res.clone().arrayBuffer()));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * A strong ETag per answer (its bytes' digest, led by what names it: the model version, a case's version), the
 * Cache-Control given, and 304 when If-None-Match names the tag (compared weakly, as RFC 9110 says for GET). An
 * answer that already says how to cache (an error in a cell says no-store) is left alone; so are errors.
 */
function tagged(cacheControl: string, prefixOf: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ifNoneMatch = c.req.header('If-None-Match');
    await next();
    if (c.res.status !== 200 || c.res.headers.has('Cache-Control')) return;
    c.res.headers.set('Cache-Control', cacheControl);
    const tag = `"${prefixOf(c)}-${await digestOf(c.res)}"`;
    const listed: string[] = ifNoneMatch?.match(/"[^"]*"/g) ?? [];
    const matches = ifNoneMatch?.trim() === '*' || listed.includes(tag);
    if (!matches) {
      c.res.headers.set('ETag', tag);
      return;
    }
    await c.res.body?.cancel();
    // Hono carries the old answer's headers over to the new one: keep only those a 304 should have.
    c.res = new Response(null, { status: 304, headers: { ETag: tag } });
    const dropped: string[] = [];
    c.res.headers.forEach((_value, name) => {
      if (!KEPT_ON_304.includes(name.toLowerCase())) dropped.push(name);
    });
    for (const name of dropped) c.res.headers.delete(name);
  };
}

/**
 * For a route whose GET answer is the same for the same URL until the model changes (a pure computation): clients
 * and caches may keep it an hour and revalidate it by its ETag, and a 304 carries the same Cache-Control (RFC 9111).
 * A route opts in; nothing is cached by default.
 */
export const cached = tagged('public, max-age=3600', () => `model-${MODEL_VERSION}`);

/** An ETag of a saved case's answer: `"<id>-v3-model-2-…"` names the case, its version and the model's. */
export const CASE_TAG = /"([A-Za-z0-9_-]{22})-v([1-9][0-9]{0,8})-model-[^"]*"/g;

const revalidatedTag = tagged('private, no-cache', (c) => {
  const { id, version } = c.get('etag');
  return `${id}-v${version}-model-${MODEL_VERSION}`;
});

/**
 * For a saved case, which can change at any moment: only the client keeps an answer (`private`), and it asks again
 * each time (`no-cache`), so an edit shows at once; a 304 spares it the body. Every other answer of the route (a
 * write, an error) is not stored at all.
 */
export const revalidated: MiddlewareHandler<AppEnv> = async (c, next) => {
  await revalidatedTag(c, next);
  if (c.res.status !== 200 && c.res.status !== 304 && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};

/** For a write, and what only its sender may see (an edit key): stored nowhere. */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};
