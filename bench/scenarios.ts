// The scenarios the benchmarks send: the worked example of the method, and generated catalogues of any size.
// rangedExample is the worked example with 8 of its inputs ranged and 10,000 samples.
export { rangedExample, workedExample } from '../src/schemas/examples.ts';

/**
 * A deterministic scenario of `problems` problems and `investments` investments. As in a real catalogue, most
 * investments act on a few problems (three here) and every tenth, a broad programme, on all of them.
 */
export function generatedScenario(problems: number, investments: number) {
  const kinds = [
    (i: number) => ({ prevalenceReduction: 0.2 + (i % 5) / 10 }),
    (i: number) => ({ complaintRateMultiplier: 1.1 + (i % 4) / 10 }),
    () => ({ outcomes: { satisfied: 0.7, mollified: 0.2, dissatisfied: 0.1 } }),
    (i: number) => ({ costPerComplaintReduction: 0.1 + (i % 3) / 10 }),
  ];
  return {
    currency: 'USD',
    customers: 2_000_000,
    customerValue: { annualRevenue: 480, grossMargin: 0.4, retentionRate: 0.82 },
    problems: Array.from({ length: problems }, (_, i) => ({
      id: `problem-${i + 1}`,
      name: `Problem ${i + 1}`,
      prevalence: 0.001 + (i % 17) / 1000,
      complaintRate: 0.05 + (i % 9) / 20,
      outcomes: { satisfied: 0.3 + (i % 3) / 10, mollified: 0.3, dissatisfied: 0.4 - (i % 3) / 10 },
      costPerComplaint: 5 + (i % 11),
    })),
    investments: Array.from({ length: investments }, (_, i) => ({
      id: `investment-${i + 1}`,
      name: `Investment ${i + 1}`,
      problems:
        i % 10 === 0
          ? ('all' as const)
          : [0, 1, 2].map((k) => `problem-${((i * 7 + k * 13) % problems) + 1}`).filter((id, k, all) => all.indexOf(id) === k),
      effects: kinds[i % kinds.length]!(i),
      cost: { upfront: 50_000 + 10_000 * (i % 13), annual: 20_000 + 5_000 * (i % 7) },
      rampUp: [0.5, 1],
    })),
  };
}

/** A likely value and the range a benchmark gives it: `low` and `high` as shares of it, the high end capped. */
const around = (likely: number, low: number, high: number, cap = Number.POSITIVE_INFINITY) => ({
  low: likely * low,
  likely,
  high: Math.min(likely * high, cap),
});

/**
 * generatedScenario(problems, investments) with every problem's prevalence ranged (−25 % … +25 %) and, with
 * `effects`, every third investment's effect scalar too (±20 %, a share capped at 1), for `samples` samples from seed 1.
 */
export function rangedScenario(problems: number, investments: number, samples: number, { effects = false } = {}) {
  const s = generatedScenario(problems, investments);
  return {
    ...s,
    problems: s.problems.map((p) => ({ ...p, prevalence: around(p.prevalence, 0.75, 1.25, 1) })),
    investments: s.investments.map((inv, k) => {
      if (!effects || k % 3 !== 0) return inv;
      const e: Record<string, unknown> = { ...inv.effects };
      for (const [key, v] of Object.entries(inv.effects)) {
        if (typeof v === 'number') e[key] = key === 'complaintRateMultiplier' ? around(v, 0.8, 1.2) : around(v, 0.8, 1.2, 1);
      }
      return { ...inv, effects: e };
    }),
    simulation: { samples, seed: 1 },
  };
}

/** The problem–investment pairs a scenario's investments target: `all` counts every problem. */
export function targetedPairs(s: { problems: unknown[]; investments: { problems: 'all' | string[] }[] }): number {
  return s.investments.reduce((n, inv) => n + (inv.problems === 'all' ? s.problems.length : inv.problems.length), 0);
}

/** How many inputs of a scenario are ranges: a simulation draws each once per sample. */
export function rangedInputs(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  if ('likely' in value) return 1;
  return Object.values(value).reduce((n: number, v) => n + rangedInputs(v), 0);
}
