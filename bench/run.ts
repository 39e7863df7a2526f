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
import { businessCase } from '../src/model/business-case.ts';
import { LIMITS, maxSamples, SENSITIVITY } from '../src/model/defaults.ts';
import { evaluate } from '../src/model/evaluate.ts';
import { irr } from '../src/model/finance.ts';
import { EXACT_LIMIT, Optimiser } from '../src/model/portfolio/optimise.ts';
import { resolve } from '../src/model/resolve.ts';
import { breakEvens } from '../src/model/uncertainty/break-even.ts';
import { en } from '../src/report/messages/en.ts';
import { reportPage } from '../src/report/page.tsx';
import { startDevServer } from '../scripts/dev-server.ts';
import { caseLoad } from '../test/load/cases.ts';
import { generatedScenario, portfolioScenario, rangedExample, rangedInputs, rangedScenario, targetedPairs, workedExample } from './scenarios.ts';

const quick = process.argv.includes('--quick');
// --only=requestCost,longInput,startup runs some sections, for profiling one at a time. The sections: requestCost,
// longInput, scaling, simulation, tornado, breakEven, sampleScaling, portfolio, report, memory, throughput, cases,
// startup.
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wanted = (section: string) => !only || only.includes(section);
const results: Record<string, number> = {};
/** Each figure that has a target: the target, and whether this run met it. */
const verdicts: Record<string, { target: string; met: boolean }> = {};
const rows: [string, string, string][] = [];

/**
 * Whether a figure meets its target, read from the target as written: `≤ 2.5`, `≥ 0.8`, `≤ 10 ms`, `≤ 20%` (a
 * figure recorded as a fraction), or a bare number the figure must equal. Undefined for a target it cannot read.
 */
function meets(value: number, target: string): boolean | undefined {
  const m = /^(≤|≥)?\s*(-?[\d.,]+)\s*(%?)/.exec(target);
  if (!m) return undefined;
  const bound = Number(m[2]!.replaceAll(',', '')) / (m[3] ? 100 : 1);
  return m[1] === '≤' ? value <= bound : m[1] === '≥' ? value >= bound : value === bound;
}

const record = (name: string, value: number, shown: string, target = '') => {
  results[name] = value;
  const met = target ? meets(value, target) : undefined;
  if (met !== undefined) verdicts[name] = { target, met };
  rows.push([name, shown, met === undefined ? target : `${target} ${met ? '✔' : '✘'}`]);
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
  const k = exponent(points.map((q) => ({ x: q.cells, y: q.ms })));
  record('scaling.exponent', k, `time ∝ (problems × investments)^${k.toFixed(2)}`, '≤ 1');
}

/** The least-squares slope k of log y on log x: y ∝ x^k. */
function exponent(points: { x: number; y: number }[]) {
  const xs = points.map((q) => Math.log(q.x));
  const ys = points.map((q) => Math.log(q.y));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  return xs.reduce((acc, x, j) => acc + (x - mx) * (ys[j]! - my), 0) / xs.reduce((acc, x) => acc + (x - mx) ** 2, 0);
}

const send = (req: Request) => Promise.resolve(worker.fetch(req)).then((r) => r.text());

/**
 * Monte Carlo through the Worker, end to end: the worked example with its 8 inputs ranged and 10,000 samples
 * (src/schemas/examples.ts, rangedExample), and 1,000 samples of the 200 × 100 scenario with every prevalence
 * ranged, interleaved.
 */
async function simulation() {
  const cases = [
    { name: 'workedExample', body: JSON.stringify(rangedExample), budget: 25, samples: rangedExample.simulation.samples },
    { name: 'large', body: JSON.stringify(rangedScenario(200, 100, 1000)), budget: 150, samples: 1000 },
  ];
  const s = await interleaved<Record<string, Request>>(
    Object.fromEntries(cases.map((c) => [c.name, (reqs: Record<string, Request>) => send(reqs[c.name]!)])),
    2,
    quick ? 7 : 15,
    () => Object.fromEntries(cases.map((c) => [c.name, post(c.body)])),
  );
  for (const c of cases) {
    const ms = median(s[c.name]!);
    record(`simulation.${c.name}.medianMs`, ms, `${ms.toFixed(1)} ms (${c.samples} samples)`, `≤ ${c.budget} ms`);
    record(`simulation.${c.name}.usPerSample`, (ms * 1000) / c.samples, `${((ms * 1000) / c.samples).toFixed(2)} µs per sample`);
  }
}

