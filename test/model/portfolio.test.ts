// The portfolio of the method's section 9: the worked example's figures, the chosen set against every set tried by
// brute force, and the properties a CFO relies on.
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { damage } from '../../src/model/damage.ts';
import { applyEffects } from '../../src/model/effects.ts';
import { evaluate } from '../../src/model/evaluate.ts';
import { evaluateCashFlows } from '../../src/model/finance.ts';
import { Optimiser } from '../../src/model/portfolio/optimise.ts';
import { resolve } from '../../src/model/resolve.ts';
import type { InvestmentInput, ScenarioInput } from '../../src/model/types.ts';
import { workedExample } from '../../src/schemas/examples.ts';
import { effects, investment, outcomes, problem, runs, share } from '../arbitraries.ts';
import { contextOf, damageOf, financeOf, type ProblemState, stateOf, targetsOf, worthOf } from './independent.ts';

const optimiser = (s: ScenarioInput, budget?: { upfront?: number; annual?: number }) => {
  const { inputs } = resolve(s);
  const e = evaluate(inputs);
  return { inputs, e, o: new Optimiser(inputs, e, budget) };
};

describe('the worked example, continued', () => {
  it('chooses both investments, counts billing errors once, and ladders fix-billing first', () => {
    const p = optimiser(workedExample).o.choose();
    expect(p.method).toBe('exact');
    expect(p.investments).toEqual([0, 1]);
    expect(p.annualBenefit).toBeCloseTo(3420600, 6);
    expect(p.standaloneBenefitSum).toBeCloseTo(3917400, 6);
    expect(p.overlap).toBeCloseTo(496800, 6);
    expect(p.npv).toBeCloseTo(6883108.49, 2);
    expect(p.roi).toBeCloseTo(8.9071, 4);
    expect(p.paybackMonths).toBe(2);
    expect(p.irr).toBeCloseTo(8.2998, 4);
    expect(p.ladder.map((s) => s.investment)).toEqual([0, 1]);
    expect(p.ladder[0]!.marginalNpv).toBeCloseTo(5096632.31, 2);
    expect(p.ladder[1]!.marginalNpv).toBeCloseTo(1786476.18, 2);
    expect(p.ladder[1]).toMatchObject({ upfront: 350000, annual: 170000 });
  });

  it('with an annual budget of 100,000 chooses fix-billing alone', () => {
    const p = optimiser(workedExample, { annual: 100000 }).o.choose();
    expect(p.investments).toEqual([0]);
    expect(p.npv).toBeCloseTo(5096632.31, 2);
  });
});

