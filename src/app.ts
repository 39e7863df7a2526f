import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './bindings.ts';
import { ModelError } from './model/errors.ts';
import { requestedFormat, spreadsheetError } from './present/answer.ts';
import { fieldErrors, shortPath } from './present/field-errors.ts';
import { ApiProblem, invalidInput, uncomputable } from './present/problem.ts';
import { excerpt } from './schemas/common.ts';
import { registerBusinessCase } from './routes/business-case.ts';
import { registerDocs } from './routes/docs.ts';
import { registerFigures } from './routes/figures.ts';
import { registerMethod } from './routes/method.ts';
import { registerProblemTypes } from './routes/problem-types.ts';
import { registerReference } from './routes/reference.ts';
import { unsupportedMediaType } from './routes/json-body.ts';

const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Any origin may call the API, without credentials: web apps, and Excel's Office Scripts, which run in a browser.
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
};

/** Security and CORS headers on every answer. */
const headers: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(HEADERS)) c.res.headers.set(name, value);
};

/** Query parameters that may be given more than once: one per problem or investment, and the cache-buster. */
const REPEATABLE = new Set(['problem', 'investment', '_']);

/** A parameter given twice is a mistake to name, not a list to guess from. */
const singleParameters: MiddlewareHandler = async (c, next) => {
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
const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
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

/** GET answers are the same for the same URL until the model changes: let clients and caches keep them. */
const cacheable: MiddlewareHandler = async (c, next) => {
  await next();
  // A 304 says the 200 still holds, so it carries the same caching (RFC 9111).
  if ((c.res.status === 200 || c.res.status === 304) && !c.res.headers.has('Cache-Control')) {
    c.res.headers.set('Cache-Control', 'public, max-age=3600');
  }
};

/** Problem details for JSON clients; one readable line (or one cell, with onError=cell) for spreadsheet formats. */
function respond(c: Context, problem: ApiProblem): Response {
  const format = requestedFormat(c);
  return format === 'json' ? problem.toResponse() : spreadsheetError(problem, format, c.req.query('onError') === 'cell');
}

/** The parser's reason, cut short and made visible: it may quote the body, which can be anything. */
async function malformedJsonDetail(c: Context): Promise<string> {
  try {
    JSON.parse(await c.req.text());
    return 'The body is not valid JSON.';
  } catch (e) {
    return `The body is not valid JSON: ${excerpt((e as Error).message, 120)}.`;
  }
}

async function toProblem(err: Error, c: Context): Promise<ApiProblem> {
  if (err instanceof ApiProblem) return err;
  if (err instanceof ModelError) return uncomputable(err);
  if (err instanceof HTTPException) {
    if (err.status === 400) return new ApiProblem('malformed-json', await malformedJsonDetail(c));
    if (err.status === 415) return unsupportedMediaType(c.req.header('content-type'));
    if (err.status === 413) return new ApiProblem('payload-too-large', 'The body is too large.');
  }
  console.error(err);
  return new ApiProblem('internal', 'An unexpected error occurred; it has been logged.');
}

const notFound = (c: Context) =>
  new ApiProblem('not-found', `There is no route ${shortPath(c.req.path)}. The operations are listed at /openapi.json and /docs.`);

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalidInput(fieldErrors(result.error));
    },
  });

  app.use('*', headers);
  app.use('*', rateLimit);
  app.use('*', singleParameters);
  // Only GET answers are cached and tagged; other methods skip both.
  app.on('GET', '*', cacheable, etag());

  registerBusinessCase(app);
  registerFigures(app);
  registerReference(app);
  registerProblemTypes(app);
  registerDocs(app);
  registerMethod(app);

  // Methods each route answers, for 405 and its Allow header.
  const methods = new Map<string, Set<string>>();
  for (const { path, method } of app.routes) {
    if (method === 'ALL' || path.endsWith('*')) continue;
    const set = methods.get(path) ?? new Set(['OPTIONS']);
    set.add(method);
    if (method === 'GET') set.add('HEAD');
    methods.set(path, set);
  }
  const patterns = [...methods].map(([path, set]) => ({
    pattern: new RegExp(`^${path.replace(/:[^/]+/g, '[^/]+')}$`),
    allow: [...set].sort().join(', '),
  }));

  // OPTIONS (a CORS preflight, or LibreOffice asking before it fetches): the route's own methods, or 404.
  app.options('*', (c) => {
    const route = patterns.find((r) => r.pattern.test(c.req.path));
    if (!route) return respond(c, notFound(c));
    return new Response(null, {
      status: 204,
      headers: {
        Allow: route.allow,
        'Access-Control-Allow-Methods': route.allow,
        'Access-Control-Allow-Headers': 'Content-Type, If-None-Match',
        'Access-Control-Max-Age': '86400',
      },
    });
  });

  app.notFound((c) => {
    const route = patterns.find((r) => r.pattern.test(c.req.path));
    if (route) {
      const allow = { Allow: route.allow };
      return respond(c, new ApiProblem('method-not-allowed', `${c.req.method} is not allowed on ${shortPath(c.req.path)}; use ${route.allow}.`, [], allow));
    }
    return respond(c, notFound(c));
  });
  app.onError(async (err, c) => respond(c, await toProblem(err, c)));

  return app;
}