/**
 * The tornado of the 200 × 100 scenario, every input without a range swung 20 %, beside the same request without
 * it, and the model call alone (businessCase, with the top 10 the schema defaults to) for where the time goes.
 */
async function tornado() {
  const scenario = { ...generatedScenario(200, 100), sensitivity: { swing: 0.2 } };
  const plain = JSON.stringify(generatedScenario(200, 100));
  const swung = JSON.stringify(scenario);
  const model = { ...scenario, sensitivity: { ...scenario.sensitivity, ...SENSITIVITY } };
  const s = await interleaved<{ plain: Request; swung: Request }>(
    { swung: (r) => send(r.swung), plain: (r) => send(r.plain), model: () => Promise.resolve(businessCase(model)) },
    2,
    quick ? 7 : 21,
    () => ({ plain: post(plain), swung: post(swung) }),
  );
  record('tornado.large.medianMs', median(s.swung!), `${median(s.swung!).toFixed(1)} ms (swing 0.2)`, '≤ 40 ms');
  record('tornado.large.plainMedianMs', median(s.plain!), `${median(s.plain!).toFixed(1)} ms without the tornado`);
  record('tornado.large.modelMedianMs', median(s.model!), `${median(s.model!).toFixed(1)} ms, businessCase alone`);
}

/**
 * What break-even and IRR add to the plain 200 × 100 request. The model computes them on every request, so there
 * is no request without them to time; instead their own calls (irr of each investment's yearly flows, and
 * breakEvens of each investment, exactly as businessCase makes them, on the same resolved scenario and evaluation)
 * are timed in this process, interleaved with the whole request through the Worker and with the model call alone
 * (businessCase), and so is writing their part of the answer (JSON.stringify of each investment's irr and breakEven,
 * as the answer carries them). What they add is the sum t of both over the rest of the request: t / (request − t).
 */
async function breakEven() {
  const scenario = generatedScenario(200, 100);
  const body = JSON.stringify(scenario);
  const { inputs } = resolve(scenario);
  const e = evaluate(inputs);
  const written = businessCase(scenario).investments.map(({ irr, breakEven }) => ({ irr, breakEven }));
  let found = 0;
  const breakEvenAndIrr = () => {
    e.investments.forEach((f, k) => {
      if (irr(f.years.map((y) => y.net)) !== null) found++;
      found += breakEvens(inputs, k, f, e.problems).length;
    });
  };
  const s = await interleaved<Request>(
    {
      request: send,
      model: () => Promise.resolve(businessCase(scenario)),
      breakEvenAndIrr: () => Promise.resolve(breakEvenAndIrr()),
      written: () => Promise.resolve(JSON.stringify(written)),
    },
    30,
    quick ? 30 : 200,
    () => post(body),
  );
  if (found === 0) throw new Error('no break-even or IRR was computed');
  const [request, model, computed, write] = [median(s.request!), median(s.model!), median(s.breakEvenAndIrr!), median(s.written!)];
  const added = computed + write;
  record('breakEven.large.requestMedianMs', request, `${request.toFixed(3)} ms, the whole request`);
  record('breakEven.large.modelMedianMs', model, `${model.toFixed(3)} ms, businessCase alone`);
  record('breakEven.large.breakEvenAndIrrMedianMs', computed, `${computed.toFixed(3)} ms, break-even and IRR alone`);
  record('breakEven.large.writtenMedianMs', write, `${write.toFixed(3)} ms, their part of the answer written`);
  record('breakEven.large.ofModel', computed / (model - computed), `+${((100 * computed) / (model - computed)).toFixed(1)}% on the model call`);
  record('breakEven.large.added', added / (request - added), `+${((100 * added) / (request - added)).toFixed(1)}% on the request`, '≤ 20%');
}

/**
 * The cost of one sample as the scenario grows: 1,000 and 100 samples of generatedScenario(p, i) with every
 * prevalence and every third investment's effect ranged, interleaved; the difference over 900 samples is the cost
 * of a sample with the request's fixed part (validation, the tornado of the ranged inputs, the answer) taken out.
 * A sample redraws every ranged input and recomputes each problem and each problem–investment pair, so its cost
 * should grow no faster than problems + targeted pairs: time ∝ that size^k, k ≤ 1 (1.1 for the noise). Its cost per
 * (problems + pairs) is shown too, with the draws a sample makes (one per ranged input): they are fewer than the
 * problems and pairs but each costs more, and weigh most in a small scenario.
 */
