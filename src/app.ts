import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from './bindings.ts';
import { defaultHook, methodNotAllowed, notFound, onError } from './http/errors.ts';
import { corsFor, securityHeaders } from './http/headers.ts';
import { rateLimit, singleParameters } from './http/limits.ts';
import { methodTable } from './http/methods.ts';
import { registerBusinessCase } from './routes/business-case.ts';
import { type RegisterAll, registerDocs } from './routes/docs.ts';
import { registerFigures } from './routes/figures.ts';
import { registerMethod } from './routes/method.ts';
import { registerProblemTypes } from './routes/problem-types.ts';
import { registerReference } from './routes/reference.ts';

type Register = (app: OpenAPIHono<AppEnv>, registerAll: RegisterAll) => void;

/** Some routes, by path (hono's form) and method, and the function that defines and answers them. */
interface Group {
  paths: Record<string, ('GET' | 'POST')[]>;
  register: Register;
}

/**
 * Every route of the API. A group's routes, with the schemas they need, are made on the first request the group
 * answers (every schema is made on first use, see schemas/once.ts), so start-up builds no schema that a request does
 * not need: /health never builds a scenario's.
 */
const GROUPS: readonly Group[] = [
  { paths: { '/v1/business-case': ['GET', 'POST'] }, register: registerBusinessCase },
  {
    paths: { '/v1/problem-damage': ['GET'], '/v1/investment-roi': ['GET'], '/v1/lifetime-value': ['GET'] },
    register: registerFigures,
  },
  { paths: { '/v1/defaults': ['GET'], '/health': ['GET'] }, register: registerReference },
  { paths: { '/problems/:type': ['GET'] }, register: registerProblemTypes },
  { paths: { '/openapi.json': ['GET'], '/docs': ['GET'], '/': ['GET'] }, register: registerDocs },
  { paths: { '/method': ['GET'] }, register: registerMethod },
];

/** Every route on `app`, for the OpenAPI document. */
const registerAll: RegisterAll = async (app) => {
  for (const group of GROUPS) group.register(app, registerAll);
};

/** A group's routes on an app of their own, made on first use: its errors are answered as the API's are. */
function mounted(group: Group): () => OpenAPIHono<AppEnv> {
  let app: OpenAPIHono<AppEnv> | undefined;
  return () => {
    if (!app) {
      app = new OpenAPIHono<AppEnv>({ defaultHook });
      group.register(app, registerAll);
      app.onError(onError);
    }
    return app;
  };
}

/** The request's execution context, where the runtime gives one (a test calling fetch directly may not). */
function executionContextOf(c: Context): Context['executionCtx'] | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

/** The API: middleware from src/http, the routes, and the answers to what matches no route. */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook });
  const allowed = methodTable(() => app.routes);

  app.use('*', securityHeaders);
  app.use(
    '*',
    corsFor(allowed, (c) => Promise.resolve(notFound(c))),
  );
  app.use('*', rateLimit);
  app.use('*', singleParameters);

  for (const group of GROUPS) {
    const routes = mounted(group);
    for (const [path, methods] of Object.entries(group.paths)) {
      app.on(methods, path, (c) => routes().fetch(c.req.raw, c.env, executionContextOf(c)));
    }
  }

  app.notFound((c) => {
    const allow = allowed(c.req.path);
    return allow ? methodNotAllowed(c, allow) : notFound(c);
  });
  app.onError(onError);
  return app;
}
