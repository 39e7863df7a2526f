// The scenarios the benchmarks send: the worked example of the method, and generated catalogues of any size.
export { workedExample } from '../src/schemas/examples.ts';

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
