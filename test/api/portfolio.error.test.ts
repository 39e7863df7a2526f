// The portfolio request, broken: every bad input is a 422 that names its field and only it (its JSON path in a body,
// its place in the `portfolio=` parameter of a URL), an include set over the budget is refused by name, nothing is a
// 500, and no answer grows with what was sent.
import { describe, expect, it } from 'vitest';
import { workedExample } from '../../src/schemas/examples.ts';
import { WORKED_GET } from '../fixtures.ts';
import { call, expectProblem, postJson } from './helpers.ts';

const OP: [string, string] = ['POST', '/v1/business-case'];
const GET_OP: [string, string] = ['GET', '/v1/business-case'];

/** The worked example with this portfolio must be refused with errors at exactly `paths`; returns the messages. */
async function rejects(portfolio: unknown, paths: string[]): Promise<string[]> {
  const res = await postJson('/v1/business-case', { ...workedExample, portfolio });
  const problem = await expectProblem(res, 422, OP);
  expect(problem.type).toBe('/problems/invalid-input');
  expect(
    problem.errors.map((e) => e.path),
    JSON.stringify(problem.errors),
  ).toEqual(paths);
  return problem.errors.map((e) => e.message);
}

async function getRejects(portfolio: string, paths: string[]): Promise<string[]> {
  const url = `/v1/business-case?${WORKED_GET}&portfolio=${encodeURIComponent(portfolio)}`;
  const problem = await expectProblem(await call(url), 422, GET_OP);
  expect(problem.type).toBe('/problems/invalid-input');
  expect(
    problem.errors.map((e) => e.path),
    `${portfolio}\n${JSON.stringify(problem.errors)}`,
  ).toEqual(paths);
  return problem.errors.map((e) => e.message);
}

describe('ids in include and exclude', () => {
  it('an unknown id is named where it is, in either list and either form', async () => {
    const [m] = await rejects({ include: ['nope'] }, ['portfolio.include[0]']);
    expect(m).toContain('nope');
    await rejects({ exclude: ['fix-billing', 'nope'] }, ['portfolio.exclude[1]']);
    await rejects({ include: ['Fix-Billing'] }, ['portfolio.include[0]']);
    // An id of a problem is not an id of an investment.
    await rejects({ include: ['billing-errors'] }, ['portfolio.include[0]']);
    await getRejects('include:nope', ['portfolio.include[0]']);
    await getRejects('exclude:better-handling/nope', ['portfolio.exclude[1]']);
  });

  it('an id in both lists is named in exclude', async () => {
    const [m] = await rejects({ include: ['fix-billing'], exclude: ['fix-billing'] }, ['portfolio.exclude[0]']);
    expect(m).toContain('fix-billing');
    await getRejects('include:fix-billing,exclude:fix-billing', ['portfolio.exclude[0]']);
  });

  it('an id twice in one list is named at its second place', async () => {
    await rejects({ include: ['fix-billing', 'fix-billing'] }, ['portfolio.include[1]']);
    await rejects({ exclude: ['better-handling', 'fix-billing', 'better-handling'] }, ['portfolio.exclude[2]']);
    await getRejects('include:fix-billing/fix-billing', ['portfolio.include[1]']);
  });

  it('ids that are not ids, or lists that are not lists, are refused by the schema', async () => {
    for (const bad of [{ include: 'fix-billing' }, { include: [1] }, { include: [null] }, { exclude: {} }]) {
      const res = await postJson('/v1/business-case', { ...workedExample, portfolio: bad });
      const problem = await expectProblem(res, 422, OP);
      expect(problem.errors.length).toBe(1);
      expect(problem.errors[0]!.path).toMatch(/^portfolio\.(include|exclude)/);
    }
  });
});

describe('the budget', () => {
  it('an include set over the budget is refused, naming portfolio.include', async () => {
    const [m] = await rejects({ budget: { annual: 100000 }, include: ['better-handling'] }, ['portfolio.include']);
    expect(m).toMatch(/120000/);
    await rejects({ budget: { upfront: 300000 }, include: ['fix-billing', 'better-handling'] }, ['portfolio.include']);
    await getRejects('budgetAnnual:100000,include:better-handling', ['portfolio.include']);
    // Over both caps: named once.
    await rejects({ budget: { upfront: 1, annual: 1 }, include: ['fix-billing'] }, ['portfolio.include']);
  });

  it('an include set exactly at the budget, or within its 1e-9 margin, is accepted', async () => {
    for (const portfolio of [
      { budget: { annual: 50000 }, include: ['fix-billing'] },
      { budget: { annual: 50000 * (1 - 5e-10) }, include: ['fix-billing'] },
      { budget: { upfront: 350000, annual: 170000 }, include: ['fix-billing', 'better-handling'] },
    ]) {
      const res = await postJson('/v1/business-case', { ...workedExample, portfolio });
      expect(res.status, JSON.stringify(portfolio)).toBe(200);
    }
  });

  it('a negative or non-finite cap is named, and only it', async () => {
    await rejects({ budget: { upfront: -1 } }, ['portfolio.budget.upfront']);
    await rejects({ budget: { annual: -0.01 } }, ['portfolio.budget.annual']);
    await rejects({ budget: { annual: '100000' } }, ['portfolio.budget.annual']);
    await rejects({ budget: { annual: null } }, ['portfolio.budget.annual']);
    // A negative cap with an include set: the cap is named, not the include set as well.
    await rejects({ budget: { upfront: -5 }, include: ['fix-billing'] }, ['portfolio.budget.upfront']);
    await rejects({ budget: { monthly: 5 } }, ['portfolio.budget.monthly']);
  });

  it('JSON 1e400 (Infinity once parsed) is refused as a cap', async () => {
    const body = JSON.stringify({ ...workedExample, portfolio: { budget: { upfront: 1 } } }).replace('"upfront":1}', '"upfront":1e400}');
    expect(body).toContain('1e400');
    const problem = await expectProblem(await postJson('/v1/business-case', body), 422, OP);
    expect(problem.errors.map((e) => e.path)).toEqual(['portfolio.budget.upfront']);
    const negative = body.replace('1e400', '-1e400');
    const p2 = await expectProblem(await postJson('/v1/business-case', negative), 422, OP);
    expect(p2.errors.map((e) => e.path)).toEqual(['portfolio.budget.upfront']);
  });

  it('in a URL: a negative, non-finite or malformed number is named at its key', async () => {
    for (const bad of ['-1', 'Infinity', 'NaN', '1e400', 'abc', '', '1,000', '0x10']) {
      const value = `budgetUpfront:${bad}`;
      if (bad === '1,000') {
        // The comma splits the parameter: the stray part is not key:value.
        await getRejects(value, ['portfolio']);
        continue;
      }
      await getRejects(value, ['portfolio.budget.upfront']);
    }
    await getRejects('budgetAnnual:-100', ['portfolio.budget.annual']);
  });
});

