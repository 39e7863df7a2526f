// Bounded load: `wrangler dev` on loopback gets a fixed mix of requests (business case as JSON and CSV, the GET
// figure routes, bad inputs) from 50 concurrent connections for a fixed time. It passes with no 5xx, no connection
// error and every answer correct. `--duration=SECONDS` (default 30), `--connections=N` (default 50).
// Then saved cases beside /health (test/load/cases.ts): GET /v1/cases/{id}?format=csv and PUT with If-Match, every
// answer right and no 412 (each case is edited by one connection at a time); three rounds of the three, in turn, each
// phase duration/9 seconds (at least 2), on `--case-connections=N` (default 10). Their throughput against /health is
// printed; the benchmark (npm run bench -- --only=cases) judges it.
import { checklist, startDevServer } from '../../scripts/dev-server.ts';
import { workedExample } from '../../src/schemas/examples.ts';
import { BILLING, WORKED_GET } from '../fixtures.ts';
import { caseLoad } from './cases.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const duration = arg('duration', 30);
const connections = arg('connections', 50);
const caseConnections = arg('case-connections', 10);
const json = { 'content-type': 'application/json' };

interface Kind {
  name: string;
  path: string;
  init?: RequestInit;
  /** Whether the answer is right: the worked example's figures (docs/method.md), or the documented error. */
  correct: (status: number, body: string) => boolean;
}

const near = (text: string, value: number, within: number) => Math.abs(Number(text) - value) <= within;

const MIX: Kind[] = [
  {
    name: 'POST business case, JSON',
    path: '/v1/business-case',
    init: { method: 'POST', headers: json, body: JSON.stringify(workedExample) },
    correct: (status, body) => {
      if (status !== 200) return false;
      const r = JSON.parse(body) as {
        problems: { id: string; totalAnnualDamage: number }[];
        investments: { id: string; npv: number; paybackMonths: number }[];
      };
      return (
        r.problems[0]!.id === 'late-delivery' &&
        Math.abs(r.problems[0]!.totalAnnualDamage - 8135000) < 1e-6 &&
        Math.abs(r.investments[0]!.npv - 5096632.31) < 0.005 &&
        r.investments[1]!.paybackMonths === 1
      );
    },
  },
  {
    name: 'POST business case, CSV',
    path: '/v1/business-case?format=csv&table=investments',
    init: { method: 'POST', headers: json, body: JSON.stringify(workedExample) },
    correct: (status, body) =>
      status === 200 && body.split('\r\n')[1]!.startsWith('fix-billing,Fix the billing system,1,true,billing-errors,2444400,'),
  },
  { name: 'GET problem damage', path: `/v1/problem-damage?${BILLING}&field=totalAnnualDamage`, correct: (s, b) => s === 200 && b === '4074000' },
  {
    name: 'GET investment ROI',
    path: `/v1/investment-roi?${BILLING}&prevalenceReduction=0.6&upfrontCost=250000&annualCost=50000&field=roi`,
    correct: (s, b) => s === 200 && near(b, 13.6149, 0.00005),
  },
  {
    name: 'GET lifetime value',
    path: '/v1/lifetime-value?annualRevenue=1000&grossMargin=0.4&retentionRate=0.8&field=lifetimeValue',
    correct: (s, b) => s === 200 && near(b, 1066.6666667, 1e-6),
  },
  {
    name: 'GET business case',
    path: `/v1/business-case?${WORKED_GET}&field=totals.totalAnnualDamage`,
    correct: (s, b) => s === 200 && b === '12209000',
  },
  {
    name: 'bad: malformed JSON',
    path: '/v1/business-case',
    init: { method: 'POST', headers: json, body: '{"customers": 100000,' },
    correct: (s, b) => s === 400 && JSON.parse(b).type === '/problems/malformed-json',
  },
  {
    name: 'bad: parameter out of range',
    path: `/v1/problem-damage?${BILLING.replace('complaintRate=0.5', 'complaintRate=2')}&format=txt&field=serviceCost`,
    correct: (s, b) => s === 422 && b === 'complaintRate: must be greater than 0 and at most 1 (got 2)',
  },
  {
    name: 'bad: error in the cell',
    path: `/v1/problem-damage?${BILLING.replace('satisfied=0.4', 'satisfied=0.3')}&field=serviceCost&onError=cell`,
    correct: (s, b) => s === 200 && b.startsWith('#ERROR satisfied/mollified/dissatisfied: shares must sum to 1'),
  },
];

