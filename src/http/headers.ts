// Headers every answer carries: security headers, and CORS for any origin without credentials (web apps, and
// Excel's Office Scripts, which run in a browser).
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The headers that protect this API's answers: no type sniffing, no referrer, HTTPS only, never framed (the docs and
 * method pages also say frame-ancestors 'none'). The browser-page headers that guard nothing here (cross-origin
 * isolation, DNS prefetch, download options, the old XSS filter) are left off: each costs every answer a header.
 * Cross-Origin-Resource-Policy is off because the API is meant to be read from other origins; CORS says who may.
 */
export const securityHeaders = secureHeaders({
  xContentTypeOptions: true,
  referrerPolicy: 'no-referrer',
  strictTransportSecurity: true,
  xFrameOptions: 'DENY',
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  crossOriginEmbedderPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/**
 * CORS on every answer; a preflight (any OPTIONS: LibreOffice asks one before every fetch) is answered here with the
 * route's own methods, in `Allow` too, and a path that is no route gets `notFound`.
 */
export function corsFor(allowed: (path: string) => string | undefined, notFound: MiddlewareHandler): MiddlewareHandler {
  const headers = cors({
    origin: '*',
    allowMethods: (_origin, c) => (allowed(c.req.path) ?? '').split(', '),
    allowHeaders: ['Content-Type', 'If-None-Match'],
    exposeHeaders: ['ETag'],
    maxAge: 86400,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      const allow = allowed(c.req.path);
      if (allow === undefined) return notFound(c, next);
      c.header('Allow', allow);
    }
    return headers(c, next);
  };
}
