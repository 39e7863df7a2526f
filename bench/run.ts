// `npm run bench`: every benchmark of the API, each comparison measured in this one run, interleaved, after a
// warm-up, as medians, because this machine is shared and noisy: the ratios are what to quote. Prints a table and
// writes bench/results.json (a --quick or --only run writes dist/bench-partial.json instead).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import worker from '../src/index.ts';
import { startDevServer } from '../scripts/dev-server.ts';
import { generatedScenario, workedExample } from './scenarios.ts';

const quick = process.argv.includes('--quick');
// --only=requestCost,longInput,startup runs some sections, for profiling one at a time.
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wanted = (section: string) => !only || only.includes(section);
const results: Record<string, number> = {};
const rows: [string, string, string][] = [];
const record = (name: string, value: number, shown: string, target = '') => {
  results[name] = value;
  rows.push([name, shown, target]);
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/**
 * Times each function in turn, round after round, so that noise falls on all alike. `prepare` makes what one call
 * needs (a request, say) outside the timed part.
 */
async function interleaved<P = void>(
  fns: Record<string, (prepared: P) => Promise<unknown>>,
  warmup: number,
  rounds: number,
  prepare: () => P = () => undefined as P,
) {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < warmup; i++) for (const fn of Object.values(fns)) await fn(prepare());
  const names = Object.keys(fns);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length]!;
      const prepared = prepare();
      const start = performance.now();
      await fns[name]!(prepared);
      samples[name]!.push(performance.now() - start);
    }
  }
  return samples;
}

