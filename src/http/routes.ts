// Routes as this API defines them: what hono needs to route (method, path, middleware) known at start-up, the
// OpenAPI route (with its schemas) made on the first request it answers, and validated here against those schemas.
import { createRoute, type OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { Handler, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../bindings.ts';
import { once } from '../schemas/once.ts';
import { validateInto } from './validate.ts';

interface Routing {
  method: 'get' | 'post' | 'put' | 'delete';
  /** In OpenAPI's form: `/problems/{type}`. */
  path: string;
  middleware?: MiddlewareHandler<AppEnv> | MiddlewareHandler<AppEnv>[];
  /** Answered, but left out of the document. */
  hide?: boolean;
}

export interface RouteDefinition<R extends RouteConfig = RouteConfig> {
  method: Routing['method'];
  path: string;
  middleware: MiddlewareHandler<AppEnv>[];
  /** The OpenAPI route, made once, when first needed. */
  route: () => R;
}

/** A route: its routing now, the rest of its OpenAPI route (summary, schemas, responses) when first needed. */
export function defineRoute<S extends Routing, D extends Omit<RouteConfig, keyof Routing>>(routing: S, describe: () => D): RouteDefinition<S & D> {
  return {
    method: routing.method,
    path: routing.path,
    middleware: [routing.middleware ?? []].flat(),
    route: once(() => createRoute({ ...routing, ...describe() })),
  };
}

/** Where a route module puts its routes: an app that answers them, or the OpenAPI document that describes them. */
export interface Mount {
  openapi<R extends RouteConfig>(definition: RouteDefinition<R>, handler: RouteHandler<R, AppEnv>): void;
}

/** Routes answered by `app`: each validates its request against its schemas, which its first request makes. */
export function serving(app: Hono<AppEnv>): Mount {
  return {
    openapi(definition, handler) {
      const path = definition.path.replace(/\{(\w+)\}/g, ':$1');
      const answer = handler as unknown as Handler<AppEnv>;
      app.on([definition.method.toUpperCase()], [path], ...definition.middleware, (c, next) => {
        validateInto(c, definition.route());
        return answer(c, next);
      });
    },
  };
}

/** Routes described by `app`'s OpenAPI registry, for the document; hidden ones are left out. */
export function documenting(app: OpenAPIHono<AppEnv>): Mount {
  return {
    openapi(definition) {
      // Middleware and `hide` are this API's routing, not part of the OpenAPI operation.
      const { middleware: _middleware, hide, ...route } = definition.route();
      if (!hide) app.openAPIRegistry.registerPath(route);
    },
  };
}
