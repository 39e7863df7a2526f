import worker from '../src/index.ts';
import { workedExample } from './scenarios.ts';
const body = JSON.stringify(workedExample);
async function per(make: () => Request, n = 20000) {
  const reqs = Array.from({ length: n }, make);
  for (let i = 0; i < 2000; i++) await (await worker.fetch(make())).text();
  const t = performance.now();
  for (const q of reqs) await (await worker.fetch(q)).text();
  return (((performance.now() - t) / n) * 1000).toFixed(1);
}
console.log(
  process.argv[2],
  'health',
  await per(() => new Request('http://localhost/health')),
  'post',
  await per(() => new Request('http://localhost/v1/business-case', { method: 'POST', headers: { 'content-type': 'application/json' }, body })),
);
