// Headers every answer carries: security headers, and CORS for any origin without credentials (web apps, and
// Excel's Office Scripts, which run in a browser).
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * The headers that protect this API's answers: no type sniffing, no referrer, HTTPS only, never framed (the docs and
 * method pages also say frame-ancestors 'none'). The browser-page headers that guard nothing here (cross-origin
 * isolation, DNS prefetch, download options, the old XSS filter) are left off: each costs every answer a header.
 * Cross-Origin-Resource-Policy is off because the API is meant to be read from other origins; CORS says who may.
 */
const SECURITY_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Frame-Options', 'DENY'],
];

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of SECURITY_HEADERS) headers.set(name, value);
};

/** The answer headers a cross-origin reader may see: a case's ETag (for If-Match), where a new case is, a replay, why a key is wanted. */
const EXPOSED = ['ETag', 'Location', 'Idempotent-Replayed', 'WWW-Authenticate'];
const EXPOSED_LIST = EXPOSED.join(', ');

/**
 * CORS on every answer; a preflight (any OPTIONS: LibreOffice asks one before every fetch) is answered here with the
 * route's own methods, in `Allow` too, and a path that is no route gets `notFound`.
 */
export function corsFor(allowed: (path: string) => string | undefined, notFound: MiddlewareHandler): MiddlewareHandler {
  const headers = cors({
    origin: '*',
    allowMethods: (_origin, c) => (allowed(c.req.path) ?? '').split(', '),
    allowHeaders: ['Content-Type', 'If-None-Match', 'If-Match', 'Authorization', 'Idempotency-Key'],
    exposeHeaders: EXPOSED,
    maxAge: 86400,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      const allow = allowed(c.req.path);
      if (allow === undefined) return notFound(c, next);
      c.header('Allow', allow);
      return headers(c, next);
    }
    // Any other request: the two headers set on the answer once it is made (set before, they would make hono build
    // a placeholder answer and copy it into the real one, on every request).
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_LIST);
  };
}
