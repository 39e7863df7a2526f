import { Hono } from 'hono';
import type { AppEnv } from './bindings.ts';
import { methodNotAllowed, notFound, onError } from './http/errors.ts';
import { corsFor, securityHeaders } from './http/headers.ts';
import { rateLimit } from './http/limits.ts';
import { methodTable } from './http/methods.ts';
import { serving } from './http/routes.ts';
import { registerBusinessCase } from './routes/business-case.ts';
import { registerCases } from './routes/cases/index.ts';
import { type RegisterAll, registerDocs } from './routes/docs.ts';
import { registerFigures } from './routes/figures.ts';
import { registerMethod } from './routes/method.ts';
import { registerProblemTypes } from './routes/problem-types.ts';
import { registerReference } from './routes/reference.ts';
import { registerReport } from './routes/report.ts';

/** Every route of the API, on an app that answers them or in the document that describes them. */
const registerAll: RegisterAll = (mount) => {
  registerBusinessCase(mount);
  registerFigures(mount);
  registerCases(mount);
  registerReport(mount);
  registerReference(mount);
  registerProblemTypes(mount);
  registerDocs(mount, registerAll);
  registerMethod(mount);
};

/** The API: middleware from src/http, the routes, and the answers to what matches no route. */
export function createApp() {
  const app = new Hono<AppEnv>();
  const allowed = methodTable(() => app.routes);

  app.use('*', securityHeaders);
  app.use(
    '*',
    corsFor(allowed, (c) => Promise.resolve(notFound(c))),
  );
  app.use('*', rateLimit);

  // Each route's schemas are made on the first request it answers (schemas/once.ts, http/routes.ts), so start-up
  // builds none: /health never builds a scenario's.
  registerAll(serving(app));

  app.notFound((c) => {
    const allow = allowed(c.req.path);
    return allow ? methodNotAllowed(c, allow) : notFound(c);
  });
  app.onError(onError);
  return app;
}
