import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../bindings.ts';
import { resultSchema } from '../schemas/results.ts';
import { problemResponses } from './responses.ts';
import { cached } from '../http/cache.ts';
import { once } from '../schemas/once.ts';
import { defineRoute, documenting, type Mount } from '../http/routes.ts';

const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Swagger UI sets inline style attributes on the elements it renders.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Swagger UI's files are copied from node_modules to public/docs/swagger-ui by `npm install` and served as static assets.
const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Service business case API: docs</title>
<link rel="icon" type="image/png" href="/docs/swagger-ui/favicon-32x32.png">
<link rel="stylesheet" href="/docs/swagger-ui/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

export const DOCUMENT_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Service business case API',
    version: '1.0.0',
    description:
      'Turns a company’s customer-service problem catalogue into figures a CFO accepts: what each problem costs a year in lost ' +
      'customers, word of mouth and handling, which problems to attack first, and what each candidate service investment is worth ' +
      '(benefit, NPV, ROI, payback, cost of delay, IRR and the break-even of each assumption). The arithmetic follows the TARP/CCMC market damage model (John Goodman, ' +
      '*Strategic Customer Service*) and Forrester TEI finance conventions; every default it uses is listed with its source.\n\n' +
      'An estimate may be given as a range `{low, likely, high}`: the answer then adds a seeded Monte Carlo simulation (mean, P10, P50, P90 ' +
      'of each damage and npv, and the probability that each investment pays) and a tornado of the inputs that decide each figure ' +
      '(see the `ranged` and `sensitivity` examples of the business case).\n\n' +
      'Errors are RFC 9457 problem details (`application/problem+json`) whose `errors` name each offending field by JSON path.\n\n' +
      'The method, with its sources and a worked example: [/method](/method).',
    license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
  },
  servers: [{ url: '/', description: 'This server' }],
  tags: [
    { name: 'Business case', description: 'Problem damage and investment returns' },
    { name: 'Spreadsheet', description: 'Every figure by GET from flat parameters, as JSON, CSV, TSV or one bare number' },
    {
      name: 'Saved cases',
      description: 'A business case kept by the API: shared by its link, read from any spreadsheet, edited safely with its edit key',
    },
    { name: 'Report', description: 'The business case as a printable page with charts, for the CFO, in English or Vietnamese' },
    { name: 'Reference', description: 'The model’s defaults and limits' },
    { name: 'Service', description: 'Health, this document, the docs page and the method page' },
  ],
};

const documentRoute = defineRoute({ method: 'get', path: '/openapi.json', middleware: cached }, () => ({
  operationId: 'getOpenApiDocument',
  tags: ['Service'],
  summary: 'Get this API’s OpenAPI 3.1 document',
  description: 'The OpenAPI 3.1 description of every operation, schema and example of this API.',
  responses: {
    200: { description: 'The OpenAPI document', content: { 'application/json': { schema: resultSchema('OpenApiDocument') } } },
    ...problemResponses(),
  },
}));

const docsRoute = defineRoute({ method: 'get', path: '/docs', middleware: cached }, () => ({
  operationId: 'getDocsPage',
  tags: ['Service'],
  summary: 'Open the interactive docs page',
  description: 'An interactive page (Swagger UI, served by this Worker) where every operation can be tried with ready examples.',
  responses: { 200: { description: 'The docs page', content: { 'text/html': { schema: z.string() } } }, ...problemResponses() },
}));

// A convenience for browsers, not an operation: left out of the document.
const rootRoute = defineRoute({ hide: true, method: 'get', path: '/' }, () => ({
  operationId: 'getRoot',
  tags: ['Service'],
  summary: 'Go to the docs page',
  description: 'Redirects a browser to `/docs`.',
  responses: { 302: { description: 'Redirect to `/docs`', headers: { Location: { schema: { type: 'string', example: '/docs' } } } } },
}));

type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

/** Registers every route of the API on an app (as `createApp` knows them), for the document to describe them all. */
export type RegisterAll = (app: Mount) => void;

/** The OpenAPI document of every route, built once, on first request: the routes do not change after start-up. */
export function documentOf(registerAll: RegisterAll): () => OpenApiDocument {
  return once(() => {
    const all = new OpenAPIHono<AppEnv>();
    registerAll(documenting(all));
    all.openAPIRegistry.registerComponent('securitySchemes', 'editKey', {
      type: 'http',
      scheme: 'bearer',
      description: 'A saved case’s edit key, given when the case was created (or re-keyed): `Authorization: Bearer <editKey>`.',
    });
    return all.getOpenAPI31Document(DOCUMENT_INFO);
  });
}

export function registerDocs(app: Mount, registerAll: RegisterAll) {
  const document = documentOf(registerAll);
  app.openapi(documentRoute, (c) => c.json(document(), 200));
  app.openapi(docsRoute, (c) => c.html(DOCS_PAGE, 200, { 'Content-Security-Policy': DOCS_CSP }));
  app.openapi(rootRoute, (c) => c.redirect('/docs', 302));
}
