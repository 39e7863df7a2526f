// Checks, as a browser and a client would, what the in-workerd tests cannot reach: the docs page's static assets
// served by `wrangler dev`, and the worked example over real HTTP.
import { workedExample } from '../src/schemas/examples.ts';
import { checklist, startDevServer } from './dev-server.ts';

const { check, finish } = checklist('smoke');
const server = await startDevServer().catch((e: Error) => {
  check('wrangler dev starts', false, e.message);
  return finish();
});
const { base } = server;

try {
  const docs = await fetch(`${base}/docs`);
  const html = await docs.text();
  check('GET /docs is an HTML page', docs.status === 200 && /text\/html/.test(docs.headers.get('content-type') ?? ''));
  for (const asset of html.matchAll(/(?:src|href)="(\/[^"]+)"/g)) {
    const res = await fetch(base + asset[1]);
    const size = (await res.arrayBuffer()).byteLength;
    check(`docs asset ${asset[1]} is served by the Worker`, res.status === 200 && size > 0, `status ${res.status}, ${size} bytes`);
  }
  const init = await (await fetch(`${base}/docs/init.js`)).text();
  check('the docs page loads this origin’s /openapi.json', init.includes("url: '/openapi.json'"));

  const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { openapi: string };
  check('GET /openapi.json is OpenAPI 3.1', doc.openapi === '3.1.0');

  const res = await fetch(`${base}/v1/business-case`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(workedExample),
  });
  const body = (await res.json()) as { problems: { id: string; totalAnnualDamage: number }[]; investments: { id: string; npv: number }[] };
  check('POST /v1/business-case answers the worked example', res.status === 200 && body.problems[0]?.id === 'late-delivery');
  check('late-delivery damage is 8,135,000', Math.abs((body.problems[0]?.totalAnnualDamage ?? 0) - 8135000) < 1e-6);
  check('fix-billing npv is 5,096,632.31', Math.abs((body.investments[0]?.npv ?? 0) - 5096632.31) < 0.005);
} catch (e) {
  check('smoke test ran to the end', false, (e as Error).message);
} finally {
  server.stop();
}
finish();