async function sampleScaling() {
  const sizes = [
    [10, 5],
    [50, 20],
    [200, 100],
  ] as const;
  const bodies: Record<string, string> = {};
  for (const [p, i] of sizes) {
    for (const samples of [100, 1000]) bodies[`${p}x${i}x${samples}`] = JSON.stringify(rangedScenario(p, i, samples, { effects: true }));
  }
  const s = await interleaved<Record<string, Request>>(
    Object.fromEntries(Object.keys(bodies).map((name) => [name, (reqs: Record<string, Request>) => send(reqs[name]!)])),
    2,
    quick ? 7 : 15,
    () => Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, post(body)])),
  );
  const points: { x: number; y: number }[] = [];
  for (const [p, i] of sizes) {
    const size = p + targetedPairs(generatedScenario(p, i));
    const draws = rangedInputs(rangedScenario(p, i, 1000, { effects: true }));
    const [many, few] = [median(s[`${p}x${i}x1000`]!), median(s[`${p}x${i}x100`]!)];
    const perSample = (many - few) / 900;
    points.push({ x: size, y: perSample });
    record(`sampleScaling.${p}x${i}.medianMs`, many, `${many.toFixed(2)} ms (1,000 samples; 100: ${few.toFixed(2)} ms)`);
    record(`sampleScaling.${p}x${i}.msPerSample`, many / 1000, `${many.toFixed(1)} µs per sample, whole request`);
    record(`sampleScaling.${p}x${i}.marginalMsPerSample`, perSample, `${(1000 * perSample).toFixed(1)} µs per further sample (${draws} draws)`);
    record(
      `sampleScaling.${p}x${i}.msPerSamplePerSize`,
      perSample / size,
      `${((1e6 * perSample) / size).toFixed(1)} ns per sample per (problems + pairs = ${size})`,
    );
  }
  const k = exponent(points);
  record('sampleScaling.exponent', k, `per sample ∝ (problems + pairs)^${k.toFixed(2)}`, '≤ 1.1');
}

/** The chosen portfolio's method, read from an answer: checks that a case takes the path it is meant to time. */
async function methodOf(body: string): Promise<string> {
  const answer = (await (await worker.fetch(post(body))).json()) as { portfolio?: { method?: string } };
  const method = answer.portfolio?.method;
  if (!method) throw new Error(`no portfolio in the answer to ${body.slice(0, 80)}…`);
  return method;
}

/**
 * The portfolio (MODEL.md §9), through the Worker: the worked example with `portfolio: {}` beside the same request
 * without it; 16 free investments over 50 problems (generatedScenario(50, 16)) with upfront capped at a third of
 * their total, chosen by the exact search; generatedScenario(200, 100) with `portfolio: {}`, chosen by the ladder
 * improved by single additions and removals, with the ladder's own cost (Optimiser.ladder on the resolved scenario
 * and its evaluation, in this process) and the model call (businessCase) beside it. Then, in this process, the
 * heuristic against the exact search on 16–20 free investments (portfolioScenario: several seeds and budgets,
 * overlapping targets, some effects reinforcing each other): the worst and mean relative npv gap, and how often the
 * heuristic's set is as good (within the method's 1e-9 tie).
 */
