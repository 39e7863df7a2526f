// The portfolio through the API (MODEL.md §9, its worked example continued): the chosen set's figures, the funding
// ladder, the members' tables, the simulated npv when the scenario holds ranges, and the same portfolio from POST
// and GET.
import { describe, expect, it } from 'vitest';
import { rangedExample, workedExample } from '../../src/schemas/examples.ts';
import { WORKED_GET } from '../fixtures.ts';
import { call, expectDocumented, parseDelimited, postJson } from './helpers.ts';

type Spread = { mean: number; p10: number; p50: number; p90: number };
type Portfolio = {
  method: 'exact' | 'heuristic';
  investments: string[];
  upfront: number;
  annual: number;
  annualBenefit: number;
  standaloneBenefitSum: number;
  overlap: number;
  pvBenefits: number;
  pvCosts: number;
  npv: number;
  roi: number | null;
  paybackMonths: number | null;
  irr: number | null;
  ladder: { id: string; marginalNpv: number; npv: number; upfront: number; annual: number }[];
  members: { id: string; marginalNpv: number }[];
  uncertainty?: { npv: Spread; probabilityPositiveNpv: number };
};
type Answer = { investments: { id: string; npv: number }[]; portfolio?: Portfolio };

const OP = ['POST', '/v1/business-case'] as const;

async function post(body: unknown, query = ''): Promise<Answer> {
  const res = await postJson(`/v1/business-case${query}`, body);
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return (await expectDocumented(res, ...OP)) as Answer;
}

async function get(query: string): Promise<Answer> {
  const res = await call(`/v1/business-case?${query}`);
  expect(res.status, query).toBe(200);
  return (await expectDocumented(res, 'GET', '/v1/business-case')) as Answer;
}

async function text(url: string, body?: unknown): Promise<string> {
  const res = body === undefined ? await call(url) : await postJson(url, body);
  expect(res.status, url).toBe(200);
  return res.text();
}

/** MODEL.md §9, "Worked example, continued". */
function expectWorkedPortfolio(p: Portfolio | undefined): void {
  expect(p).toBeDefined();
  expect(p!.method).toBe('exact');
  expect(p!.investments).toEqual(['fix-billing', 'better-handling']);
  expect(p!.upfront).toBe(350000);
  expect(p!.annual).toBe(170000);
  expect(p!.annualBenefit).toBeCloseTo(3420600, 4);
  expect(p!.standaloneBenefitSum).toBeCloseTo(3917400, 4);
  expect(p!.overlap).toBeCloseTo(496800, 4);
  expect(p!.npv).toBeCloseTo(6883108.49, 2);
  expect(p!.pvBenefits - p!.pvCosts).toBeCloseTo(p!.npv, 6);
  expect(p!.roi).toBeCloseTo(8.9071, 4);
  expect(p!.roi!).toBeCloseTo(p!.npv / p!.pvCosts, 9);
  expect(p!.paybackMonths).toBe(2);
  expect(p!.irr).toBeCloseTo(8.2998, 4);
  expect(p!.ladder.map((s) => s.id)).toEqual(['fix-billing', 'better-handling']);
  expect(p!.ladder[0]!.marginalNpv).toBeCloseTo(5096632.31, 2);
  expect(p!.ladder[1]!.marginalNpv).toBeCloseTo(1786476.18, 2);
  expect(p!.ladder[0]).toMatchObject({ upfront: 250000, annual: 50000 });
  expect(p!.ladder[0]!.npv).toBeCloseTo(5096632.31, 2);
  expect(p!.ladder[1]).toMatchObject({ upfront: 350000, annual: 170000 });
  expect(p!.ladder[1]!.npv).toBeCloseTo(6883108.49, 2);
  expect(p!.members.map((m) => m.id)).toEqual(['fix-billing', 'better-handling']);
  // What the set would lose without each: the set's npv less the other one's stand-alone npv.
  expect(p!.members[0]!.marginalNpv).toBeCloseTo(6883108.49 - 2898397.45, 1);
  expect(p!.members[1]!.marginalNpv).toBeCloseTo(1786476.18, 1);
  expect(p!.uncertainty).toBeUndefined();
}

