// Starts the API as `npm run dev` does (wrangler dev, local) and checks, as a browser and a client would, what the
// in-workerd tests cannot reach: the docs page's static assets, and the worked example over real HTTP.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { workedExample } from '../src/schemas/examples.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const [port, inspectorPort] = [await freePort(), await freePort()];
const base = `http://127.0.0.1:${port}`;
const dev = spawn('wrangler', ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--log-level', 'warn'], {
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});

let failures = 0;
let passed = 0;
function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed++;
  else failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('wrangler dev did not answer /health within 60 s');
}

try {
  await waitForHealth();

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
  check('smoke test ran', false, (e as Error).message);
} finally {
  process.kill(-dev.pid!, 'SIGTERM');
}

console.log(`smoke: ${passed} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