async function portfolio() {
  // The worked example, with and without the portfolio: a small request, so many rounds.
  const plain = JSON.stringify(workedExample);
  const chosen = JSON.stringify({ ...workedExample, portfolio: {} });
  if ((await methodOf(chosen)) !== 'exact') throw new Error('the worked example’s portfolio is not exact');
  const small = await interleaved<{ plain: Request; chosen: Request }>(
    { chosen: (r) => send(r.chosen), plain: (r) => send(r.plain) },
    300,
    quick ? 300 : 2000,
    () => ({ plain: post(plain), chosen: post(chosen) }),
  );
  const ratio = median(small.chosen!) / median(small.plain!);
  record('portfolio.workedExample.medianMs', median(small.chosen!), `${median(small.chosen!).toFixed(3)} ms with portfolio: {}`);
  record('portfolio.workedExample.plainMedianMs', median(small.plain!), `${median(small.plain!).toFixed(3)} ms without`);
  record('portfolio.workedExample.ratio', ratio, `${ratio.toFixed(2)}×`, '≤ 1.5');

  // 16 free investments, exact, upfront capped at a third of their total; and 200 × 100, heuristic.
  const exactScenario = generatedScenario(50, EXACT_LIMIT);
  const upfrontTotal = exactScenario.investments.reduce((sum, inv) => sum + inv.cost.upfront, 0);
  const exactModel = { ...exactScenario, portfolio: { budget: { upfront: upfrontTotal / 3 } } };
  const exactBody = JSON.stringify(exactModel);
  const large = generatedScenario(200, 100);
  const largeBody = JSON.stringify({ ...large, portfolio: {} });
  const largePlain = JSON.stringify(large);
  if ((await methodOf(exactBody)) !== 'exact') throw new Error('the 16-investment portfolio is not exact');
  if ((await methodOf(largeBody)) !== 'heuristic') throw new Error('the 200 × 100 portfolio is not heuristic');
  const { inputs } = resolve(large);
  const e = evaluate(inputs);
  const free = inputs.investments.map((_, k) => k);
  let rungs = 0;
  const model = { ...large, portfolio: {} };
  const s = await interleaved<{ exact: Request; large: Request; plain: Request }>(
    {
      exact: (r) => send(r.exact),
      exactModel: () => Promise.resolve(businessCase(exactModel)),
      large: (r) => send(r.large),
      plain: (r) => send(r.plain),
      model: () => Promise.resolve(businessCase(model)),
      ladder: () =>
        Promise.resolve().then(() => {
          rungs = new Optimiser(inputs, e).ladder([], free).steps.length;
        }),
    },
    3,
    quick ? 7 : 15,
    () => ({ exact: post(exactBody), large: post(largeBody), plain: post(largePlain) }),
  );
  const [exactMs, exactModelMs, largeMs, plainMs, modelMs, ladderMs] = [s.exact, s.exactModel, s.large, s.plain, s.model, s.ladder].map((x) =>
    median(x!),
  ) as [number, number, number, number, number, number];
  record('portfolio.exact16x50.medianMs', exactMs, `${exactMs.toFixed(2)} ms (exact, upfront ≤ ⅓)`, '≤ 20 ms');
  record('portfolio.exact16x50.modelMedianMs', exactModelMs, `${exactModelMs.toFixed(2)} ms, businessCase alone`);
  record('portfolio.large.medianMs', largeMs, `${largeMs.toFixed(2)} ms (heuristic, 200 × 100)`, '≤ 50 ms');
  record('portfolio.large.plainMedianMs', plainMs, `${plainMs.toFixed(2)} ms without the portfolio`);
  record('portfolio.large.modelMedianMs', modelMs, `${modelMs.toFixed(2)} ms, businessCase alone`);
  record('portfolio.large.ladderMedianMs', ladderMs, `${ladderMs.toFixed(2)} ms, ladder alone (${rungs} rungs)`);
  record(
    'portfolio.large.ladderShare',
    ladderMs / (largeMs - plainMs),
    `${((100 * ladderMs) / (largeMs - plainMs)).toFixed(0)}% of the portfolio's cost`,
  );

  // The heuristic against the exact search, in this process: every set of 16–20 free investments tried.
  const gaps: number[] = [];
  let optimal = 0;
  let exactTime = 0;
  let heuristicTime = 0;
  for (const seed of [1, 2, 3]) {
    for (let n = 16; n <= 20; n++) {
      const scenario = portfolioScenario(20 + 10 * ((seed + n) % 5), n, seed * 100 + n);
      const r = resolve(scenario).inputs;
      const ev = evaluate(r);
      const all = r.investments.map((_, k) => k);
      const upfront = r.investments.reduce((sum, inv) => sum + inv.upfront, 0);
      const annual = r.investments.reduce((sum, inv) => sum + inv.annual, 0);
      for (const budget of [{}, { upfront: upfront / 6 }, { upfront: upfront / 3 }, { upfront: upfront / 3, annual: annual / 4 }]) {
        const o = new Optimiser(r, ev, budget);
        let start = performance.now();
        const best = o.exact([], all);
        exactTime += performance.now() - start;
        start = performance.now();
        const found = o.improve(o.ladder([], all).set, all);
        heuristicTime += performance.now() - start;
        const gap = (best.npv - found.npv) / Math.max(Math.abs(best.npv), 1);
        if (gap < -1e-9) throw new Error(`the heuristic beat the exact search (seed ${seed}, ${n} investments)`);
        gaps.push(Math.max(gap, 0));
        if (gap <= 1e-9) optimal++;
      }
    }
  }
  const worst = Math.max(...gaps);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  record('portfolio.gap.cases', gaps.length, `${gaps.length} cases, 16–20 free, exact ${(exactTime / 1000).toFixed(1)} s`);
  record('portfolio.gap.worst', worst, `${(100 * worst).toFixed(3)}% worst npv gap`);
  record('portfolio.gap.mean', mean, `${(100 * mean).toFixed(4)}% mean npv gap`);
  record('portfolio.gap.optimalShare', optimal / gaps.length, `${optimal}/${gaps.length} exactly optimal`);
  record('portfolio.gap.heuristicMs', heuristicTime / gaps.length, `${(heuristicTime / gaps.length).toFixed(2)} ms per heuristic choice`);
}

