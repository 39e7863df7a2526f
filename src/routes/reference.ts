import { allDefaults, LIMITS, MODEL_VERSION } from '../model/defaults.ts';
import { resultSchema } from '../schemas/results.ts';
import { problemResponses } from './responses.ts';
import { cached } from '../http/cache.ts';
import { defineRoute, type Mount } from '../http/routes.ts';

const defaultsRoute = defineRoute({ method: 'get', path: '/v1/defaults', middleware: cached }, () => ({
  operationId: 'getDefaults',
  tags: ['Reference'],
  summary: 'List the default assumptions and their sources',
  description:
    'Every value the model uses when a scenario leaves it out (loyalty rates from TARP, word of mouth, TEI finance settings, …), ' +
    'with its source, and the limits on a scenario. A business case lists the ones it actually used under `assumptions`.',
  responses: { 200: { description: 'The defaults', content: { 'application/json': { schema: resultSchema('Defaults') } } }, ...problemResponses() },
}));

const healthRoute = defineRoute({ method: 'get', path: '/health' }, () => ({
  operationId: 'getHealth',
  tags: ['Service'],
  summary: 'Check that the service is up',
  description: 'Answers `ok` and the version of the model the figures follow.',
  responses: {
    200: { description: 'The service is up', content: { 'application/json': { schema: resultSchema('Health') } } },
    ...problemResponses(),
  },
}));

export function registerReference(app: Mount) {
  const defaults = { modelVersion: MODEL_VERSION, defaults: allDefaults(), limits: { ...LIMITS } };
  app.openapi(defaultsRoute, (c) => c.json(defaults, 200));
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const, modelVersion: MODEL_VERSION }, 200, { 'Cache-Control': 'no-store' }));
}
