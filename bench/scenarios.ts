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

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed, the same scenario. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded scenario for choosing a portfolio: `investments` investments over `problems` problems, most of them on one
 * to three of the first half of the problems (so that their targets overlap) and about one in eight on all of them;
 * effects of every kind, some investments with two, so that some claim the same damage (prevalence cut twice) and
 * some reinforce each other (a higher complaint rate beside better outcomes or cheaper handling); costs spread
 * widely, so that some investments are not worth their cost and the budget decides among the rest.
 */
export function portfolioScenario(problems: number, investments: number, seed: number) {
  const random = generator(seed);
  const between = (low: number, high: number) => low + (high - low) * random();
  const round = (x: number, step: number) => Math.round(x / step) * step;
  const outcomes = () => {
    const satisfied = round(between(0.55, 0.85), 0.01);
    const mollified = round(between(0.05, 1 - satisfied), 0.01);
    return { satisfied, mollified, dissatisfied: round(1 - satisfied - mollified, 0.01) };
  };
  const kinds = [
    () => ({ prevalenceReduction: round(between(0.1, 0.6), 0.01) }),
    () => ({ complaintRateMultiplier: round(between(1.1, 2), 0.01) }),
    () => ({ outcomes: outcomes() }),
    () => ({ costPerComplaintReduction: round(between(0.1, 0.5), 0.01) }),
    () => ({ complaintRateMultiplier: round(between(1.2, 1.8), 0.01), outcomes: outcomes() }),
    () => ({ complaintRateMultiplier: round(between(1.2, 1.8), 0.01), costPerComplaintReduction: round(between(0.1, 0.4), 0.01) }),
  ];
  const pool = Math.max(1, Math.ceil(problems / 2));
  return {
    currency: 'USD',
    customers: 2_000_000,
    customerValue: { annualRevenue: 480, grossMargin: 0.4, retentionRate: 0.82 },
    problems: Array.from({ length: problems }, (_, i) => {
      const satisfied = round(between(0.2, 0.5), 0.01);
      const mollified = round(between(0.1, 0.4), 0.01);
      return {
        id: `problem-${i + 1}`,
        name: `Problem ${i + 1}`,
        prevalence: round(between(0.001, 0.02), 0.0001),
        complaintRate: round(between(0.05, 0.5), 0.01),
        outcomes: { satisfied, mollified, dissatisfied: round(1 - satisfied - mollified, 0.01) },
        costPerComplaint: round(between(5, 30), 0.5),
      };
    }),
    investments: Array.from({ length: investments }, (_, k) => {
      const broad = random() < 1 / 8;
      const targets = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => `problem-${1 + Math.floor(random() * pool)}`))];
      return {
        id: `investment-${k + 1}`,
        name: `Investment ${k + 1}`,
        problems: broad ? ('all' as const) : targets,
        effects: kinds[Math.floor(random() * kinds.length)]!(),
        cost: { upfront: round(between(50_000, 3_000_000), 1000), annual: round(between(10_000, 800_000), 1000) },
        rampUp: [round(between(0.2, 0.8), 0.1), 1],
      };
    }),
  };
}
