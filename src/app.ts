import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './bindings.ts';
import { defaultHook, methodNotAllowed, notFound, onError } from './http/errors.ts';
import { corsFor, securityHeaders } from './http/headers.ts';
import { rateLimit, singleParameters } from './http/limits.ts';
import { methodTable } from './http/methods.ts';
import { registerBusinessCase } from './routes/business-case.ts';
import { registerDocs } from './routes/docs.ts';
import { registerFigures } from './routes/figures.ts';
import { registerMethod } from './routes/method.ts';
import { registerProblemTypes } from './routes/problem-types.ts';
import { registerReference } from './routes/reference.ts';

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

  registerBusinessCase(app);
  registerFigures(app);
  registerReference(app);
  registerProblemTypes(app);
  registerDocs(app);
  registerMethod(app);

  app.notFound((c) => {
    const allow = allowed(c.req.path);
    return allow ? methodNotAllowed(c, allow) : notFound(c);
  });
  app.onError(onError);
  return app;
}