const { check, finish } = checklist('load');
const server = await startDevServer().catch((e: Error) => {
  check('wrangler dev starts', false, e.message);
  return finish();
});

const counts = new Map<string, { sent: number; wrong: number; failed: number; serverErrors: number }>(
  MIX.map((k) => [k.name, { sent: 0, wrong: 0, failed: 0, serverErrors: 0 }]),
);
const examples: string[] = [];
let next = 0;
const deadline = Date.now() + duration * 1000;

async function connection(): Promise<void> {
  while (Date.now() < deadline) {
    const kind = MIX[next++ % MIX.length]!;
    const c = counts.get(kind.name)!;
    c.sent++;
    try {
      const res = await fetch(server.base + kind.path, kind.init);
      const body = await res.text();
      if (res.status >= 500) c.serverErrors++;
      if (!kind.correct(res.status, body)) {
        c.wrong++;
        if (examples.length < 5) examples.push(`${kind.name}: ${res.status} ${body.slice(0, 200)}`);
      }
    } catch (e) {
      c.failed++;
      if (examples.length < 5) examples.push(`${kind.name}: ${(e as Error).message}`);
    }
  }
}

try {
  const started = Date.now();
  await Promise.all(Array.from({ length: connections }, connection));
  const seconds = (Date.now() - started) / 1000;
  const total = [...counts.values()].reduce((a, c) => a + c.sent, 0);
  console.log(`${total} requests in ${seconds.toFixed(1)} s from ${connections} connections (${(total / seconds).toFixed(0)} req/s)`);
  for (const [name, c] of counts) {
    check(
      `${name}: ${c.sent} sent, all correct, no 5xx, no connection error`,
      c.sent > 0 && c.wrong === 0 && c.failed === 0 && c.serverErrors === 0,
      JSON.stringify(c),
    );
  }
  for (const e of examples) console.log(`  e.g. ${e}`);

  const phase = Math.max(2, Math.round(duration / 9));
  const cases = await caseLoad(server.base, { seconds: phase, connections: caseConnections, rounds: 3 });
  const [csvRatio, putRatio] = [cases.caseCsv / cases.health, cases.put / cases.health];
  console.log(
    `saved cases, ${caseConnections} connections, medians of 3 rounds of ${phase} s: GET /health ${cases.health.toFixed(0)} req/s, ` +
      `GET case CSV ${cases.caseCsv.toFixed(0)} req/s (${csvRatio.toFixed(2)}×), PUT with If-Match ${cases.put.toFixed(0)} req/s (${putRatio.toFixed(2)}×, each after its GET)`,
  );
  // Speed is the benchmark's to judge (npm run bench -- --only=cases, with its targets): on a shared machine a ratio
  // measured in seconds is noise, so here it is shown, and only correctness fails the run.
  console.log(`  targets (judged by npm run bench): case CSV ≥ 0.5× (${csvRatio.toFixed(2)}×), PUT ≥ 0.2× (${putRatio.toFixed(2)}×)`);
  check(
    `saved cases: ${cases.saved} PUTs saved, every answer right, no connection error, no 412 (each case edited by one connection at a time)`,
    cases.saved > 0 && cases.errors === 0 && cases.preconditionFailed === 0,
    JSON.stringify({ errors: cases.errors, preconditionFailed: cases.preconditionFailed }),
  );
  for (const e of cases.examples) console.log(`  e.g. ${e}`);
} finally {
  server.stop();
}
finish();