const postTo = (path: string, body: string) =>
  new Request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** Reads a report's answer, failing loudly when it is not the page (a refused body would time an error). */
async function page(response: Response | Promise<Response>): Promise<string> {
  const r = await response;
  const text = await r.text();
  if (r.status !== 200 || !text.startsWith('<!doctype html>')) throw new Error(`the report answered ${r.status}: ${text.slice(0, 200)}`);
  return text;
}

/**
 * The CFO report (POST /v1/report), through the Worker. The worked example's page, its median and p99 against a
 * budget of its own (5 ms), the JSON answer beside it for scale. Then the 200 × 100 scenario with a portfolio (upfront capped at a third of the total)
 * and a tornado (swing 0.2): its page against the JSON answer of POST /v1/business-case to the same body,
 * interleaved; with, in this process, the model call alone (businessCase, with the report's settings) and the page
 * alone (reportPage of that result, in English), for where the time goes.
 */
async function report() {
  const small = JSON.stringify(workedExample);
  const smallPage = await page(worker.fetch(postTo('/v1/report?lang=en', small)));
  const s = await interleaved<{ report: Request; json: Request }>(
    { report: (r) => page(worker.fetch(r.report)), json: (r) => send(r.json) },
    100,
    quick ? 200 : 2000,
    () => ({ report: postTo('/v1/report?lang=en', small), json: post(small) }),
  );
  record('report.workedExample.medianMs', median(s.report!), `${median(s.report!).toFixed(3)} ms (${smallPage.length} B page)`, '≤ 5 ms');
  record('report.workedExample.p99Ms', percentile(s.report!, 99), `${percentile(s.report!, 99).toFixed(3)} ms p99`);
  record('report.workedExample.jsonMedianMs', median(s.json!), `${median(s.json!).toFixed(3)} ms, the JSON answer`);

  const large = generatedScenario(200, 100);
  const upfront = large.investments.reduce((sum, inv) => sum + inv.cost.upfront, 0);
  const scenario = { ...large, portfolio: { budget: { upfront: upfront / 3 } }, sensitivity: { swing: 0.2 } };
  const body = JSON.stringify(scenario);
  const largePage = await page(worker.fetch(postTo('/v1/report?lang=en', body)));
  const answer = (await (await worker.fetch(post(body))).json()) as { portfolio?: unknown; tornado?: unknown };
  if (!answer.portfolio) throw new Error('no portfolio in the 200 × 100 answer');
  const model = { ...scenario, sensitivity: { ...SENSITIVITY, ...scenario.sensitivity } };
  const result = businessCase(model);
  const pageAlone = () => reportPage({ result, scenario: scenario as never, messages: en, swing: 0.2, madeAt: new Date() });
  const l = await interleaved<{ report: Request; json: Request }>(
    {
      report: (r) => page(worker.fetch(r.report)),
      json: (r) => send(r.json),
      model: () => Promise.resolve(businessCase(model)),
      page: () => Promise.resolve(pageAlone()),
    },
    3,
    quick ? 7 : 21,
    () => ({ report: postTo('/v1/report?lang=en', body), json: post(body) }),
  );
  const [reportMs, jsonMs, modelMs, pageMs] = [l.report, l.json, l.model, l.page].map((x) => median(x!)) as [number, number, number, number];
  record('report.large.medianMs', reportMs, `${reportMs.toFixed(2)} ms (200 × 100, portfolio, swing 0.2; ${largePage.length} B)`);
  record('report.large.jsonMedianMs', jsonMs, `${jsonMs.toFixed(2)} ms, the JSON answer`);
  record('report.large.modelMedianMs', modelMs, `${modelMs.toFixed(2)} ms, businessCase alone`);
  record('report.large.pageMedianMs', pageMs, `${pageMs.toFixed(2)} ms, reportPage alone`);
  record('report.large.ratio', reportMs / jsonMs, `${(reportMs / jsonMs).toFixed(2)}× the JSON answer`, '≤ 2');
}

