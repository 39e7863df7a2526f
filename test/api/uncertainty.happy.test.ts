// Ranges, simulation, sensitivity and break-even through the API (MODEL.md §6–8 and "Where the version 2 figures go"):
// the likely scenario's figures stay those of version 1, the simulated ones sit beside them, the same request in
// any form gives the same figures, and spreadsheets reach each of them.
import { describe, expect, it } from 'vitest';
import { rangedExample, workedExample } from '../../src/schemas/examples.ts';
import { WORKED_GET } from '../fixtures.ts';
import { call, expectDocumented, parseDelimited, postJson } from './helpers.ts';

type Spread = { mean: number; p10: number; p50: number; p90: number };
type Entry = { field: string; low: number; high: number; figureAtLow: number; figureAtHigh: number; swing: number };
type BreakEven = { field: string; value: number; breakEven: number | null };
type Investment = {
  id: string;
  npv: number;
  irr: number | null;
  notes: string[];
  breakEven: BreakEven[];
  uncertainty?: { npv: Spread; probabilityPositiveNpv: number };
  sensitivity?: Entry[];
  [figure: string]: unknown;
};
type Problem = {
  id: string;
  totalAnnualDamage: number;
  complainants: number;
  uncertainty?: { totalAnnualDamage: Spread };
  [figure: string]: unknown;
};
type Answer = {
  problems: Problem[];
  investments: Investment[];
  totals: { totalAnnualDamage: number; uncertainty?: { totalAnnualDamage: Spread }; sensitivity?: Entry[] };
  assumptions: { field: string }[];
  simulation?: { samples: number; seed: number };
  sensitivity?: { swing?: number; top: number };
};

const OP = ['POST', '/v1/business-case'] as const;
const range = (low: number, likely: number, high: number, distribution?: string) => ({
  low,
  likely,
  high,
  ...(distribution ? { distribution } : {}),
});

/** The docs' ranged example with few samples, so that each request stays quick. */
const SETTINGS = { samples: 400, seed: 42 };
const ranged = { ...rangedExample, simulation: SETTINGS };

/** The ranged example in the compact GET form, input for input. */
const RANGED_GET =
  'customers=100000&lifetimeValue=400/500/700&loyalty.silent=0.05/0.09/0.15&negativeTold=6/10/14/triangular' +
  '&problem=billing-errors,name:Billing errors,prevalence:0.08/0.12/0.15,complaintRate:0.5,outcomes:0.4/0.2/0.4,costPerComplaint:8' +
  '&problem=late-delivery,name:Late delivery,prevalence:0.15/0.2/0.3,complaintRate:0.25,outcomes:0.3/0.4/0.3,costPerComplaint:5' +
  '&investment=fix-billing,name:Fix the billing system,problems:billing-errors,prevalenceReduction:0.3/0.6/0.7,upfront:200000/250000/400000,annual:50000' +
  '&investment=better-handling,name:Train and empower front-line staff,problems:all,outcomes:0.7/0.2/0.1,upfront:80000/100000/150000,annual:120000' +
  `&samples=${SETTINGS.samples}&seed=${SETTINGS.seed}`;

async function post(body: unknown, query = ''): Promise<Answer> {
  const res = await postJson(`/v1/business-case${query}`, body);
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return (await expectDocumented(res, ...OP)) as Answer;
}

async function get<T = Answer>(path: string, url: string): Promise<T> {
  const res = await call(url);
  expect(res.status, url).toBe(200);
  return (await expectDocumented(res, 'GET', path)) as T;
}

async function text(url: string, body?: unknown): Promise<string> {
  const res = body === undefined ? await call(url) : await postJson(url, body);
  expect(res.status, url).toBe(200);
  return res.text();
}

/** Every range replaced by its likely value: the point scenario a ranged one must answer the figures of. */
function atLikely(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(atLikely);
  if (value && typeof value === 'object') {
    if ('likely' in value) return (value as { likely: number }).likely;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, atLikely(v)]));
  }
  return value;
}

/** The answer without what only a simulation or a tornado adds. */
function deterministic(a: Answer): unknown {
  const { simulation: _s, sensitivity: _t, ...rest } = a;
  return {
    ...rest,
    problems: a.problems.map(({ uncertainty: _u, ...p }) => p),
    investments: a.investments.map(({ uncertainty: _u, sensitivity: _x, ...i }) => i),
    totals: (({ uncertainty: _u, sensitivity: _x, ...t }) => t)(a.totals),
  };
}

