// The memory of the largest requests the API accepts, measured in a Node process of its own: workerd's isolate shows
// no peak of a request (the inspector gives the heap now, not its high-water mark), so the Worker's code is run here,
// in-process, as the other sections run it. bench/run.ts's memory section runs this file once for each case, as
//   node --expose-gc --max-semi-space-size=1 bench/memory.ts 200x100x9966   (problems x investments x samples)
// and reads the JSON it prints. A 1 MB young generation makes V8 collect after every megabyte or so allocated; the
// heap (V8's own, plus the external memory that holds the typed arrays) is read before and after each collection
// (v8.GCProfiler), so that the highest reading after one is the peak of what was live, sampled every megabyte. The
// peak is given above what was live before the call (the call's own) and whole (everything the process holds: the
// code and the schemas, as an isolate would, and Node's own and its TypeScript loader besides, so that it overstates
// what counts against a Worker's 128 MB); the retained size is what freeing the result frees, so that whatever else
// the process lets go of meanwhile is not counted.
import { GCProfiler } from 'node:v8';
import { businessCase } from '../src/model/business-case.ts';
import type { UncertainScenario } from '../src/model/types.ts';
import worker from '../src/index.ts';
import { rangedScenario } from './scenarios.ts';

const collect = globalThis.gc;
if (!collect) throw new Error('run with --expose-gc');

/** Collects until nothing more is freed, timers and finalizers let run between rounds. */
async function settle() {
  for (let i = 0; i < 4; i++) {
    collect!();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const inUse = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/** The peak of what `run` holds live, above what was live before it and whole, and what its result holds. */
async function measure(run: () => Promise<unknown>) {
  await settle();
  const before = inUse();
  const profiler = new GCProfiler();
  profiler.start();
  const start = performance.now();
  let result = await run();
  const ms = performance.now() - start;
  const atEnd = inUse();
  const { statistics } = profiler.stop();
  await settle();
  const kept = inUse();
  // Used after the collection, so that it is held through it; then let go of.
  const resultChars = JSON.stringify(result).length;
  result = undefined;
  await settle();
  const freed = inUse();
  const live = statistics.map((s) => s.afterGC.heapStatistics.usedHeapSize + s.afterGC.heapStatistics.externalMemory);
  const held = statistics.map((s) => s.beforeGC.heapStatistics.usedHeapSize + s.beforeGC.heapStatistics.externalMemory);
  return {
    peakLiveBytes: Math.max(atEnd, ...live) - before,
    peakHeldBytes: Math.max(atEnd, ...held) - before,
    peakWholeBytes: Math.max(atEnd, ...live),
    retainedBytes: kept - freed,
    collections: statistics.length,
    ms,
    resultChars,
  };
}

const post = (body: string) =>
  new Request('http://localhost/v1/business-case', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

const out: Record<string, unknown> = {};
for (const spec of process.argv.slice(2)) {
  const [p, i, samples] = spec.split('x').map(Number) as [number, number, number];
  const scenario = rangedScenario(p, i, samples, { effects: true });
  const body = JSON.stringify(scenario);
  // One call of each first, so that compiled code and the schemas made on first use are not counted.
  businessCase(scenario as UncertainScenario);
  await (await worker.fetch(post(body))).text();
  const model = await measure(async () => businessCase(scenario as UncertainScenario));
  const request = await measure(async () => {
    const response = await worker.fetch(post(body));
    if (response.status !== 200) throw new Error(`${spec}: ${response.status} ${await response.text()}`);
    return response.text();
  });
  out[spec] = { simulatedValues: samples * (p + i + 1), requestBytes: body.length, model, request };
}
console.log(JSON.stringify(out));