/**
 * The memory of the largest requests accepted: the 200 × 100 scenario at the most samples it may have
 * (floor(3,000,000 / 301) = 9,966) and 100,000 samples of a 10 × 10 one, every prevalence and every third effect
 * ranged. Measured in a Node process of its own (bench/memory.ts says how), not in workerd: the peak of what the
 * model call and the whole request hold live, against the 64 MB of heap a request may take here, and the whole
 * process's, against the 128 MB a Worker's isolate may use.
 */
function memory() {
  const cases = [`200x100x${maxSamples(200, 100)}`, `10x10x${Math.min(100_000, maxSamples(10, 10))}`];
  type Figures = { peakLiveBytes: number; peakWholeBytes: number; retainedBytes: number; collections: number };
  const MB = 1e6;
  for (const name of cases) {
    // Each case in a process of its own, so that none inherits what another left.
    const child = spawnSync(
      process.execPath,
      ['--import', './scripts/tsx-hooks.mjs', '--expose-gc', '--max-semi-space-size=1', 'bench/memory.ts', name],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`bench/memory.ts failed:\n${child.stderr}`);
    const m = (JSON.parse(child.stdout) as Record<string, { simulatedValues: number; model: Figures; request: Figures }>)[name]!;
    const arrays = (m.simulatedValues * 8) / MB;
    record(
      `memory.${name}.simulatedValues`,
      m.simulatedValues,
      `${m.simulatedValues} values (cap ${LIMITS.simulatedValues}), ${arrays.toFixed(1)} MB`,
    );
    for (const part of ['model', 'request'] as const) {
      const f = m[part];
      record(
        `memory.${name}.${part}.peakMB`,
        f.peakLiveBytes / MB,
        `${(f.peakLiveBytes / MB).toFixed(1)} MB peak (${f.collections} readings)`,
        '≤ 64 MB',
      );
      record(`memory.${name}.${part}.peakWholeMB`, f.peakWholeBytes / MB, `${(f.peakWholeBytes / MB).toFixed(1)} MB, the whole process`, '≤ 128 MB');
      record(`memory.${name}.${part}.retainedMB`, f.retainedBytes / MB, `${(f.retainedBytes / MB).toFixed(2)} MB held by the result`);
    }
  }
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

/**
 * Saved cases through `npm run dev` (local D1), against GET /health on the same server (test/load/cases.ts, which
 * the load run uses too): GET /v1/cases/{id}?format=csv, and PUT with If-Match, each connection re-reading the case
 * for its ETag before each PUT.
 */
async function cases() {
  const server = await startDevServer();
  try {
    const r = await caseLoad(server.base, { seconds: quick ? 2 : 5, connections: 10, rounds: 3 });
    record('cases.health.requestsPerSecond', r.health, `${r.health.toFixed(0)} req/s`);
    record('cases.caseCsv.requestsPerSecond', r.caseCsv, `${r.caseCsv.toFixed(0)} req/s, GET ?format=csv`);
    record('cases.put.requestsPerSecond', r.put, `${r.put.toFixed(0)} req/s, PUT with If-Match`);
    record('cases.caseCsv.ratio', r.caseCsv / r.health, `${(r.caseCsv / r.health).toFixed(2)}× /health`, '≥ 0.5');
    record('cases.put.ratio', r.put / r.health, `${(r.put / r.health).toFixed(2)}× /health`, '≥ 0.2');
    record('cases.failures', r.errors + r.preconditionFailed, `${r.errors} wrong or failed, ${r.preconditionFailed} 412`, '0');
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
if (wanted('simulation')) await simulation();
if (wanted('tornado')) await tornado();
if (wanted('breakEven')) await breakEven();
if (wanted('sampleScaling')) await sampleScaling();
if (wanted('portfolio')) await portfolio();
if (wanted('report')) await report();
if (wanted('memory')) memory();
if (wanted('throughput')) await throughput();
if (wanted('cases')) await cases();
if (wanted('startup')) await bundleAndStartup();

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\n${'figure'.padEnd(width)}  ${'measured'.padEnd(34)}  target`);
for (const [name, shown, target] of rows) console.log(`${name.padEnd(width)}  ${shown.padEnd(34)}  ${target}`);
// Only a full run of every section stands for the project; a quick or partial one is kept aside.
const file = quick || only ? 'dist/bench-partial.json' : 'bench/results.json';
mkdirSync('dist', { recursive: true });
writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, quick, only, results, verdicts }, null, 2)}\n`);
console.log(`\nWrote ${file}`);