describe('a malformed portfolio= parameter', () => {
  it('an unknown key, a part without a colon, a key twice: each named once', async () => {
    const [m] = await getRejects('budget:100', ['portfolio']);
    expect(m).toContain('budgetUpfront');
    await getRejects('budgetannual:100', ['portfolio']);
    await getRejects('include', ['portfolio']);
    await getRejects(':fix-billing', ['portfolio']);
    await getRejects('budgetAnnual:100000,budgetAnnual:200000', ['portfolio.budget.annual']);
    await getRejects('include:fix-billing,include:better-handling', ['portfolio.include']);
  });

  it('given twice as a parameter, it is refused, not silently one of them', async () => {
    const res = await call(`/v1/business-case?${WORKED_GET}&portfolio=&portfolio=budgetAnnual:1`);
    const problem = await expectProblem(res, 422, GET_OP);
    expect(problem.errors.map((e) => e.path)).toEqual(['portfolio']);
  });
});

describe('never a 500, and bounded', () => {
  it('odd but valid requests compute; broken ones are 422, never 500', async () => {
    const ok = [{}, { budget: {} }, { include: [], exclude: [] }, { budget: { upfront: 0, annual: 0 } }, { budget: { upfront: 1e300 } }];
    for (const portfolio of ok) {
      const res = await postJson('/v1/business-case', { ...workedExample, portfolio });
      expect(res.status, JSON.stringify(portfolio)).toBe(200);
    }
    const broken = [
      null,
      [],
      'all',
      1,
      { budget: [] },
      { budget: 5 },
      { include: ['fix-billing'], extra: 1 },
      { budget: { upfront: 1 }, include: ['nope', 'nope'] },
    ];
    for (const portfolio of broken) {
      const res = await postJson('/v1/business-case', { ...workedExample, portfolio });
      expect(res.status, JSON.stringify(portfolio)).toBe(422);
      await expectProblem(res, 422, OP);
    }
    // A portfolio with no investments at all: nothing to choose, the empty set.
    const empty = await postJson('/v1/business-case', { ...workedExample, investments: [], portfolio: {} });
    expect(empty.status).toBe(200);
    const body = (await empty.json()) as { portfolio: { investments: string[]; npv: number } };
    expect(body.portfolio.investments).toEqual([]);
    expect(body.portfolio.npv).toBe(0);
  });

  it('many bad ids: each named, the answer bounded, ids not echoed at length', async () => {
    const long = 'x'.repeat(60);
    const include = Array.from({ length: 100 }, (_, i) => `${long}${i}`);
    const res = await postJson('/v1/business-case', { ...workedExample, portfolio: { include } });
    const text = await res.clone().text();
    const problem = await expectProblem(res, 422, OP);
    expect(problem.errors.length).toBeGreaterThan(0);
    expect(problem.errors.length).toBeLessThanOrEqual(100);
    expect(text.length).toBeLessThan(40000);
    // Too many ids for a list: the list is named once.
    const tooMany = Array.from({ length: 1000 }, (_, i) => `i${i}`);
    const res2 = await postJson('/v1/business-case', { ...workedExample, portfolio: { exclude: tooMany } });
    const text2 = await res2.clone().text();
    const p2 = await expectProblem(res2, 422, OP);
    expect(p2.errors.map((e) => e.path)).toEqual(['portfolio.exclude']);
    expect(text2.length).toBeLessThan(5000);
    const getMany = `/v1/business-case?${WORKED_GET}&portfolio=include:${tooMany.join('/')}`;
    const res3 = await call(getMany);
    const text3 = await res3.clone().text();
    expect(res3.status).toBe(422);
    await expectProblem(res3, 422, GET_OP);
    expect(text3.length).toBeLessThan(5000);
  });
});
