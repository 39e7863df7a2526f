// The smallest Worker on the same stack: Hono and @hono/zod-openapi with one validated route. The bundle and
// start-up benchmarks divide this project's figures by this one's.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';

const app = new OpenAPIHono();

app.openapi(
  createRoute({
    method: 'post',
    path: '/echo',
    request: { body: { required: true, content: { 'application/json': { schema: z.object({ value: z.number() }) } } } },
    responses: { 200: { description: 'The value', content: { 'application/json': { schema: z.object({ value: z.number() }) } } } },
  }),
  (c) => c.json({ value: c.req.valid('json').value }, 200),
);

export default app;