describe('the worked example, continued', () => {
  it('POST with portfolio {} chooses both, with the figures the method prints', async () => {
    const body = await post({ ...workedExample, portfolio: {} });
    expectWorkedPortfolio(body.portfolio);
  });

  it('GET with portfolio= (empty: no budget) gives the same portfolio, figure for figure', async () => {
    const viaGet = await get(`${WORKED_GET}&portfolio=`);
    expectWorkedPortfolio(viaGet.portfolio);
    const viaPost = await post({ ...workedExample, portfolio: {} });
    expect(viaGet.portfolio).toEqual(viaPost.portfolio);
  });

  it('no portfolio asked for, none given', async () => {
    expect((await post(workedExample)).portfolio).toBeUndefined();
    expect((await get(WORKED_GET)).portfolio).toBeUndefined();
  });

  it('with an annual budget of 100,000 only fix-billing fits, in both forms', async () => {
    const viaPost = await post({ ...workedExample, portfolio: { budget: { annual: 100000 } } });
    const viaGet = await get(`${WORKED_GET}&portfolio=budgetAnnual:100000`);
    for (const p of [viaPost.portfolio!, viaGet.portfolio!]) {
      expect(p.investments).toEqual(['fix-billing']);
      expect(p.npv).toBeCloseTo(5096632.31, 2);
      expect(p.annual).toBe(50000);
      expect(p.overlap).toBe(0);
      expect(p.ladder.map((s) => s.id)).toEqual(['fix-billing']);
    }
    expect(viaGet.portfolio).toEqual(viaPost.portfolio);
  });

  it('include, exclude and both caps mean the same in both forms', async () => {
    const cases: [object, string][] = [
      [{ include: ['better-handling'] }, 'include:better-handling'],
      [{ exclude: ['fix-billing'] }, 'exclude:fix-billing'],
      [{ budget: { upfront: 250000, annual: 50000 } }, 'budgetUpfront:250000,budgetAnnual:50000'],
      [{ budget: { upfront: 300000 }, include: ['better-handling'], exclude: [] }, 'budgetUpfront:300000,include:better-handling,exclude:'],
      [{ budget: { upfront: 0 } }, 'budgetUpfront:0'],
    ];
    for (const [portfolio, compact] of cases) {
      const viaPost = (await post({ ...workedExample, portfolio })).portfolio!;
      const viaGet = (await get(`${WORKED_GET}&portfolio=${encodeURIComponent(compact)}`)).portfolio!;
      expect(viaGet, compact).toEqual(viaPost);
    }
    const onlyHandling = (await post({ ...workedExample, portfolio: { exclude: ['fix-billing'] } })).portfolio!;
    expect(onlyHandling.investments).toEqual(['better-handling']);
    expect(onlyHandling.npv).toBeCloseTo(2898397.45, 2);
    const forced = (await post({ ...workedExample, portfolio: { budget: { upfront: 300000 }, include: ['better-handling'] } })).portfolio!;
    // fix-billing would take the upfront to 350,000: the set is better-handling alone, its ladder starts from it.
    expect(forced.investments).toEqual(['better-handling']);
    expect(forced.ladder).toEqual([]);
    const none = (await post({ ...workedExample, portfolio: { budget: { upfront: 0 } } })).portfolio!;
    expect(none.investments).toEqual([]);
    expect(none.npv).toBe(0);
    expect(none.ladder).toEqual([]);
    expect(none.members).toEqual([]);
  });
});

describe('spreadsheets reach the portfolio', () => {
  it('field=portfolio.npv and other paths, POST and GET', async () => {
    expect(Number(await text('/v1/business-case?field=portfolio.npv', { ...workedExample, portfolio: {} }))).toBeCloseTo(6883108.49, 2);
    expect(Number(await text(`/v1/business-case?${WORKED_GET}&portfolio=&field=portfolio.npv`))).toBeCloseTo(6883108.49, 2);
    expect(Number(await text(`/v1/business-case?${WORKED_GET}&portfolio=budgetAnnual:100000&field=portfolio.npv`))).toBeCloseTo(5096632.31, 2);
    expect(Number(await text(`/v1/business-case?${WORKED_GET}&portfolio=&field=portfolio.overlap`))).toBeCloseTo(496800, 4);
    expect(Number(await text(`/v1/business-case?${WORKED_GET}&portfolio=&field=portfolio.irr`))).toBeCloseTo(8.2998, 4);
    expect(await text(`/v1/business-case?${WORKED_GET}&portfolio=&field=portfolio.paybackMonths`)).toBe('2');
  });

  it('table=portfolio: one row per chosen investment with what the set loses without it', async () => {
    const [header, ...rows] = parseDelimited(await text(`/v1/business-case?${WORKED_GET}&portfolio=&format=csv&table=portfolio`));
    expect(header).toEqual(['id', 'marginalNpv']);
    expect(rows.map((r) => r[0])).toEqual(['fix-billing', 'better-handling']);
    expect(Number(rows[0]![1])).toBeCloseTo(6883108.49 - 2898397.45, 1);
    expect(Number(rows[1]![1])).toBeCloseTo(1786476.18, 1);
    const viaPost = parseDelimited(await text('/v1/business-case?format=csv&table=portfolio', { ...workedExample, portfolio: {} }));
    expect(viaPost).toEqual([header, ...rows]);
  });

  it('table=ladder: one row per step, cumulative', async () => {
    const [header, ...rows] = parseDelimited(await text(`/v1/business-case?${WORKED_GET}&portfolio=&format=csv&table=ladder`));
    expect(header).toEqual(['id', 'marginalNpv', 'npv', 'upfront', 'annual']);
    expect(rows.map((r) => r[0])).toEqual(['fix-billing', 'better-handling']);
    expect(Number(rows[0]![1])).toBeCloseTo(5096632.31, 2);
    expect(Number(rows[1]![1])).toBeCloseTo(1786476.18, 2);
    expect(Number(rows[1]![2])).toBeCloseTo(6883108.49, 2);
    expect(rows.map((r) => [Number(r[3]), Number(r[4])])).toEqual([
      [250000, 50000],
      [350000, 170000],
    ]);
    const tsv = parseDelimited(await text(`/v1/business-case?${WORKED_GET}&portfolio=budgetAnnual:100000&format=tsv&table=ladder`), '\t');
    expect(tsv.slice(1).map((r) => r[0])).toEqual(['fix-billing']);
  });

  it('the tables are empty (a header only) when no portfolio is asked for', async () => {
    for (const table of ['portfolio', 'ladder']) {
      const rows = parseDelimited(await text(`/v1/business-case?${WORKED_GET}&format=csv&table=${table}`));
      expect(rows.length, table).toBe(1);
    }
  });
});

