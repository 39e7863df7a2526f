import { z } from '@hono/zod-openapi';
// Rendered from docs/method.md at build time (scripts/build-method.mjs) into public/method.html: no markdown library
// runs in the Worker, and the page is a static asset, not part of its code.
import { METHOD_STYLE_HASH } from '../generated/method-html.ts';
import { problemResponses } from './responses.ts';
import { cached } from '../http/cache.ts';
import { defineRoute, type Mount } from '../http/routes.ts';

/** The page runs nothing and loads nothing: its one inline <style> element, by hash, is all it may use. */
export const METHOD_CSP = [
  "default-src 'none'",
  `style-src '${METHOD_STYLE_HASH}'`,
  'img-src data:',
  "script-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const methodRoute = defineRoute({ method: 'get', path: '/method', middleware: cached }, () => ({
  operationId: 'getMethodPage',
  tags: ['Service'],
  summary: 'Read the method: the arithmetic, its sources and a worked example',
  description:
    'A readable page with the whole arithmetic of the business-case model (version 2) as this API computes it: the inputs and ' +
    'their rules, the damage of one problem, what an investment is worth, the defaults and their sources, the choices the model ' +
    'leaves open, and the worked example with its figures. Its sections can be linked to: `/method#inputs`, `#damage`, ' +
    '`#investment`, `#assumptions`, `#worked-example`, `#choices`, `#sources`.',
  responses: { 200: { description: 'The method page', content: { 'text/html': { schema: z.string() } } }, ...problemResponses() },
}));

export function registerMethod(app: Mount) {
  app.openapi(methodRoute, async (c) => {
    const page = await c.env.ASSETS.fetch(new URL('/method.html', c.req.url));
    if (!page.ok) throw new Error(`The method page is missing from the static assets (${page.status}): run npm run method.`);
    return c.body(await page.text(), 200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': METHOD_CSP });
  });
}
