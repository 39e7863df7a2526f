import type { MiddlewareHandler } from 'hono';
import { MODEL_VERSION } from '../model/defaults.ts';

/** What a 304 keeps of its 200: caching, and the CORS headers a cross-origin reader needs to use it. */
const KEPT_ON_304 = ['cache-control', 'etag', 'vary', 'access-control-allow-origin', 'access-control-expose-headers'];

async function tagOf(res: Response): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', await res.clone().arrayBuffer()));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  // The model version leads: a CSV of the same figures under another model never matches.
  return `"model-${MODEL_VERSION}-${hex}"`;
}

/**
 * For a route whose GET answer is the same for the same URL until the model changes (a pure computation): clients
 * and caches may keep it an hour and revalidate it by its ETag, and a 304 carries the same Cache-Control (RFC 9111).
 * An answer that says no-store (an error in a cell) is neither tagged nor revalidated. A route opts in; nothing is
 * cached by default.
 */
export const cached: MiddlewareHandler = async (c, next) => {
  const ifNoneMatch = c.req.header('If-None-Match');
  await next();
  if (c.res.status !== 200 || c.res.headers.has('Cache-Control')) return;
  c.res.headers.set('Cache-Control', 'public, max-age=3600');
  const tag = await tagOf(c.res);
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