/** The npv of a set straight from the method: composed effects per problem, weighted ramp, costs added. */
function npvByHand(s: ScenarioInput, set: number[]): number {
  const { inputs: r } = resolve(s);
  const e = evaluate(r);
  const ctx = { lifetimeValue: r.lifetimeValue, newCustomerValue: r.newCustomerValue, wordOfMouth: r.wordOfMouth };
  let benefit = 0;
  r.problems.forEach((p, i) => {
    const effects = set.filter((k) => r.investments[k]!.targets.includes(i)).map((k) => r.investments[k]!.effects);
    if (effects.length > 0) benefit += e.problems[i]!.totalAnnualDamage - damage(applyEffects(p, effects), ctx).totalAnnualDamage;
  });
  const weights = set.map((k) => Math.max(e.investments[k]!.annualBenefit, 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const ramp = Array.from({ length: r.finance.horizonYears }, (_, t) =>
    set.length === 0
      ? 1
      : total > 0
        ? set.reduce((sum, k, j) => sum + r.investments[k]!.ramp[t]! * weights[j]!, 0) / total
        : set.reduce((sum, k) => sum + r.investments[k]!.ramp[t]!, 0) / set.length,
  );
  const B = benefit * (1 - r.finance.riskAdjustment);
  return evaluateCashFlows({
    upfront: set.reduce((a, k) => a + r.investments[k]!.upfront, 0),
    benefits: ramp.map((x) => B * x),
    costs: ramp.map(() => set.reduce((a, k) => a + r.investments[k]!.annual, 0)),
    discountRate: r.finance.discountRate,
  }).npv;
}

const overlapping = fc
  .record({ problemCount: fc.integer({ min: 1, max: 4 }), investmentCount: fc.integer({ min: 1, max: 7 }) })
  .chain(({ problemCount, investmentCount }) => {
    const ids = Array.from({ length: problemCount }, (_, i) => `p${i}`);
    return fc.record({
      customers: fc.integer({ min: 1, max: 1_000_000 }),
      customerValue: fc.record({ lifetimeValue: fc.double({ min: 0, max: 5000, noNaN: true }) }),
      problems: fc.tuple(...ids.map(problem)),
      investments: fc.tuple(...Array.from({ length: investmentCount }, (_, i) => investment(`i${i}`, ids))),
      finance: fc.record({ horizonYears: fc.integer({ min: 1, max: 5 }), discountRate: fc.double({ min: 0, max: 0.3, noNaN: true }) }),
    }) as fc.Arbitrary<ScenarioInput>;
  });

describe('the chosen set', () => {
  it('is the best of every set that fits, by brute force', () => {
    fc.assert(
      fc.property(overlapping, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (s, share, capAnnual) => {
        const { inputs } = optimiser(s);
        const all = inputs.investments.map((_, k) => k);
        const totalUp = inputs.investments.reduce((a, inv) => a + inv.upfront, 0);
        const totalAnnual = inputs.investments.reduce((a, inv) => a + inv.annual, 0);
        const budget = capAnnual ? { annual: totalAnnual * share } : { upfront: totalUp * share };
        const chosen = new Optimiser(inputs, evaluate(inputs), budget).choose();
        const fits = (set: number[]) => new Optimiser(inputs, evaluate(inputs), budget).fits(set);
        let best = Number.NEGATIVE_INFINITY;
        for (let mask = 0; mask < 2 ** all.length; mask++) {
          const set = all.filter((k) => mask & (1 << k));
          if (fits(set)) best = Math.max(best, npvByHand(s, set));
        }
        expect(fits(chosen.investments)).toBe(true);
        expect(chosen.npv).toBeGreaterThanOrEqual(best - 1e-9 * Math.max(Math.abs(best), 1));
        expect(chosen.npv).toBeCloseTo(npvByHand(s, chosen.investments), 6);
      }),
      runs(),
    );
  });

  it('never loses npv when the budget grows', () => {
    fc.assert(
      fc.property(overlapping, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (s, a, b) => {
        const { inputs, e } = optimiser(s);
        const total = inputs.investments.reduce((sum, inv) => sum + inv.upfront, 0);
        const [low, high] = [Math.min(a, b), Math.max(a, b)];
        const tight = new Optimiser(inputs, e, { upfront: total * low }).choose();
        const loose = new Optimiser(inputs, e, { upfront: total * high }).choose();
        expect(loose.npv).toBeGreaterThanOrEqual(tight.npv - 1e-9 * Math.max(Math.abs(tight.npv), 1));
      }),
      runs(),
    );
  });
});

describe('overlap', () => {
  const base = {
    customers: 100000,
    customerValue: { lifetimeValue: 500 },
    problems: [
      { id: 'a', prevalence: 0.1, complaintRate: 0.3, outcomes: { satisfied: 0.3, mollified: 0.3, dissatisfied: 0.4 }, costPerComplaint: 5 },
      { id: 'b', prevalence: 0.2, complaintRate: 0.2, outcomes: { satisfied: 0.4, mollified: 0.3, dissatisfied: 0.3 }, costPerComplaint: 5 },
    ],
  };
  const inv = (id: string, problems: string[], effects: InvestmentInput['effects']): InvestmentInput => ({
    id,
    problems,
    effects,
    cost: { upfront: 1000 },
  });

  it('is 0 when the targets are disjoint: the combined benefit is the stand-alone sum', () => {
    const s = { ...base, investments: [inv('x', ['a'], { prevalenceReduction: 0.5 }), inv('y', ['b'], { costPerComplaintReduction: 0.5 })] };
    const f = optimiser(s).o.choose();
    expect(f.investments).toEqual([0, 1]);
    expect(f.annualBenefit).toBe(f.standaloneBenefitSum);
    expect(f.overlap).toBe(0);
  });

  it('is positive for two preventions of one problem, which cannot both claim all its damage', () => {
    const s = { ...base, investments: [inv('x', ['a'], { prevalenceReduction: 0.5 }), inv('y', ['a'], { prevalenceReduction: 0.5 })] };
    const p = optimiser(s).o.choose([0, 1]);
    // Each removes half: together three quarters, not all of it.
    expect(p.annualBenefit).toBeCloseTo(0.75 * optimiser(s).e.problems[0]!.totalAnnualDamage, 6);
    expect(p.overlap).toBeGreaterThan(0);
  });

  it('is negative when effects reinforce each other: easier access brings complainants better handling wins back', () => {
    const s = {
      ...base,
      investments: [
        inv('access', ['a'], { complaintRateMultiplier: 2 }),
        inv('handling', ['a'], { outcomes: { satisfied: 0.9, mollified: 0.05, dissatisfied: 0.05 } }),
      ],
    };
    const p = optimiser(s).o.choose([0, 1]);
    expect(p.overlap).toBeLessThan(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A reference written from MODEL.md §9 alone: its own composition per problem, its own weighted ramp and cash
// flows, every set tried, the tie rules applied literally.

const REL = 1e-9;

interface RefFigures {
  set: number[];
  annualBenefit: number;
  npv: number;
  pvCosts: number;
  upfront: number;
  annual: number;
}

/** Problem i with the effects of every investment of the set that targets it composed (§3, §9). */
function composedState(s: ScenarioInput, i: number, set: readonly number[]): ProblemState | undefined {
  const base = stateOf(s, s.problems[i]!);
  const acting = set.filter((k) => refTargets(s, k).includes(i));
  if (acting.length === 0) return undefined;
  let affected = base.affected;
  let rate = base.complaintRate;
  let cost = base.costPerComplaint;
  let outcomes = base.outcomes;
  let replaced = false;
  for (const k of acting) {
    const e = s.investments![k]!.effects;
    affected *= 1 - (e.prevalenceReduction ?? 0);
    rate *= e.complaintRateMultiplier ?? 1;
    cost *= 1 - (e.costPerComplaintReduction ?? 0);
    if (e.outcomes && (!replaced || e.outcomes.satisfied > outcomes.satisfied)) {
      outcomes = e.outcomes;
      replaced = true;
    }
  }
  return { ...base, affected, complaintRate: Math.min(rate, 1), costPerComplaint: cost, outcomes };
}

const refTargets = (s: ScenarioInput, k: number) => targetsOf(s, s.investments![k]!);

function refFigures(s: ScenarioInput, set: readonly number[], standalone: readonly number[]): RefFigures {
  const c = contextOf(s);
  const f = financeOf(s);
  let annualBenefit = 0;
  s.problems.forEach((p, i) => {
    const after = composedState(s, i, set);
    if (after) annualBenefit += damageOf(stateOf(s, p), c).totalAnnualDamage - damageOf(after, c).totalAnnualDamage;
  });
  const rampOf = (k: number, t: number) => {
    const r = s.investments![k]!.rampUp ?? [1];
    return r[Math.min(t, r.length - 1)]!;
  };
  const weights = set.map((k) => Math.max(standalone[k]!, 0));
  const W = weights.reduce((a, b) => a + b, 0);
  let upfront = 0;
  let annual = 0;
  for (const k of set) {
    upfront += s.investments![k]!.cost.upfront ?? 0;
    annual += s.investments![k]!.cost.annual ?? 0;
  }
  const B = annualBenefit * (1 - f.riskAdjustment);
  let pvBenefits = 0;
  let pvCosts = upfront;
  for (let t = 0; t < f.horizonYears; t++) {
    let ramp = 1;
    if (set.length > 0) {
      ramp = W > 0 ? set.reduce((sum, k, j) => sum + rampOf(k, t) * weights[j]!, 0) / W : set.reduce((sum, k) => sum + rampOf(k, t), 0) / set.length;
    }
    pvBenefits += (B * ramp) / (1 + f.discountRate) ** (t + 1);
    pvCosts += annual / (1 + f.discountRate) ** (t + 1);
  }
  return { set: [...set], annualBenefit, npv: pvBenefits - pvCosts, pvCosts, upfront, annual };
}

function refFits(s: ScenarioInput, set: readonly number[], budget: { upfront?: number; annual?: number }): boolean {
  let up = 0;
  let an = 0;
  for (const k of [...set].sort((a, b) => a - b)) {
    up += s.investments![k]!.cost.upfront ?? 0;
    an += s.investments![k]!.cost.annual ?? 0;
  }
  return (budget.upfront === undefined || up <= budget.upfront * (1 + REL)) && (budget.annual === undefined || an <= budget.annual * (1 + REL));
}

/** Whether a beats b by MODEL §9's order; `close` when the npvs sit so near the tie margin that rounding may decide. */
function refBetter(a: RefFigures, b: RefFigures, slack: number): { wins: boolean; close: boolean } {
  const tie = REL * Math.max(Math.abs(a.npv), Math.abs(b.npv), 1);
  const d = Math.abs(a.npv - b.npv);
  const close = Math.abs(d - tie) <= slack || (d > 0 && d <= slack);
  if (d > tie) return { wins: a.npv > b.npv, close };
  if (a.set.length !== b.set.length) return { wins: a.set.length < b.set.length, close };
  if (Math.abs(a.pvCosts - b.pvCosts) > slack) return { wins: a.pvCosts < b.pvCosts, close };
  const closeCosts = a.pvCosts !== b.pvCosts;
  for (let j = 0; j < a.set.length; j++) if (a.set[j] !== b.set[j]) return { wins: a.set[j]! < b.set[j]!, close: close || closeCosts };
  return { wins: false, close };
}

/** The scale of the figures a set's npv is a difference of: rounding in the model may move npv by this × 1e-12 or so. */
function scaleOf(s: ScenarioInput): number {
  const c = contextOf(s);
  const f = financeOf(s);
  let scale = 1;
  for (const p of s.problems) scale += damageOf(stateOf(s, p), c).magnitude * f.horizonYears;
  for (const inv of s.investments ?? []) scale += (inv.cost.upfront ?? 0) + (inv.cost.annual ?? 0) * f.horizonYears;
  return scale;
}

/** The best set by brute force, and whether rounding could have decided it (a near-tie at the margin). */
function refChoose(
  s: ScenarioInput,
  budget: { upfront?: number; annual?: number },
  include: readonly number[],
  exclude: readonly number[],
): { best: RefFigures; ambiguous: boolean } {
  const standalone = (s.investments ?? []).map((_, k) => worthOf(s, k).annualBenefit);
  const n = s.investments!.length;
  const slack = 1e-11 * scaleOf(s);
  let best: RefFigures | undefined;
  let ambiguous = false;
  for (let mask = 0; mask < 2 ** n; mask++) {
    const set: number[] = [];
    for (let k = 0; k < n; k++) if (mask & (1 << k)) set.push(k);
    if (include.some((k) => !set.includes(k)) || exclude.some((k) => set.includes(k)) || !refFits(s, set, budget)) continue;
    const f = refFigures(s, set, standalone);
    if (!best) {
      best = f;
      continue;
    }
    const r = refBetter(f, best, slack);
    if (r.close) ambiguous = true;
    if (r.wins) {
      // Once ahead, whether it was close to the best so far matters only if it is the final one; keep the flag coarse.
      best = f;
    }
  }
  return { best: best!, ambiguous };
}

/** The funding ladder as MODEL §9 words it. */
function refLadder(
  s: ScenarioInput,
  budget: { upfront?: number; annual?: number },
  include: readonly number[],
  exclude: readonly number[],
): { steps: { k: number; marginal: number; npv: number }[]; set: number[]; ambiguous: boolean } {
  const standalone = (s.investments ?? []).map((_, k) => worthOf(s, k).annualBenefit);
  const slack = 1e-11 * scaleOf(s);
  let set = [...include].sort((a, b) => a - b);
  let current = refFigures(s, set, standalone);
  const steps: { k: number; marginal: number; npv: number }[] = [];
  let ambiguous = false;
  for (;;) {
    let pick: { k: number; marginal: number; score: number; costless: boolean; next: RefFigures } | undefined;
    for (let k = 0; k < s.investments!.length; k++) {
      if (set.includes(k) || exclude.includes(k)) continue;
      const trial = [...set, k].sort((a, b) => a - b);
      if (!refFits(s, trial, budget)) continue;
      const next = refFigures(s, trial, standalone);
      const marginal = next.npv - current.npv;
      if (Math.abs(marginal) <= slack) ambiguous = true;
      if (!(marginal > 0)) continue;
      const own = refFigures(s, [k], standalone).pvCosts;
      const costless = own === 0;
      const score = costless ? marginal : marginal / own;
      if (pick && costless === pick.costless && Math.abs(score - pick.score) <= 1e-9 * Math.abs(score)) ambiguous = true;
      if (!pick || (costless && !pick.costless) || (costless === pick.costless && score > pick.score)) pick = { k, marginal, score, costless, next };
    }
    if (!pick) break;
    set = pick.next.set;
    current = pick.next;
    steps.push({ k: pick.k, marginal: pick.marginal, npv: current.npv });
  }
  return { steps, set, ambiguous };
}

/** Investments with every feature §9 must handle: shared targets, ramps, costs of 0, effects that lose money. */
const grid = (values: number[]) => fc.constantFrom(...values);
const richInvestment = (id: string, problemIds: string[]): fc.Arbitrary<InvestmentInput> =>
  fc
    .record({
      targets: fc.oneof(fc.constant('all' as const), fc.subarray(problemIds, { minLength: 1 })),
      effects: fc.oneof(
        effects,
        fc.record({
          prevalenceReduction: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
          complaintRateMultiplier: fc.double({ min: 0.3, max: 2.5, noNaN: true }),
        }),
        fc.record({ outcomes, costPerComplaintReduction: share }),
      ),
      upfront: fc.oneof(grid([0]), fc.integer({ min: 0, max: 2_000_000 })),
      annual: fc.oneof(grid([0]), fc.integer({ min: 0, max: 800_000 })),
      rampUp: fc.option(fc.array(share, { minLength: 1, maxLength: 4 }), { nil: undefined }),
    })
    .map(({ targets, effects: e, upfront, annual, rampUp }) => ({ id, problems: targets, effects: e, cost: { upfront, annual }, rampUp }));

const rich = (maxInvestments: number) =>
  fc
    .record({ problemCount: fc.integer({ min: 1, max: 3 }), investmentCount: fc.integer({ min: 1, max: maxInvestments }) })
    .chain(({ problemCount, investmentCount }) => {
      const ids = Array.from({ length: problemCount }, (_, i) => `p${i}`);
      return fc.record({
        customers: fc.integer({ min: 1000, max: 200_000 }),
        customerValue: fc.record({ lifetimeValue: fc.integer({ min: 10, max: 2000 }) }),
        problems: fc.tuple(...ids.map(problem)),
        investments: fc.tuple(...Array.from({ length: investmentCount }, (_, i) => richInvestment(`i${i}`, ids))),
        finance: fc.record({
          horizonYears: fc.integer({ min: 1, max: 5 }),
          discountRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
          riskAdjustment: fc.double({ min: 0, max: 0.5, noNaN: true }),
        }),
      }) as fc.Arbitrary<ScenarioInput>;
    });

/** A problem: include and exclude drawn disjoint, and a budget from tight (what include costs) to loose (everything). */
const request = (maxInvestments: number) =>
  rich(maxInvestments).chain((s) => {
    const n = s.investments!.length;
    return fc
      .record({
        roles: fc.array(fc.constantFrom('free', 'free', 'free', 'include', 'exclude'), { minLength: n, maxLength: n }),
        caps: fc.constantFrom('none', 'upfront', 'annual', 'both'),
        tightUp: share,
        tightAnnual: share,
      })
      .map(({ roles, caps, tightUp, tightAnnual }) => {
        const include = roles.flatMap((r, k) => (r === 'include' ? [k] : []));
        const exclude = roles.flatMap((r, k) => (r === 'exclude' ? [k] : []));
        const sum = (part: 'upfront' | 'annual', ks: number[]) => ks.reduce((a, k) => a + (s.investments![k]!.cost[part] ?? 0), 0);
        const all = s.investments!.map((_, k) => k);
        const cap = (part: 'upfront' | 'annual', t: number) => sum(part, include) + t * (sum(part, all) - sum(part, include));
        const budget: { upfront?: number; annual?: number } = {};
        if (caps === 'upfront' || caps === 'both') budget.upfront = cap('upfront', tightUp);
        if (caps === 'annual' || caps === 'both') budget.annual = cap('annual', tightAnnual);
        return { s, include, exclude, budget };
      });
  });

const choose = (s: ScenarioInput, budget: { upfront?: number; annual?: number }, include: number[] = [], exclude: number[] = []) => {
  const { inputs } = resolve(s);
  return new Optimiser(inputs, evaluate(inputs), budget).choose(include, exclude);
};

describe('the chosen set against a reference written from the method', () => {
  it('is exactly the set the brute force picks, tie rules included, with include, exclude and budgets', () => {
    let decided = 0;
    fc.assert(
      fc.property(request(8), ({ s, include, exclude, budget }) => {
        const chosen = choose(s, budget, include, exclude);
        const { best, ambiguous } = refChoose(s, budget, include, exclude);
        expect(chosen.method).toBe('exact');
        for (const k of include) expect(chosen.investments).toContain(k);
        for (const k of exclude) expect(chosen.investments).not.toContain(k);
        expect(refFits(s, chosen.investments, budget)).toBe(true);
        const scale = scaleOf(s);
        expect(Math.abs(chosen.npv - best.npv)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(best.npv), 1) + 1e-11 * scale);
        if (!ambiguous) {
          decided++;
          expect(chosen.investments).toEqual(best.set);
          expect(chosen.annualBenefit).toBeCloseTo(best.annualBenefit, 4);
          expect(chosen.upfront).toBe(best.upfront);
          expect(chosen.annual).toBe(best.annual);
          expect(chosen.pvCosts).toBeCloseTo(best.pvCosts, 4);
        }
      }),
      runs(),
    );
    expect(decided).toBeGreaterThan(inject('fuzzRuns') / 2);
  });

  it('holds with twelve investments, every one of 4,096 sets tried', () => {
    fc.assert(
      fc.property(
        fc.tuple(...['p0', 'p1', 'p2'].map(problem)),
        fc.tuple(...Array.from({ length: 12 }, (_, k) => richInvestment(`i${k}`, ['p0', 'p1', 'p2']))),
        fc.constantFrom<'upfront' | 'annual'>('upfront', 'annual'),
        share,
        (problems, investments, part, t) => {
          const s = { customers: 100000, customerValue: { lifetimeValue: 500 }, problems, investments } as ScenarioInput;
          const total = investments.reduce((a, inv) => a + (inv.cost[part] ?? 0), 0);
          const budget = { [part]: t * total };
          const chosen = choose(s, budget);
          const { best, ambiguous } = refChoose(s, budget, [], []);
          expect(chosen.npv).toBeGreaterThanOrEqual(best.npv - 1e-9 * Math.max(Math.abs(best.npv), 1) - 1e-11 * scaleOf(s));
          if (!ambiguous) expect(chosen.investments).toEqual(best.set);
        },
      ),
      { ...runs(), numRuns: 10 },
    );
  });
});

describe('ties by the method’s rules', () => {
  const one = {
    customers: 100000,
    customerValue: { lifetimeValue: 500 },
    problems: [
      { id: 'a', prevalence: 0.12, complaintRate: 0.5, outcomes: { satisfied: 0.4, mollified: 0.2, dissatisfied: 0.4 }, costPerComplaint: 8 },
    ],
  };
  const inv = (id: string, effects: InvestmentInput['effects'], upfront: number, annual = 0): InvestmentInput => ({
    id,
    problems: ['a'],
    effects,
    cost: { upfront, annual },
  });

  it('leaves out a free investment that changes nothing: equal npv goes to fewer investments', () => {
    for (const noop of [{ prevalenceReduction: 0 }, { complaintRateMultiplier: 1 }, { costPerComplaintReduction: 0 }]) {
      const s = { ...one, investments: [inv('real', { prevalenceReduction: 0.5 }, 1000), inv('noop', noop, 0)] };
      expect(choose(s, {}).investments, JSON.stringify(noop)).toEqual([0]);
      const alone = { ...one, investments: [inv('noop', noop, 0)] };
      expect(choose(alone, {}).investments, JSON.stringify(noop)).toEqual([]);
    }
  });

  it('between two identical investments picks the first; between equal npvs, the lower PV(costs)', () => {
    const twins = { ...one, investments: [inv('x', { prevalenceReduction: 0.5 }, 1000), inv('y', { prevalenceReduction: 0.5 }, 1000)] };
    // Only one fits: the first position wins the tie.
    expect(choose(twins, { upfront: 1000 }).investments).toEqual([0]);
    // npvs within 1e-9 relative tie, and then the lower PV(costs) wins over the first position.
    const near = {
      ...one,
      investments: [inv('dearer', { prevalenceReduction: 0.5 }, 1000.0005), inv('cheaper', { prevalenceReduction: 0.5 }, 1000)],
    };
    expect(choose(near, { upfront: 1500 }).investments).toEqual([1]);
    // Beyond the margin the higher npv wins, whatever it costs.
    const apart = { ...one, investments: [inv('better', { prevalenceReduction: 0.5 }, 1010), inv('cheaper', { prevalenceReduction: 0.49 }, 1000)] };
    expect(choose(apart, { upfront: 1500 }).investments).toEqual([0]);
  });
});

describe('the funding ladder', () => {
  it('adds, from include, the highest marginal npv per PV(costs), costless first, until nothing adds npv', () => {
    fc.assert(
      fc.property(request(7), ({ s, include, exclude, budget }) => {
        const p = choose(s, budget, include, exclude);
        const ref = refLadder(s, budget, include, exclude);
        if (ref.ambiguous) return;
        expect(p.ladder.map((step) => step.investment)).toEqual(ref.steps.map((step) => step.k));
        const scale = scaleOf(s);
        p.ladder.forEach((step, j) => {
          expect(Math.abs(step.marginalNpv - ref.steps[j]!.marginal)).toBeLessThanOrEqual(1e-9 * scale);
          expect(Math.abs(step.npv - ref.steps[j]!.npv)).toBeLessThanOrEqual(1e-9 * scale);
          const members = [...include, ...ref.steps.slice(0, j + 1).map((x) => x.k)];
          const sum = (part: 'upfront' | 'annual') => members.reduce((a, k) => a + (s.investments![k]!.cost[part] ?? 0), 0);
          expect(step.upfront).toBeCloseTo(sum('upfront'), 6);
          expect(step.annual).toBeCloseTo(sum('annual'), 6);
          expect(step.marginalNpv).toBeGreaterThan(0);
        });
      }),
      runs(),
    );
  });

  it('puts a costless investment first even when a costly one adds more npv, and breaks ties by input order', () => {
    const s = {
      customers: 100000,
      customerValue: { lifetimeValue: 500 },
      problems: [
        { id: 'a', prevalence: 0.1, complaintRate: 0.3, outcomes: { satisfied: 0.3, mollified: 0.3, dissatisfied: 0.4 } },
        { id: 'b', prevalence: 0.1, complaintRate: 0.3, outcomes: { satisfied: 0.3, mollified: 0.3, dissatisfied: 0.4 } },
        { id: 'c', prevalence: 0.1, complaintRate: 0.3, outcomes: { satisfied: 0.3, mollified: 0.3, dissatisfied: 0.4 } },
      ],
      investments: [
        { id: 'big', problems: ['a'], effects: { prevalenceReduction: 0.9 }, cost: { upfront: 1 } },
        { id: 'free', problems: ['b'], effects: { prevalenceReduction: 0.1 }, cost: {} },
        { id: 'twin1', problems: ['c'], effects: { prevalenceReduction: 0.5 }, cost: { upfront: 100 } },
        { id: 'twin2', problems: ['c'], effects: { prevalenceReduction: 0.5 }, cost: { upfront: 100 } },
      ],
    } satisfies ScenarioInput;
    const ladder = choose(s, {}).ladder.map((step) => s.investments[step.investment]!.id);
    expect(ladder.slice(0, 3)).toEqual(['free', 'big', 'twin1']);
  });
});

describe('the heuristic, beyond sixteen free investments', () => {
  const many = (count: number) =>
    fc
      .record({
        problems: fc.tuple(...['p0', 'p1', 'p2', 'p3'].map(problem)),
        investments: fc.tuple(...Array.from({ length: count }, (_, i) => richInvestment(`i${i}`, ['p0', 'p1', 'p2', 'p3']))),
        t: share,
      })
      .map(({ problems, investments, t }) => {
        const s = { customers: 100000, customerValue: { lifetimeValue: 500 }, problems, investments } as ScenarioInput;
        const total = investments.reduce((a, inv) => a + (inv.cost.upfront ?? 0), 0);
        const first = investments[0]!.cost.upfront ?? 0;
        // Tight to loose, and always room for the first investment, which the heuristic's test includes.
        return { s, budget: { upfront: first + t * (total - first) } };
      });

  it('is never worse than the ladder’s set, fits, and says it is a heuristic', () => {
    fc.assert(
      fc.property(many(19), ({ s, budget }) => {
        const p = choose(s, budget, [0], [1]);
        expect(p.method).toBe('heuristic');
        const standalone = s.investments!.map((_, k) => worthOf(s, k).annualBenefit);
        const ref = refLadder(s, budget, [0], [1]);
        const ladderNpv = refFigures(s, ref.set, standalone).npv;
        expect(p.npv).toBeGreaterThanOrEqual(ladderNpv - 1e-9 * scaleOf(s));
        const laddered = [0, ...p.ladder.map((step) => step.investment)].sort((a, b) => a - b);
        expect(p.npv).toBeGreaterThanOrEqual(refFigures(s, laddered, standalone).npv - 1e-9 * scaleOf(s));
        expect(p.investments).toContain(0);
        expect(p.investments).not.toContain(1);
        expect(refFits(s, p.investments, budget)).toBe(true);
        expect(p.npv).toBeCloseTo(refFigures(s, p.investments, standalone).npv, 2);
      }),
      { ...runs(), numRuns: 10 },
    );
  });

  it('is exact with sixteen free, even among eighteen', () => {
    fc.assert(
      fc.property(many(18), ({ s, budget }) => {
        expect(choose(s, budget).method).toBe('heuristic');
        expect(choose(s, {}, [0], [1]).method).toBe('exact');
        expect(choose(s, budget, [], [0, 1]).method).toBe('exact');
      }),
      { ...runs(), numRuns: 3 },
    );
    const s = { ...workedExample, investments: Array.from({ length: 17 }, (_, k) => ({ ...workedExample.investments[k % 2]!, id: `x${k}` })) };
    expect(choose(s, {}).method).toBe('heuristic');
    expect(choose(s, {}, [0]).method).toBe('exact');
    expect(choose(s, {}, [], [16]).method).toBe('exact');
  });
});

describe('overlap, as properties', () => {
  const withTargets = (maxInvestments: number) =>
    fc.integer({ min: 2, max: maxInvestments }).chain((n) =>
      fc.record({
        problems: fc.tuple(...Array.from({ length: n }, (_, i) => problem(`p${i}`))),
        effects: fc.array(effects, { minLength: n, maxLength: n }),
      }),
    );

  it('is 0 when the targets are disjoint: the combined benefit is the sum of the stand-alone ones', () => {
    fc.assert(
      fc.property(withTargets(5), ({ problems, effects: es }) => {
        const s = {
          customers: 100000,
          customerValue: { lifetimeValue: 500 },
          problems,
          investments: es.map((e, k) => ({ id: `i${k}`, problems: [`p${k}`], effects: e, cost: { upfront: 0 } })),
        } as ScenarioInput;
        const all = s.investments!.map((_, k) => k);
        const p = choose(s, {}, all);
        const standalone = all.reduce((a, k) => a + worthOf(s, k).annualBenefit, 0);
        const tol = 1e-9 * scaleOf(s);
        expect(Math.abs(p.annualBenefit - standalone)).toBeLessThanOrEqual(tol);
        expect(Math.abs(p.overlap)).toBeLessThanOrEqual(tol);
      }),
      runs(),
    );
  });

  it('is positive for two preventions of one problem, negative for easier access × better handling', () => {
    fc.assert(
      fc.property(
        problem('a').filter((p) => (p.prevalence ?? 0) > 0.01 && p.complaintRate < 0.9 && p.outcomes.satisfied < 0.9),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 1.05, max: 3, noNaN: true }),
        (a, r1, r2, m) => {
          const base = { customers: 100000, customerValue: { lifetimeValue: 500 }, problems: [a] };
          const prevent = { ...base, investments: [inv('x', { prevalenceReduction: r1 }), inv('y', { prevalenceReduction: r2 })] } as ScenarioInput;
          const d = damageOf(stateOf(prevent, a), contextOf(prevent)).totalAnnualDamage;
          const both = choose(prevent, {}, [0, 1]);
          // Together they remove 1 − (1 − r1)(1 − r2) of the damage, not r1 + r2 of it.
          expect(both.annualBenefit).toBeCloseTo((1 - (1 - r1) * (1 - r2)) * d, 4);
          if (d > 1) expect(both.overlap).toBeGreaterThan(0);
          const reinforce = {
            ...base,
            investments: [
              inv('access', { complaintRateMultiplier: m }),
              inv('handling', { outcomes: { satisfied: 1, mollified: 0, dissatisfied: 0 } }),
            ],
          } as ScenarioInput;
          expect(choose(reinforce, {}, [0, 1]).overlap).toBeLessThan(0);
        },
      ),
      runs(),
    );
    function inv(id: string, e: InvestmentInput['effects']): InvestmentInput {
      return { id, problems: ['a'], effects: e, cost: { upfront: 0 } };
    }
  });
});

describe('the budget, summed in input order', () => {
  // (0.01 + 1e15) − 1e15 is 0 in doubles: sums kept as investments come and go would take a set over the cap for one
  // that fits.
  it('never chooses a set over the cap, however far apart the costs are', () => {
    const s = {
      ...workedExample,
      investments: [
        { id: 'huge', problems: ['late-delivery'], effects: { prevalenceReduction: 0.1 }, cost: { upfront: 1e15 } },
        { id: 'small', problems: 'all' as const, effects: { prevalenceReduction: 0.5 }, cost: { upfront: 0.01 } },
      ],
    } satisfies ScenarioInput;
    const budget = { upfront: 0.005 };
    const p = choose(s, budget);
    expect(refFits(s, p.investments, budget)).toBe(true);
    expect(p.investments).toEqual([]);
  });
});

describe('the combined benefit, summed problem by problem', () => {
  // A set is judged by its own benefit, not by a running total: with one problem's benefit near 2e17 a saving of 5
  // on another vanishes from (2e17 + 5) − 2e17, and a set that pays would look as if it did not.
  it('finds a small saving beside a vast one that is never worth its cost', () => {
    const s = {
      customers: 1_000_000,
      customerValue: { lifetimeValue: 1e12 },
      problems: [
        { id: 'vast', prevalence: 0.5, complaintRate: 0.5, outcomes: { satisfied: 0.4, mollified: 0.2, dissatisfied: 0.4 } },
        { id: 'tiny', affectedCustomers: 1, complaintRate: 1, outcomes: { satisfied: 1, mollified: 0, dissatisfied: 0 }, costPerComplaint: 10 },
      ],
      investments: [
        { id: 'dear', problems: ['vast'], effects: { prevalenceReduction: 0.5 }, cost: { upfront: 1e30 } },
        { id: 'cheap', problems: ['tiny'], effects: { costPerComplaintReduction: 0.5 }, cost: { upfront: 5 } },
      ],
      // Satisfied complainants of `tiny` stay as loyal as anyone: its damage is its handling cost alone.
      loyalty: { satisfied: 0.85 },
      wordOfMouth: { positiveInfluence: 0 },
    } satisfies ScenarioInput;
    const { best } = refChoose(s, {}, [], []);
    expect(best.set).toEqual([1]);
    expect(best.npv).toBeGreaterThan(5);
    const p = choose(s, {});
    expect(p.investments).toEqual([1]);
    expect(p.npv).toBeCloseTo(best.npv, 6);
  });
});