const post = (body: string) =>
  new Request('http://localhost/v1/business-case', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/**
 * The least any implementation must do, in the same process: read the body, parse it, and stringify the
 * (precomputed) answer into a response. The requests are made before the clock starts, for the API and the floor
 * alike, so that making them does not dilute the ratio.
 */
function floorHandler(answer: unknown) {
  return async (request: Request) => {
    await request.json();
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
  };
}

async function requestCost() {
  const cases = { workedExample: JSON.stringify(workedExample), large: JSON.stringify(generatedScenario(200, 100)) };
  for (const [name, body] of Object.entries(cases)) {
    const answer = await (await worker.fetch(post(body))).json();
    const floor = floorHandler(answer);
    const [warmup, rounds] = name === 'large' ? [30, quick ? 60 : 300] : [300, quick ? 500 : 3000];
    const s = await interleaved<Request>(
      { api: (req) => Promise.resolve(worker.fetch(req)).then((r) => r.text()), floor: (req) => floor(req).then((r) => r.text()) },
      warmup,
      rounds,
      () => post(body),
    );
    const ratio = median(s.api!) / median(s.floor!);
    record(`requestCost.${name}.apiMedianMs`, median(s.api!), `${median(s.api!).toFixed(3)} ms`);
    record(`requestCost.${name}.floorMedianMs`, median(s.floor!), `${median(s.floor!).toFixed(3)} ms`);
    record(`requestCost.${name}.ratio`, ratio, `${ratio.toFixed(2)}×`, '≤ 2.5');
    if (name === 'large') {
      record('cpuBudget.large.medianMs', median(s.api!), `${median(s.api!).toFixed(2)} ms`, '≤ 10 ms');
      record('cpuBudget.large.p99Ms', percentile(s.api!, 99), `${percentile(s.api!, 99).toFixed(2)} ms`, '≤ 10 ms');
      record('cpuBudget.large.headroom', 10 / median(s.api!), `${(10 / median(s.api!)).toFixed(1)}× under 10 ms`);
      record('cpuBudget.large.requestBytes', body.length, `${body.length} B request`);
      record('cpuBudget.large.responseBytes', JSON.stringify(answer).length, `${JSON.stringify(answer).length} B answer`);
    }
  }
}

/** A 100,000-character number is refused before it is read: no dearer than a short mistake, many times over. */
async function longInput() {
  const base = 'http://localhost/v1/problem-damage?lifetimeValue=500&prevalence=0.12&complaintRate=0.5&satisfied=0.4&mollified=0.2&dissatisfied=0.4';
  const long = `${base}&customers=${'1'.repeat(100_000)}`;
  const short = `${base}&customers=1x`;
  const get = (url: string) => () => Promise.resolve(worker.fetch(new Request(url))).then((r) => r.text());
  const s = await interleaved({ long: get(long), short: get(short) }, 50, quick ? 100 : 1000);
  const ratio = median(s.long!) / median(s.short!);
  record('longInput.long.medianMs', median(s.long!), `${median(s.long!).toFixed(3)} ms (100,000-character number)`);
  record('longInput.short.medianMs', median(s.short!), `${median(s.short!).toFixed(3)} ms (2-character mistake)`);
  record('longInput.ratio', ratio, `${ratio.toFixed(2)}×`, '≤ 10');
}

async function scaling() {
  const points: { cells: number; ms: number }[] = [];
  for (const p of [10, 50, 200]) {
    for (const i of [5, 20, 100]) {
      const body = JSON.stringify(generatedScenario(p, i));
      const rounds = quick ? 20 : Math.max(30, Math.round(40000 / (p * i)));
      const s = await interleaved({ api: () => Promise.resolve(worker.fetch(post(body))).then((r) => r.text()) }, 10, rounds);
      points.push({ cells: p * i, ms: median(s.api!) });
      record(`scaling.${p}x${i}.medianMs`, median(s.api!), `${median(s.api!).toFixed(3)} ms`);
    }
  }
  // Least squares of log(time) on log(problems × investments).
  const xs = points.map((q) => Math.log(q.cells));
  const ys = points.map((q) => Math.log(q.ms));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  const k = xs.reduce((acc, x, j) => acc + (x - mx) * (ys[j]! - my), 0) / xs.reduce((acc, x) => acc + (x - mx) ** 2, 0);
  record('scaling.exponent', k, `time ∝ (problems × investments)^${k.toFixed(2)}`, '≤ 1');
}

async function throughput() {
  const server = await startDevServer();
  try {
    const duration = quick ? 2 : 5;
    const run = (path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) =>
      autocannon({ url: server.base + path, connections: 10, duration, ...init });
    const postInit = { method: 'POST', body: JSON.stringify(workedExample), headers: { 'content-type': 'application/json' } };
    const health: number[] = [];
    const business: number[] = [];
    let failures = 0;
    for (let round = 0; round < 2; round++) {
      const h = await run('/health');
      const b = await run('/v1/business-case', postInit);
      health.push(h.requests.average);
      business.push(b.requests.average);
      failures += h.non2xx + h.errors + b.non2xx + b.errors;
    }
    const ratio = median(business) / median(health);
    record('throughput.health.requestsPerSecond', median(health), `${median(health).toFixed(0)} req/s`);
    record('throughput.businessCase.requestsPerSecond', median(business), `${median(business).toFixed(0)} req/s`);
    record('throughput.ratio', ratio, `${ratio.toFixed(2)}×`, '≥ 0.8');
    record('throughput.failures', failures, `${failures} non-2xx or errors`, '0');
  } finally {
    server.stop();
  }
}

function wrangler(args: string[], cwd = '.') {
  const result = spawnSync('wrangler', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  });
  if (result.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed:\n${result.stderr}`);
}

/**
 * CPU time of a start-up profile: the samples that are not idle. `total` counts them all; `execution` leaves out
 * the first one, whose interval runs from the profiler's start to the first tick and swings by ±5 ms from run to
 * run with whatever else the machine is doing, so that what remains is the Worker's own top-level code.
 */
function startupMs(profileFile: string): { total: number; execution: number } {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const busy = profile.samples.map((id, i) => (idle.has(id) ? 0 : profile.timeDeltas[i]!)).filter((d) => d > 0);
  const total = busy.reduce((a, b) => a + b, 0) / 1000;
  return { total, execution: total - (busy[0] ?? 0) / 1000 };
}

async function bundleAndStartup() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  const workers = { api: '.', baseline: 'bench/baseline' };
  const gzip: Record<string, number> = {};
  for (const [name, cwd] of Object.entries(workers)) {
    wrangler(['deploy', '--dry-run', '--minify', '--outdir', join(dir, name)], cwd);
    gzip[name] = gzipSync(readFileSync(join(dir, name, 'index.js'))).length;
  }
  record('bundle.api.gzipBytes', gzip.api!, `${(gzip.api! / 1024).toFixed(1)} KiB gzip`);
  record('bundle.baseline.gzipBytes', gzip.baseline!, `${(gzip.baseline! / 1024).toFixed(1)} KiB gzip`);
  record('bundle.ratio', gzip.api! / gzip.baseline!, `${(gzip.api! / gzip.baseline!).toFixed(2)}×`, '≤ 1.5');

  const total: Record<string, number[]> = { api: [], baseline: [] };
  const execution: Record<string, number[]> = { api: [], baseline: [] };
  for (let round = 0; round < (quick ? 3 : 15); round++) {
    for (const [name, cwd] of Object.entries(workers)) {
      const file = join(dir, `${name}-${round}.cpuprofile`);
      wrangler(['check', 'startup', '--outfile', file], cwd);
      const ms = startupMs(file);
      total[name]!.push(ms.total);
      execution[name]!.push(ms.execution);
    }
  }
  for (const [label, samples] of [
    ['total', total],
    ['execution', execution],
  ] as const) {
    const ratio = median(samples.api!) / median(samples.baseline!);
    record(`startup.${label}.api.ms`, median(samples.api!), `${median(samples.api!).toFixed(1)} ms`);
    record(`startup.${label}.baseline.ms`, median(samples.baseline!), `${median(samples.baseline!).toFixed(1)} ms`);
    record(`startup.${label}.ratio`, ratio, `${ratio.toFixed(2)}×`, '≤ 1.3');
  }
}

if (wanted('requestCost')) await requestCost();
if (wanted('longInput')) await longInput();
if (wanted('scaling')) await scaling();
if (wanted('throughput')) await throughput();
if (wanted('startup')) await bundleAndStartup();

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\n${'figure'.padEnd(width)}  ${'measured'.padEnd(34)}  target`);
for (const [name, shown, target] of rows) console.log(`${name.padEnd(width)}  ${shown.padEnd(34)}  ${target}`);
// Only a full run of every section stands for the project; a quick or partial one is kept aside.
const file = quick || only ? 'dist/bench-partial.json' : 'bench/results.json';
mkdirSync('dist', { recursive: true });
writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, quick, only, results }, null, 2)}\n`);
console.log(`\nWrote ${file}`);