describe('with ranges', () => {
  const SETTINGS = { samples: 400, seed: 42 };
  const ranged = { ...rangedExample, simulation: SETTINGS, portfolio: {} };

  it('the portfolio carries its simulated npv; the same seed gives the same figures', async () => {
    const a = (await post(ranged)).portfolio!;
    expect(a.uncertainty).toBeDefined();
    const u = a.uncertainty!;
    expect(u.npv.p10).toBeLessThanOrEqual(u.npv.p50);
    expect(u.npv.p50).toBeLessThanOrEqual(u.npv.p90);
    expect(u.probabilityPositiveNpv).toBeGreaterThanOrEqual(0);
    expect(u.probabilityPositiveNpv).toBeLessThanOrEqual(1);
    const b = (await post(ranged)).portfolio!;
    expect(b).toEqual(a);
    const other = (await post({ ...ranged, simulation: { ...SETTINGS, seed: 43 } })).portfolio!;
    expect(other.uncertainty).not.toEqual(a.uncertainty);
    // The set is chosen at the likely values: the same set, and the same likely figures, as without ranges' draws.
    expect(other.investments).toEqual(a.investments);
    expect(other.npv).toBe(a.npv);
  });

  it('GET with ranges and portfolio= gives the POST’s portfolio, simulated figures included', async () => {
    const RANGED_GET =
      'customers=100000&lifetimeValue=400/500/700&loyalty.silent=0.05/0.09/0.15&negativeTold=6/10/14/triangular' +
      '&problem=billing-errors,name:Billing errors,prevalence:0.08/0.12/0.15,complaintRate:0.5,outcomes:0.4/0.2/0.4,costPerComplaint:8' +
      '&problem=late-delivery,name:Late delivery,prevalence:0.15/0.2/0.3,complaintRate:0.25,outcomes:0.3/0.4/0.3,costPerComplaint:5' +
      '&investment=fix-billing,name:Fix the billing system,problems:billing-errors,prevalenceReduction:0.3/0.6/0.7,upfront:200000/250000/400000,annual:50000' +
      '&investment=better-handling,name:Train and empower front-line staff,problems:all,outcomes:0.7/0.2/0.1,upfront:80000/100000/150000,annual:120000' +
      `&samples=${SETTINGS.samples}&seed=${SETTINGS.seed}`;
    const viaGet = (await get(`${RANGED_GET}&portfolio=`)).portfolio!;
    const viaPost = (await post(ranged)).portfolio!;
    expect(viaGet).toEqual(viaPost);
    expect(Number(await text(`/v1/business-case?${RANGED_GET}&portfolio=&field=portfolio.uncertainty.npv.p50`))).toBe(viaPost.uncertainty!.npv.p50);
  });

  it('a scenario without ranges carries no portfolio uncertainty, even with simulation settings', async () => {
    const p = (await post({ ...workedExample, simulation: SETTINGS, portfolio: {} })).portfolio!;
    expect(p.uncertainty).toBeUndefined();
  });
});

describe('the chosen set fits its budget', () => {
  // With costs far apart in size, sums kept as investments come and go would lose the small cost.
  it('an investment of 0.01 upfront is not chosen under a cap of 0.005, whatever else is on the list', async () => {
    const body = await post({
      ...workedExample,
      investments: [
        { id: 'huge', problems: ['late-delivery'], effects: { prevalenceReduction: 0.1 }, cost: { upfront: 1e15 } },
        { id: 'small', problems: 'all', effects: { prevalenceReduction: 0.5 }, cost: { upfront: 0.01 } },
      ],
      portfolio: { budget: { upfront: 0.005 } },
    });
    expect(body.portfolio!.upfront).toBeLessThanOrEqual(0.005 * (1 + 1e-9));
    expect(body.portfolio!.investments).toEqual([]);
  });
});