/** The same keys at every level, in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  return value;
}

function expectSpread(s: Spread | undefined, where: string): asserts s is Spread {
  expect(s, where).toBeDefined();
  for (const k of ['mean', 'p10', 'p50', 'p90'] as const) expect(Number.isFinite(s![k]), `${where}.${k}`).toBe(true);
  expect(s!.p10, where).toBeLessThanOrEqual(s!.p50);
  expect(s!.p50, where).toBeLessThanOrEqual(s!.p90);
}

const byId = <T extends { id: string }>(list: T[], id: string): T => {
  const found = list.find((x) => x.id === id);
  expect(found, id).toBeDefined();
  return found!;
};

describe('a scenario with ranges', () => {
  it('answers the figures of its likely values, and the simulated spread of each damage and npv beside them', async () => {
    const answer = await post(ranged);
    const likely = await post(atLikely(ranged));
    expect(deterministic(answer)).toEqual(deterministic(likely));
    // The likely values are the worked example's (loyalty.silent and negativeTold at their defaults).
    const fix = byId(answer.investments, 'fix-billing');
    expect(fix.npv).toBeCloseTo(5096632.31, 2);
    expect(byId(answer.problems, 'late-delivery').totalAnnualDamage).toBeCloseTo(8135000, 4);
    expect(answer.simulation).toEqual(SETTINGS);
    // The point answer has no simulated figures; the ranged one has every one of them.
    expect(likely.simulation).toEqual(SETTINGS);
    expect(JSON.stringify(likely)).not.toContain('"uncertainty"');
    for (const p of answer.problems) expectSpread(p.uncertainty?.totalAnnualDamage, `problems.${p.id}`);
    for (const i of answer.investments) {
      expectSpread(i.uncertainty?.npv, `investments.${i.id}`);
      expect(i.uncertainty!.probabilityPositiveNpv).toBeGreaterThanOrEqual(0);
      expect(i.uncertainty!.probabilityPositiveNpv).toBeLessThanOrEqual(1);
    }
    expectSpread(answer.totals.uncertainty?.totalAnnualDamage, 'totals');
  });

  it('draws within the ranges: every simulated damage lies between the damage at the ranges’ worst and best ends', async () => {
    const answer = await post(ranged);
    // Damage rises with the lifetime value, the prevalence and bad news told, and falls as more silent customers stay.
    const ends = (lifetimeValue: number, silent: number, told: number, prevalence: [number, number]) => {
      const s = structuredClone(atLikely(ranged)) as typeof workedExample & Record<string, any>;
      s.customerValue.lifetimeValue = lifetimeValue;
      s.loyalty = { silent };
      s.wordOfMouth = { negativeTold: told };
      s.problems[0]!.prevalence = prevalence[0];
      s.problems[1]!.prevalence = prevalence[1];
      return post(s);
    };
    const least = await ends(400, 0.15, 6, [0.08, 0.15]);
    const most = await ends(700, 0.05, 14, [0.15, 0.3]);
    for (const p of answer.problems) {
      const s = p.uncertainty!.totalAnnualDamage;
      const lo = byId(least.problems, p.id).totalAnnualDamage;
      const hi = byId(most.problems, p.id).totalAnnualDamage;
      expect(s.p10).toBeGreaterThanOrEqual(lo);
      expect(s.p90).toBeLessThanOrEqual(hi);
      expect(s.p90 - s.p10, 'the draws spread').toBeGreaterThan((hi - lo) / 10);
      expect(s.mean).toBeGreaterThan(lo);
      expect(s.mean).toBeLessThan(hi);
    }
  });

  it('a problem no range touches has its damage as its spread, and a range with equal ends is that constant', async () => {
    const s = structuredClone(workedExample) as Record<string, any>;
    s.problems[0].costPerComplaint = range(8, 8, 8);
    s.problems[1].prevalence = range(0.15, 0.2, 0.3, 'uniform');
    const answer = await post({ ...s, simulation: { samples: 300, seed: 5 } });
    const billing = byId(answer.problems, 'billing-errors');
    expect(billing.uncertainty!.totalAnnualDamage).toMatchObject({
      p10: billing.totalAnnualDamage,
      p50: billing.totalAnnualDamage,
      p90: billing.totalAnnualDamage,
    });
    expect(billing.uncertainty!.totalAnnualDamage.mean).toBeCloseTo(billing.totalAnnualDamage, 4);
    const late = byId(answer.problems, 'late-delivery');
    expect(late.uncertainty!.totalAnnualDamage.p90).toBeGreaterThan(late.uncertainty!.totalAnnualDamage.p10);
  });

  it('draws each distribution as MODEL.md §6 defines it: percentiles and mean of PERT, triangular and uniform (20,000 samples)', async () => {
    // Damage is affine in costPerComplaint, slope = complainants: the damage's percentiles are the cost's.
    const scenario = (cost: unknown) => ({
      customers: 100000,
      customerValue: { lifetimeValue: 500 },
      problems: [
        { id: 'p', prevalence: 0.1, complaintRate: 0.5, outcomes: { satisfied: 0.4, mollified: 0.2, dissatisfied: 0.4 }, costPerComplaint: cost },
      ],
      simulation: { samples: 20000, seed: 11 },
    });
    const base = (await post(scenario(0))).problems[0]!;
    const cost = async (distribution?: string) => {
      const s = (await post(scenario(range(0, 20, 100, distribution)))).problems[0]!.uncertainty!.totalAnnualDamage;
      const of = (x: number) => (x - base.totalAnnualDamage) / base.complainants;
      return { mean: of(s.mean), p10: of(s.p10), p50: of(s.p50), p90: of(s.p90) };
    };
    // Within 1 of 100 (about 5 standard errors at 20,000 samples).
    const close = (got: Record<string, number>, want: Record<string, number>) => {
      for (const k of Object.keys(want)) expect(Math.abs(got[k]! - want[k]!), `${k}: ${got[k]} vs ${want[k]}`).toBeLessThan(1);
    };
    close(await cost('uniform'), { mean: 50, p10: 10, p50: 50, p90: 90 });
    // Triangular (0, 20, 100): F(x) = x²/2000 up to the mode, 1 − (100 − x)²/8000 above it.
    close(await cost('triangular'), { mean: 40, p10: Math.sqrt(200), p50: 100 - Math.sqrt(4000), p90: 100 - Math.sqrt(800) });
    // PERT (0, 20, 100) = 100 · Beta(1.8, 4.2), mean (0 + 4·20 + 100)/6; its quantiles by integrating the density.
    const q = betaQuantiles(1.8, 4.2, [0.1, 0.5, 0.9]).map((x) => 100 * x);
    const pert = await cost('pert');
    close(pert, { mean: 30, p10: q[0]!, p50: q[1]!, p90: q[2]! });
    // PERT is the default.
    expect(await cost()).toEqual(pert);
  });

  it('probabilityPositiveNpv and the npv spread follow the break-even of the ranged input', async () => {
    // npv falls one for one with the upfront cost: it is positive while upfront is below its break-even.
    const s = structuredClone(workedExample) as Record<string, any>;
    s.investments[0].cost.upfront = range(0, 250000, 10_000_000, 'uniform');
    const answer = await post({ ...s, simulation: { samples: 20000, seed: 3 } });
    const fix = byId(answer.investments, 'fix-billing');
    const breakEven = fix.breakEven.find((b) => b.field === 'investments[0].cost.upfront')!.breakEven!;
    expect(breakEven).toBeCloseTo(5346632.31, 2);
    expect(Math.abs(fix.uncertainty!.probabilityPositiveNpv - breakEven / 10_000_000)).toBeLessThan(0.02);
    // npv at upfront u is npv + 250,000 − u: its P10 is at upfront's P90.
    expect(Math.abs(fix.uncertainty!.npv.p10 - (fix.npv + 250000 - 9_000_000))).toBeLessThan(100_000);
    expect(Math.abs(fix.uncertainty!.npv.p90 - (fix.npv + 250000 - 1_000_000))).toBeLessThan(100_000);
    // fix-billing's upfront cost does not move better-handling's npv, which stays positive in every draw.
    expect(byId(answer.investments, 'better-handling').uncertainty!.probabilityPositiveNpv).toBe(1);
  });
});

describe('reproducible: the same scenario, seed and samples give byte-identical figures', () => {
  it('again and again, and whatever the order of the keys in the JSON', async () => {
    const first = await text('/v1/business-case', ranged);
    expect(await text('/v1/business-case', ranged)).toBe(first);
    expect(await text('/v1/business-case', reversedKeys(ranged))).toBe(first);
    const reseeded = await post({ ...ranged, simulation: { ...SETTINGS, seed: 43 } });
    const answer = JSON.parse(first) as Answer;
    expect(reseeded.investments[0]!.uncertainty).not.toEqual(answer.investments[0]!.uncertainty);
    expect(deterministic(reseeded)).toEqual(deterministic(answer));
    // 2^32 − 1 is a seed like any other.
    expect((await post({ ...ranged, simulation: { ...SETTINGS, seed: 2 ** 32 - 1 } })).simulation).toEqual({ ...SETTINGS, seed: 2 ** 32 - 1 });
  });

  it('from the compact GET form, which names scenario-wide inputs by their parameters', async () => {
    const viaPost = await post(ranged);
    const viaGet = await get('/v1/business-case', `/v1/business-case?${RANGED_GET}`);
    // Byte for byte, once the GET form's parameter names are put back as JSON paths.
    const { assumptions: _a, ...getRest } = viaGet;
    const { assumptions: _b, ...postRest } = viaPost;
    const renamed = JSON.stringify(getRest)
      .replaceAll('"field":"lifetimeValue"', '"field":"customerValue.lifetimeValue"')
      .replaceAll('"field":"negativeTold"', '"field":"wordOfMouth.negativeTold"');
    expect(JSON.stringify(getRest)).toContain('"field":"lifetimeValue"');
    expect(renamed).toBe(JSON.stringify(postRest));
    // The parameters' order does not matter either (only the problems' and investments' own order does).
    const params = RANGED_GET.split('&');
    const reordered = [
      ...params.filter((p) => !/^(problem|investment)=/.test(p)).reverse(),
      ...params.filter((p) => /^(problem|investment)=/.test(p)),
    ];
    expect(await text(`/v1/business-case?${reordered.join('&')}`)).toBe(await text(`/v1/business-case?${RANGED_GET}`));
  });

  it('from the flat parameters of /v1/problem-damage and /v1/investment-roi', async () => {
    const flat = (path: string) =>
      path
        .replace(/^customerValue\.|^wordOfMouth\.|^finance\.|^problems\[0\]\.|^investments\[0\]\.effects\./, '')
        .replace('investments[0].cost.upfront', 'upfrontCost')
        .replace('investments[0].cost.annual', 'annualCost');
    const named = <T extends { field: string }>(list: T[] | undefined) => list?.map((e) => ({ ...e, field: flat(e.field) }));
    const scenario = {
      customers: 100000,
      customerValue: { lifetimeValue: range(400, 500, 700) },
      loyalty: { silent: range(0.05, 0.09, 0.15) },
      wordOfMouth: { negativeTold: range(6, 10, 14, 'triangular') },
      finance: { riskAdjustment: range(0.05, 0.1, 0.2) },
      problems: [
        {
          id: 'problem',
          prevalence: range(0.08, 0.12, 0.15),
          complaintRate: range(0.4, 0.5, 0.6, 'uniform'),
          outcomes: { satisfied: 0.4, mollified: 0.2, dissatisfied: 0.4 },
          costPerComplaint: range(6, 8, 12),
        },
      ],
      investments: [
        {
          id: 'investment',
          problems: 'all',
          effects: { prevalenceReduction: range(0.4, 0.6, 0.7) },
          cost: { upfront: range(200000, 250000, 400000), annual: 50000 },
        },
      ],
      simulation: SETTINGS,
      sensitivity: { swing: 0.1, top: 50 },
    };
    const problemQuery =
      'customers=100000&lifetimeValue=400/500/700&loyalty.silent=0.05/0.09/0.15&negativeTold=6/10/14/triangular' +
      '&prevalence=0.08/0.12/0.15&complaintRate=0.4/0.5/0.6/uniform&satisfied=0.4&mollified=0.2&dissatisfied=0.4&costPerComplaint=6/8/12' +
      `&samples=${SETTINGS.samples}&seed=${SETTINGS.seed}&swing=0.1&top=50`;

    const { investments: _i, finance: _f, ...damageOnly } = scenario;
    const damagePost = await post(damageOnly);
    type Damage = { uncertainty: object; sensitivity: Entry[]; totalAnnualDamage: number; simulation: object };
    const damageGet = await get<Damage>('/v1/problem-damage', `/v1/problem-damage?${problemQuery}`);
    expect(JSON.stringify(damageGet.uncertainty)).toBe(JSON.stringify(damagePost.problems[0]!.uncertainty));
    expect(damageGet.totalAnnualDamage).toBe(damagePost.problems[0]!.totalAnnualDamage);
    expect(damageGet.sensitivity).toEqual(named(damagePost.totals.sensitivity));
    expect(damageGet.sensitivity.map((e) => e.field)).toContain('prevalence');
    expect(damageGet.simulation).toEqual(SETTINGS);

    const roiPost = (await post(scenario)).investments[0]!;
    type Roi = { uncertainty: object; sensitivity: Entry[]; breakEven: BreakEven[]; npv: number; irr: number };
    const roiGet = await get<Roi>(
      '/v1/investment-roi',
      `/v1/investment-roi?${problemQuery}&riskAdjustment=0.05/0.1/0.2&prevalenceReduction=0.4/0.6/0.7&upfrontCost=200000/250000/400000&annualCost=50000`,
    );
    expect(JSON.stringify(roiGet.uncertainty)).toBe(JSON.stringify(roiPost.uncertainty));
    expect([roiGet.npv, roiGet.irr]).toEqual([roiPost.npv, roiPost.irr]);
    expect(roiGet.sensitivity).toEqual(named(roiPost.sensitivity));
    expect(roiGet.breakEven).toEqual(named(roiPost.breakEven));
    expect(roiGet.breakEven.map((b) => b.field)).toEqual(['prevalenceReduction', 'upfrontCost', 'annualCost', 'lifetimeValue']);
  });
});

describe('settings without a range', () => {
  it('a simulation is echoed and nothing is simulated', async () => {
    const answer = await post({ ...workedExample, simulation: { samples: 2000, seed: 9 } });
    expect(answer.simulation).toEqual({ samples: 2000, seed: 9 });
    const plain = await post(workedExample);
    expect(plain.simulation).toBeUndefined();
    const { simulation: _s, ...rest } = answer;
    expect(rest).toEqual(plain);
    expect(JSON.stringify(answer)).not.toMatch(/"uncertainty"|"sensitivity"/);
    // Spread columns come only with a simulation.
    const [header] = parseDelimited(
      await text('/v1/business-case?format=csv&table=investments', { ...workedExample, simulation: { samples: 2000 } }),
    );
    expect(header).not.toContain('npvMean');
    // The same from a spreadsheet.
    const damage = await get<Record<string, unknown>>(
      '/v1/problem-damage',
      '/v1/problem-damage?customers=100000&lifetimeValue=500&prevalence=0.12&complaintRate=0.5&satisfied=0.4&mollified=0.2&dissatisfied=0.4&samples=200',
    );
    expect(damage.simulation).toEqual({ samples: 200, seed: 1 });
    expect(damage.uncertainty).toBeUndefined();
  });

  it('a range without settings is simulated with the defaults, 10,000 samples from seed 1', async () => {
    const s = structuredClone(workedExample) as Record<string, any>;
    s.problems[0].prevalence = range(0.1, 0.12, 0.14);
    const answer = await post(s);
    expect(answer.simulation).toEqual({ samples: 10000, seed: 1 });
    expect(JSON.stringify((await post({ ...s, simulation: { samples: 10000, seed: 1 } })).investments)).toBe(JSON.stringify(answer.investments));
  });

  it('a swing alone adds the tornado, not the simulation', async () => {
    const answer = await post({ ...workedExample, sensitivity: { swing: 0.2, top: 3 } });
    expect(answer.simulation).toBeUndefined();
    expect(answer.sensitivity).toEqual({ swing: 0.2, top: 3 });
    expect(JSON.stringify(answer)).not.toContain('"uncertainty"');
    for (const i of answer.investments) expect(i.sensitivity).toHaveLength(3);
    expect(answer.totals.sensitivity).toHaveLength(3);
  });
});

describe('the worked example, continued (MODEL.md)', () => {
  it('break-even of fix-billing, its irr, and the tornado of ±20%', async () => {
    const answer = await post({ ...workedExample, sensitivity: { swing: 0.2 } });
    const fix = byId(answer.investments, 'fix-billing');
    expect(fix.irr!).toBeCloseTo(8.5901, 4);
    expect(fix.breakEven.map((b) => [b.field, b.value])).toEqual([
      ['investments[0].effects.prevalenceReduction', 0.6],
      ['investments[0].cost.upfront', 250000],
      ['investments[0].cost.annual', 50000],
      ['customerValue.lifetimeValue', 500],
    ]);
    const [reduction, upfront, annual, lifetimeValue] = fix.breakEven.map((b) => b.breakEven!);
    expect(reduction).toBeCloseTo(0.041054, 6);
    expect(upfront).toBeCloseTo(5346632.31, 2);
    expect(annual).toBeCloseTo(2099431.3, 2);
    expect(lifetimeValue).toBeCloseTo(28.6583, 4);
    const [top] = fix.sensitivity!;
    expect(top!.field).toBe('loyalty.baseline');
    expect(top!.low).toBeCloseTo(0.68, 12);
    expect(top!.high).toBe(1);
    expect(top!.figureAtLow).toBeCloseTo(3726874.23, 2);
    expect(top!.figureAtHigh).toBeCloseTo(6305242.37, 2);
    expect(top!.swing).toBeCloseTo(top!.figureAtHigh - top!.figureAtLow, 6);
    // An investment's tornado holds the scenario-wide inputs, its problems' and its own: not the other problem's.
    expect(fix.sensitivity!.map((e) => e.field).filter((f) => /problems\[1\]|investments\[1\]/.test(f))).toEqual([]);
    // The settings are echoed as given.
    expect(answer.sensitivity).toEqual({ swing: 0.2, top: 10 });
  });

  it('each break-even makes npv 0, each tornado end is the npv at that end, and the irr discounts the flows to 0', async () => {
    const fixNpv = async (change: (s: Record<string, any>) => void) => {
      const s = structuredClone(workedExample) as Record<string, any>;
      change(s);
      return byId((await post(s)).investments, 'fix-billing');
    };
    const fix = byId((await post({ ...workedExample, sensitivity: { swing: 0.2 } })).investments, 'fix-billing');
    const at = (field: string) => fix.breakEven.find((b) => b.field === field)!.breakEven!;
    expect(
      Math.abs((await fixNpv((s) => (s.investments[0].effects.prevalenceReduction = at('investments[0].effects.prevalenceReduction')))).npv),
    ).toBeLessThan(1e-3);
    expect(Math.abs((await fixNpv((s) => (s.investments[0].cost.upfront = at('investments[0].cost.upfront')))).npv)).toBeLessThan(1e-3);
    expect(Math.abs((await fixNpv((s) => (s.investments[0].cost.annual = at('investments[0].cost.annual')))).npv)).toBeLessThan(1e-3);
    expect(Math.abs((await fixNpv((s) => (s.customerValue.lifetimeValue = at('customerValue.lifetimeValue')))).npv)).toBeLessThan(1e-3);
    const baseline = fix.sensitivity![0]!;
    expect((await fixNpv((s) => (s.loyalty = { baseline: baseline.low }))).npv).toBeCloseTo(baseline.figureAtLow, 4);
    expect((await fixNpv((s) => (s.loyalty = { baseline: baseline.high }))).npv).toBeCloseTo(baseline.figureAtHigh, 4);
    // An irr below 100% can be checked as a discount rate: at it, npv is 0.
    const dear = await fixNpv((s) => (s.investments[0].cost.upfront = 5_000_000));
    expect(dear.irr!).toBeGreaterThan(0.05);
    expect(dear.irr!).toBeLessThan(1);
    const atIrr = await fixNpv((s) => {
      s.investments[0].cost.upfront = 5_000_000;
      s.finance = { discountRate: dear.irr };
    });
    expect(Math.abs(atIrr.npv)).toBeLessThan(1e-3);
    // Flows that never change sign have no irr, and the note says why.
    const free = await fixNpv((s) => (s.investments[0].cost = {}));
    expect(free.irr).toBeNull();
    expect(free.notes.some((n) => n.startsWith('irr is null'))).toBe(true);
  });

  it('the same through the GET form, naming the lifetime value by its parameter', async () => {
    const viaGet = await get('/v1/business-case', `/v1/business-case?${WORKED_GET}&swing=0.2`);
    const fix = byId(viaGet.investments, 'fix-billing');
    expect(fix.breakEven.at(-1)).toMatchObject({ field: 'lifetimeValue', value: 500 });
    expect(fix.breakEven.at(-1)!.breakEven!).toBeCloseTo(28.6583, 4);
    expect(fix.sensitivity![0]!.field).toBe('loyalty.baseline');
    expect(await text(`/v1/business-case?${WORKED_GET}&swing=0.2&field=investments.fix-billing.sensitivity.0.figureAtHigh`)).toBe(
      String(fix.sensitivity![0]!.figureAtHigh),
    );
    expect(Number(await text(`/v1/business-case?${WORKED_GET}&field=investments.fix-billing.irr`))).toBeCloseTo(8.5901, 4);
  });
});

describe('field= reaches every new figure', () => {
  it('P10 of an npv, probabilityPositiveNpv, irr, a break-even by path and by position, a tornado entry by input path', async () => {
    const answer = await post(ranged);
    const fix = byId(answer.investments, 'fix-billing');
    const field = (path: string) => text(`/v1/business-case?field=${encodeURIComponent(path)}`, ranged);
    expect(await field('investments.fix-billing.uncertainty.npv.p10')).toBe(String(fix.uncertainty!.npv.p10));
    expect(await field('investments.fix-billing.uncertainty.probabilityPositiveNpv')).toBe(String(fix.uncertainty!.probabilityPositiveNpv));
    expect(await field('investments.fix-billing.irr')).toBe(String(fix.irr));
    const upfront = fix.breakEven.find((b) => b.field === 'investments[0].cost.upfront')!;
    expect(await field('investments.fix-billing.breakEven.investments[0].cost.upfront.breakEven')).toBe(String(upfront.breakEven));
    expect(await field('investments.fix-billing.breakEven.1.breakEven')).toBe(String(upfront.breakEven));
    expect(await field('investments.fix-billing.breakEven.customerValue.lifetimeValue.value')).toBe('500');
    const silent = fix.sensitivity!.find((e) => e.field === 'loyalty.silent')!;
    expect(await field('investments.fix-billing.sensitivity.loyalty.silent.figureAtHigh')).toBe(String(silent.figureAtHigh));
    const prevalence = answer.totals.sensitivity!.find((e) => e.field === 'problems[1].prevalence')!;
    expect(await field('totals.sensitivity.problems[1].prevalence.swing')).toBe(String(prevalence.swing));
    expect(await field('totals.uncertainty.totalAnnualDamage.p90')).toBe(String(answer.totals.uncertainty!.totalAnnualDamage.p90));
    expect(await field('problems.late-delivery.uncertainty.totalAnnualDamage.mean')).toBe(
      String(byId(answer.problems, 'late-delivery').uncertainty!.totalAnnualDamage.mean),
    );
    // An input the tornado does not list is no value of the answer.
    const missing = await postJson(
      `/v1/business-case?field=${encodeURIComponent('investments.better-handling.sensitivity.loyalty.silent.swing')}`,
      ranged,
    );
    expect(missing.status).toBe(422);
    expect(await missing.text()).toMatch(/^field: names no value of this answer/);
  });

  it('in the GET forms, by the parameters’ names', async () => {
    const viaGet = await get('/v1/business-case', `/v1/business-case?${RANGED_GET}`);
    const fix = byId(viaGet.investments, 'fix-billing');
    const field = (path: string) => text(`/v1/business-case?${RANGED_GET}&field=${encodeURIComponent(path)}`);
    expect(await field('investments.fix-billing.breakEven.lifetimeValue.breakEven')).toBe(String(fix.breakEven.at(-1)!.breakEven));
    expect(await field('investments.fix-billing.sensitivity.lifetimeValue.swing')).toBe(
      String(fix.sensitivity!.find((e) => e.field === 'lifetimeValue')!.swing),
    );
    expect(await field('investments.0.uncertainty.npv.p10')).toBe(String(viaGet.investments[0]!.uncertainty!.npv.p10));
    const roi =
      '/v1/investment-roi?customers=100000&lifetimeValue=400/500/700&prevalence=0.12&complaintRate=0.5&satisfied=0.4&mollified=0.2&dissatisfied=0.4&prevalenceReduction=0.6&upfrontCost=250000&annualCost=50000&samples=100';
    const body = await get<{ uncertainty: { npv: Spread }; breakEven: BreakEven[]; sensitivity: Entry[] }>('/v1/investment-roi', roi);
    expect(await text(`${roi}&field=uncertainty.npv.p10`)).toBe(String(body.uncertainty.npv.p10));
    expect(await text(`${roi}&field=breakEven.upfrontCost.breakEven`)).toBe(String(body.breakEven.find((b) => b.field === 'upfrontCost')!.breakEven));
    expect(await text(`${roi}&field=sensitivity.lifetimeValue.figureAtLow`)).toBe(String(body.sensitivity[0]!.figureAtLow));
  });
});

describe('tables for spreadsheets', () => {
  it('table=sensitivity: one row per investment and swept input, then the total damage’s rows', async () => {
    const body = { ...ranged, sensitivity: { top: 50 } };
    const answer = await post(body);
    const [header, ...rows] = parseDelimited(await text('/v1/business-case?format=csv&table=sensitivity', body));
    expect(header).toEqual(['subject', 'figure', 'rank', 'field', 'low', 'high', 'figureAtLow', 'figureAtHigh', 'swing']);
    const expected = [
      ...answer.investments.flatMap((i) =>
        i.sensitivity!.map((e, k) => [i.id, 'npv', String(k + 1), e.field, ...[e.low, e.high, e.figureAtLow, e.figureAtHigh, e.swing].map(String)]),
      ),
      ...answer.totals.sensitivity!.map((e, k) => [
        'totals',
        'totalAnnualDamage',
        String(k + 1),
        e.field,
        ...[e.low, e.high, e.figureAtLow, e.figureAtHigh, e.swing].map(String),
      ]),
    ];
    expect(rows).toEqual(expected);
    // Which inputs move which figure (those whose swing is not 0): fix-billing's inputs, the scenario-wide ones and
    // billing-errors'; better-handling acts on complainants only, so the silent customers' loyalty does not move it;
    // the total damage, every input that enters damage and none of the investments'.
    const fields = (subject: string) =>
      rows
        .filter((r) => r[0] === subject)
        .map((r) => r[3])
        .sort();
    expect(fields('fix-billing')).toEqual(
      [
        'customerValue.lifetimeValue',
        'investments[0].cost.upfront',
        'investments[0].effects.prevalenceReduction',
        'loyalty.silent',
        'problems[0].prevalence',
        'wordOfMouth.negativeTold',
      ].sort(),
    );
    expect(fields('better-handling')).toEqual(
      [
        'customerValue.lifetimeValue',
        'investments[1].cost.upfront',
        'problems[0].prevalence',
        'problems[1].prevalence',
        'wordOfMouth.negativeTold',
      ].sort(),
    );
    expect(fields('totals')).toEqual(
      ['customerValue.lifetimeValue', 'loyalty.silent', 'problems[0].prevalence', 'problems[1].prevalence', 'wordOfMouth.negativeTold'].sort(),
    );
    // top cuts each list.
    const [, ...cut] = parseDelimited(await text('/v1/business-case?format=csv&table=sensitivity', { ...ranged, sensitivity: { top: 2 } }));
    expect(cut.map((r) => `${r[0]} ${r[2]}`)).toEqual([
      'fix-billing 1',
      'fix-billing 2',
      'better-handling 1',
      'better-handling 2',
      'totals 1',
      'totals 2',
    ]);
    // The GET form names the inputs by its parameters.
    const [, ...viaGet] = parseDelimited(await text(`/v1/business-case?${RANGED_GET}&top=50&format=csv&table=sensitivity`));
    expect(viaGet.map((r) => r[3])).toContain('lifetimeValue');
    expect(viaGet.map((r) => r.slice(4))).toEqual(rows.map((r) => r.slice(4)));
  });

  it('table=breakEven: one row per investment and input, as in the JSON', async () => {
    const answer = await post(ranged);
    const [header, ...rows] = parseDelimited(await text('/v1/business-case?format=csv&table=breakEven', ranged));
    expect(header).toEqual(['investment', 'field', 'value', 'breakEven']);
    expect(rows).toEqual(
      answer.investments.flatMap((i) => i.breakEven.map((b) => [i.id, b.field, String(b.value), b.breakEven === null ? '' : String(b.breakEven)])),
    );
    expect(rows.length).toBe(4 + 3);
  });

  it('the investments and problems tables gain the spread columns only when simulated', async () => {
    const columns = ['npvMean', 'npvP10', 'npvP50', 'npvP90', 'probabilityPositiveNpv'];
    const [plainHeader] = parseDelimited(await text('/v1/business-case?format=csv&table=investments', workedExample));
    for (const c of columns) expect(plainHeader).not.toContain(c);
    const [swungHeader] = parseDelimited(
      await text('/v1/business-case?format=csv&table=investments', { ...workedExample, sensitivity: { swing: 0.2 } }),
    );
    expect(swungHeader).toEqual(plainHeader);

    const answer = await post(ranged);
    const [header, ...rows] = parseDelimited(await text('/v1/business-case?format=csv&table=investments', ranged));
    expect(header).toEqual([...plainHeader!, ...columns]);
    answer.investments.forEach((inv, k) => {
      const cell = (c: string) => rows[k]![header!.indexOf(c)];
      expect(cell('id')).toBe(inv.id);
      expect(cell('npvMean')).toBe(String(inv.uncertainty!.npv.mean));
      expect(cell('npvP10')).toBe(String(inv.uncertainty!.npv.p10));
      expect(cell('npvP50')).toBe(String(inv.uncertainty!.npv.p50));
      expect(cell('npvP90')).toBe(String(inv.uncertainty!.npv.p90));
      expect(cell('probabilityPositiveNpv')).toBe(String(inv.uncertainty!.probabilityPositiveNpv));
    });

    const [problemsPlain] = parseDelimited(await text('/v1/business-case?format=csv&table=problems', workedExample));
    const [problemsHeader, first] = parseDelimited(await text('/v1/business-case?format=csv&table=problems', ranged));
    expect(problemsHeader).toEqual([
      ...problemsPlain!,
      'totalAnnualDamageMean',
      'totalAnnualDamageP10',
      'totalAnnualDamageP50',
      'totalAnnualDamageP90',
    ]);
    expect(first![problemsHeader!.indexOf('totalAnnualDamageP90')]).toBe(String(answer.problems[0]!.uncertainty!.totalAnnualDamage.p90));
  });

  it('the one-row answers of the flat routes gain them too', async () => {
    const q = 'customers=100000&lifetimeValue=400/500/700&prevalence=0.12&complaintRate=0.5&satisfied=0.4&mollified=0.2&dissatisfied=0.4&samples=100';
    const [damageHeader, damageRow] = parseDelimited(await text(`/v1/problem-damage?${q}&format=csv`));
    expect(damageHeader!.slice(-4)).toEqual(['totalAnnualDamageMean', 'totalAnnualDamageP10', 'totalAnnualDamageP50', 'totalAnnualDamageP90']);
    const damage = await get<{ uncertainty: { totalAnnualDamage: Spread } }>('/v1/problem-damage', `/v1/problem-damage?${q}`);
    expect(damageRow!.at(-1)).toBe(String(damage.uncertainty.totalAnnualDamage.p90));
    const [roiHeader] = parseDelimited(await text(`/v1/investment-roi?${q}&prevalenceReduction=0.5&format=csv`));
    expect(roiHeader!.slice(-5)).toEqual(['npvMean', 'npvP10', 'npvP50', 'npvP90', 'probabilityPositiveNpv']);
    const [plainHeader] = parseDelimited(await text(`/v1/investment-roi?${q.replace('400/500/700', '500')}&prevalenceReduction=0.5&format=csv`));
    expect(plainHeader).not.toContain('npvMean');
  });
});

describe('large simulations', () => {
  it('accepts 100,000 samples of a 10-problem, 10-investment scenario', async () => {
    const problems = Array.from({ length: 10 }, (_, i) => ({
      id: `p${i}`,
      prevalence: range(0.01, 0.02 + i / 100, 0.2),
      complaintRate: 0.3,
      outcomes: { satisfied: 0.4, mollified: 0.3, dissatisfied: 0.3 },
      costPerComplaint: 10,
    }));
    const investments = Array.from({ length: 10 }, (_, i) => ({
      id: `i${i}`,
      problems: i % 2 ? 'all' : [`p${i}`],
      effects: { prevalenceReduction: 0.3 },
      cost: { upfront: range(1000, 2000, 5000), annual: 100 },
    }));
    const answer = await post({
      customers: 100000,
      customerValue: { lifetimeValue: range(100, 500, 900) },
      problems,
      investments,
      simulation: { samples: 100000, seed: 7 },
    });
    expect(answer.simulation).toEqual({ samples: 100000, seed: 7 });
    expect(answer.investments).toHaveLength(10);
    for (const i of answer.investments) expectSpread(i.uncertainty?.npv, i.id);
    for (const p of answer.problems) expectSpread(p.uncertainty?.totalAnnualDamage, p.id);
  }, 30_000);
});

/** The q-quantiles of Beta(a, b), from its density integrated by the midpoint rule on a fine grid. */
function betaQuantiles(a: number, b: number, qs: number[]): number[] {
  const n = 200_000;
  const density = (x: number) => x ** (a - 1) * (1 - x) ** (b - 1);
  const cumulative = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i]! + density((i + 0.5) / n) / n;
  const total = cumulative[n]!;
  return qs.map((q) => {
    let i = 0;
    while (cumulative[i + 1]! / total < q) i++;
    const lo = cumulative[i]! / total;
    const hi = cumulative[i + 1]! / total;
    return (i + (q - lo) / (hi - lo)) / n;
  });
}

describe('one discountRate serving both rates on GET', () => {
  it('a tornado that moves only the cash flows’ rate names it finance.discountRate; with a lifetime value given, discountRate', async () => {
    const items =
      '&problem=a,prevalence:0.1,complaintRate:0.5,outcomes:0.4/0.2/0.4&investment=i,problems:a,prevalenceReduction:0.5,upfront:100000,annual:1000&swing=0.3';
    const annual = (await (
      await call(`/v1/business-case?customers=100000&annualRevenue=1000&grossMargin=0.4&retentionRate=0.8&discountRate=0.12${items}`)
    ).json()) as Answer;
    const fields = annual.investments[0]!.sensitivity!.map((e) => e.field);
    expect(fields).toContain('finance.discountRate');
    expect(fields).not.toContain('discountRate');
    const given = (await (await call(`/v1/business-case?customers=100000&lifetimeValue=500&discountRate=0.12${items}`)).json()) as Answer;
    expect(given.investments[0]!.sensitivity!.map((e) => e.field)).toContain('discountRate');
  });
});
