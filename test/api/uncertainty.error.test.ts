// Ranges and the simulation and tornado settings, broken: every bad input is a 422 that names it and only it (its
// JSON path in a body, its parameter in a URL), the ranges' worst ends keep every rule between inputs, and no answer
// grows with what was sent.
import { describe, expect, it } from 'vitest';
import { workedExample } from '../../src/schemas/examples.ts';
import { call, expectProblem, postJson } from './helpers.ts';

const OP: [string, string] = ['POST', '/v1/business-case'];
const range = (low: number, likely: number, high: number, distribution?: string) => ({
  low,
  likely,
  high,
  ...(distribution ? { distribution } : {}),
});
const clone = (): Record<string, any> => structuredClone(workedExample);

/** The worked example changed by `change` must be refused with one error, at `path`; returns its message. */
async function rejectsOnly(change: (s: Record<string, any>) => void, path: string): Promise<string> {
  const s = clone();
  change(s);
  const problem = await expectProblem(await postJson('/v1/business-case', s), 422, OP);
  expect(problem.type).toBe('/problems/invalid-input');
  expect(
    problem.errors.map((e) => e.path),
    JSON.stringify(problem.errors),
  ).toEqual([path]);
  return problem.errors[0]!.message;
}

async function accepts(change: (s: Record<string, any>) => void): Promise<void> {
  const s = clone();
  change(s);
  const res = await postJson('/v1/business-case', s);
  expect(res.status, await res.clone().text()).toBe(200);
}

const FLAT = 'customers=100000&lifetimeValue=500&prevalence=0.12&complaintRate=0.5&satisfied=0.4&mollified=0.2&dissatisfied=0.4&costPerComplaint=8';
const FLAT_ROI = `${FLAT}&prevalenceReduction=0.6&upfrontCost=250000&annualCost=50000`;
const COMPACT =
  'customers=100000&lifetimeValue=500' +
  '&problem=billing-errors,prevalence:0.12,complaintRate:0.5,outcomes:0.4/0.2/0.4,costPerComplaint:8' +
  '&investment=fix-billing,problems:billing-errors,prevalenceReduction:0.6,upfront:250000,annual:50000';

/** A GET refused with one error, naming `param`; returns its message. */
async function getRejectsOnly(url: string, param: string): Promise<string> {
  const path = url.slice(0, url.indexOf('?'));
  const problem = await expectProblem(await call(url), 422, ['GET', path]);
  expect(
    problem.errors.map((e) => e.path),
    `${url}\n${JSON.stringify(problem.errors)}`,
  ).toEqual([param]);
  return problem.errors[0]!.message;
}

/** `query` with `name` set to `value` (replacing it, or added). */
function withParam(query: string, name: string, value: string): string {
  const parts = query.split('&').filter((p) => !p.startsWith(`${name}=`));
  return [...parts, `${name}=${value}`].join('&');
}

describe('a range out of order', () => {
  it('low above likely, or high below it, names that end', async () => {
    expect(await rejectsOnly((s) => (s.problems[0].prevalence = range(0.2, 0.12, 0.3)), 'problems[0].prevalence.low')).toBe(
      'must be at most likely (0.12) (got 0.2)',
    );
    expect(await rejectsOnly((s) => (s.problems[0].prevalence = range(0.1, 0.12, 0.11)), 'problems[0].prevalence.high')).toBe(
      'must be at least likely (0.12) (got 0.11)',
    );
    await rejectsOnly((s) => (s.customerValue.lifetimeValue = range(600, 500, 700)), 'customerValue.lifetimeValue.low');
    await rejectsOnly((s) => (s.loyalty = { silent: range(0.05, 0.09, 0.08) }), 'loyalty.silent.high');
    await rejectsOnly((s) => (s.problems[1].loyalty = { dissatisfied: range(0.3, 0.2, 0.4) }), 'problems[1].loyalty.dissatisfied.low');
    await rejectsOnly((s) => (s.wordOfMouth = { negativeTold: range(12, 10, 14, 'triangular') }), 'wordOfMouth.negativeTold.low');
    await rejectsOnly((s) => (s.finance = { discountRate: range(0.05, 0.1, 0.08) }), 'finance.discountRate.high');
    await rejectsOnly((s) => (s.investments[0].cost.upfront = range(300000, 250000, 400000)), 'investments[0].cost.upfront.low');
    await rejectsOnly(
      (s) => (s.investments[0].effects.prevalenceReduction = range(0.5, 0.6, 0.55)),
      'investments[0].effects.prevalenceReduction.high',
    );
    // Equal ends are a constant, not an error.
    await accepts((s) => (s.problems[0].prevalence = range(0.12, 0.12, 0.12)));
  });

  it('in the GET forms, the parameter and its end', async () => {
    expect(await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'prevalence', '0.2/0.12/0.3')}`, 'prevalence.low')).toBe(
      'must be at most likely (0.12) (got 0.2)',
    );
    await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'lifetimeValue', '400/500/450')}`, 'lifetimeValue.high');
    await getRejectsOnly(`/v1/investment-roi?${withParam(FLAT_ROI, 'upfrontCost', '300000/250000/400000')}`, 'upfrontCost.low');
    await getRejectsOnly(`/v1/investment-roi?${withParam(FLAT_ROI, 'riskAdjustment', '0.1/0.2/0.15')}`, 'riskAdjustment.high');
    await getRejectsOnly(`/v1/business-case?${withParam(COMPACT, 'loyalty.silent', '0.1/0.09/0.2')}`, 'loyalty.silent.low');
    await getRejectsOnly(`/v1/business-case?${COMPACT.replace('prevalence:0.12', 'prevalence:0.2/0.12/0.3')}`, 'problems[0].prevalence.low');
    await getRejectsOnly(
      `/v1/business-case?${COMPACT.replace('upfront:250000', 'upfront:200000/250000/240000')}`,
      'investments[0].cost.upfront.high',
    );
  });
});

describe('a range where none may be', () => {
  it('customers, outcomes, horizonYears and rampUp take numbers only', async () => {
    expect(await rejectsOnly((s) => (s.customers = range(90000, 100000, 110000)), 'customers')).toMatch(/^must be a number/);
    await rejectsOnly((s) => (s.problems[0].outcomes.satisfied = range(0.3, 0.4, 0.5)), 'problems[0].outcomes.satisfied');
    await rejectsOnly((s) => (s.investments[1].effects.outcomes.satisfied = range(0.6, 0.7, 0.8)), 'investments[1].effects.outcomes.satisfied');
    await rejectsOnly((s) => (s.finance = { horizonYears: range(2, 3, 5) }), 'finance.horizonYears');
    await rejectsOnly((s) => (s.investments[0].rampUp = [range(0.2, 0.5, 0.8), 1]), 'investments[0].rampUp[0]');
    await rejectsOnly((s) => (s.investments[0].rampUp = range(0.2, 0.5, 0.8)), 'investments[0].rampUp');
  });

  it('nor in the GET forms', async () => {
    expect(await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'customers', '90000/100000/110000')}`, 'customers')).toMatch(
      /^must be a number\b.*\(got "90000\/100000\/110000"\)$/,
    );
    await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'satisfied', '0.3/0.4/0.5')}`, 'satisfied');
    await getRejectsOnly(`/v1/investment-roi?${FLAT_ROI}&satisfiedAfter=0.6/0.7/0.8&mollifiedAfter=0.2&dissatisfiedAfter=0.1`, 'satisfiedAfter');
    await getRejectsOnly(`/v1/investment-roi?${FLAT_ROI}&horizonYears=2/3/5`, 'horizonYears');
    await getRejectsOnly(`/v1/business-case?${COMPACT}&horizonYears=2/3/5`, 'horizonYears');
    await getRejectsOnly(`/v1/business-case?${COMPACT.replace('outcomes:0.4/0.2/0.4', 'outcomes:0.3/0.4/0.5/0.6')}`, 'problems[0].outcomes');
    // In the compact form a ramp-up is a list joined by /, so a distribution in it is no share.
    await getRejectsOnly(`/v1/business-case?${COMPACT},rampUp:0.2/0.5/0.8/pert`, 'investments[0].rampUp[3]');
    // The lifetime-value route computes no business case: its inputs are numbers.
    await getRejectsOnly('/v1/lifetime-value?annualRevenue=300/420/500&grossMargin=0.35&retentionRate=0.8', 'annualRevenue');
  });
});

describe('a range end that breaks the field’s rule', () => {
  it('names the end', async () => {
    expect(await rejectsOnly((s) => (s.problems[0].prevalence = range(0.1, 0.12, 1.2)), 'problems[0].prevalence.high')).toBe(
      'must be between 0 and 1 (got 1.2)',
    );
    expect(await rejectsOnly((s) => (s.problems[0].complaintRate = range(0, 0.5, 0.6)), 'problems[0].complaintRate.low')).toBe(
      'must be greater than 0 and at most 1 (got 0)',
    );
    await rejectsOnly((s) => (s.problems[0].complaintRate = range(0.4, 0.5, 1.01)), 'problems[0].complaintRate.high');
    await rejectsOnly((s) => (s.finance = { riskAdjustment: range(0, 0.1, 1) }), 'finance.riskAdjustment.high');
    await rejectsOnly((s) => (s.investments[0].cost.annual = range(-1, 50000, 60000)), 'investments[0].cost.annual.low');
    await rejectsOnly((s) => (s.loyalty = { baseline: range(0.8, 0.85, 1.05) }), 'loyalty.baseline.high');
    const both = clone();
    both.investments[0].effects.prevalenceReduction = range(0.5, 1.1, 1.2);
    const twice = await expectProblem(await postJson('/v1/business-case', both), 422, OP);
    expect(twice.errors.map((e) => e.path)).toEqual([
      'investments[0].effects.prevalenceReduction.likely',
      'investments[0].effects.prevalenceReduction.high',
    ]);
    // A number too large for a double is Infinity to JSON.parse.
    const text = JSON.stringify({ ...clone(), newCustomerValue: range(1, 2, 3) }).replace('"high":3', '"high":1e400');
    const problem = await expectProblem(await postJson('/v1/business-case', text), 422, OP);
    expect(problem.errors).toEqual([{ path: 'newCustomerValue.high', message: 'must be a finite number, at most about 1.8e308 in size' }]);
  });

  it('and in the GET forms', async () => {
    await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'prevalence', '0.1/0.12/1.2')}`, 'prevalence.high');
    await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'complaintRate', '0/0.5/0.6')}`, 'complaintRate.low');
    await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'lifetimeValue', '-1/500/700')}`, 'lifetimeValue.low');
    await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'lifetimeValue', '1e400/500/700')}`, 'lifetimeValue.low');
    await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'lifetimeValue', 'x/500/700')}`, 'lifetimeValue.low');
    expect(await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'lifetimeValue', '400/500')}`, 'lifetimeValue')).toMatch(
      /^must be a number or a range low\/likely\/high/,
    );
    await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'lifetimeValue', '1/2/3/4/5')}`, 'lifetimeValue');
    await getRejectsOnly(`/v1/business-case?${COMPACT.replace('complaintRate:0.5', 'complaintRate:0/0.5/0.6')}`, 'problems[0].complaintRate.low');
    await getRejectsOnly(
      `/v1/business-case?${COMPACT.replace('prevalenceReduction:0.6', 'prevalenceReduction:0.5/0.6/1.2')}`,
      'investments[0].effects.prevalenceReduction.high',
    );
  });
});

describe('the distribution', () => {
  it('is pert, triangular or uniform', async () => {
    for (const d of ['normal', 'PERT', 'Uniform', '', ' pert']) {
      const message = await rejectsOnly(
        (s) => (s.problems[0].prevalence = { ...range(0.1, 0.12, 0.2), distribution: d }),
        'problems[0].prevalence.distribution',
      );
      expect(message).toMatch(/^must be "pert" or "triangular" or "uniform"/);
    }
    await rejectsOnly((s) => (s.problems[0].prevalence = { ...range(0.1, 0.12, 0.2), distribution: 1 }), 'problems[0].prevalence.distribution');
    for (const d of ['pert', 'triangular', 'uniform'])
      await accepts((s) => {
        s.problems[0].prevalence = range(0.1, 0.12, 0.2, d);
        s.simulation = { samples: 100 };
      });
  });

  it('a range has no other fields, and all three values', async () => {
    await rejectsOnly((s) => (s.problems[0].prevalence = { ...range(0.1, 0.12, 0.2), mode: 0.12 }), 'problems[0].prevalence.mode');
    await rejectsOnly((s) => (s.problems[0].prevalence = { low: 0.1, high: 0.2 }), 'problems[0].prevalence.likely');
    // A range in the GET form's text is no range in JSON.
    expect(await rejectsOnly((s) => (s.problems[0].prevalence = '0.1/0.12/0.2'), 'problems[0].prevalence')).toBe(
      'must be a number or a range {low, likely, high}, not string (got "0.1/0.12/0.2")',
    );
    await rejectsOnly((s) => (s.problems[0].prevalence = [0.1, 0.12, 0.2]), 'problems[0].prevalence');
  });

  it('in the GET forms', async () => {
    expect(await getRejectsOnly(`/v1/problem-damage?${withParam(FLAT, 'lifetimeValue', '400/500/700/normal')}`, 'lifetimeValue.distribution')).toBe(
      'must be pert, triangular or uniform (got "normal")',
    );
    await getRejectsOnly(
      `/v1/business-case?${COMPACT.replace('prevalence:0.12', 'prevalence:0.1/0.12/0.2/beta')}`,
      'problems[0].prevalence.distribution',
    );
  });
});

describe('simulation and sensitivity settings', () => {
  const setting = (key: 'simulation' | 'sensitivity', value: object) => (s: Record<string, any>) => (s[key] = value);

  it('samples from 100 to 100,000, a seed in [0, 2^32), a swing in (0, 1), top from 1 to 50', async () => {
    expect(await rejectsOnly(setting('simulation', { samples: 99 }), 'simulation.samples')).toBe('must be at least 100 (got 99)');
    expect(await rejectsOnly(setting('simulation', { samples: 100001 }), 'simulation.samples')).toBe('must be at most 100000 (got 100001)');
    await rejectsOnly(setting('simulation', { samples: 150.5 }), 'simulation.samples');
    await rejectsOnly(setting('simulation', { samples: '200' }), 'simulation.samples');
    expect(await rejectsOnly(setting('simulation', { seed: -1 }), 'simulation.seed')).toBe('must be at least 0 (got -1)');
    expect(await rejectsOnly(setting('simulation', { seed: 2 ** 32 }), 'simulation.seed')).toBe('must be at most 4294967295 (got 4294967296)');
    expect(await rejectsOnly(setting('simulation', { seed: 1.5 }), 'simulation.seed')).toBe('must be a whole number (got 1.5)');
    await rejectsOnly(setting('simulation', { seed: null }), 'simulation.seed');
    await rejectsOnly(setting('simulation', { samples: 100, runs: 3 }), 'simulation.runs');
    await rejectsOnly(setting('simulation', []), 'simulation');
    for (const swing of [0, 1, -0.2, 1.5]) {
      expect(await rejectsOnly(setting('sensitivity', { swing }), 'sensitivity.swing')).toBe(`must be greater than 0 and less than 1 (got ${swing})`);
    }
    expect(await rejectsOnly(setting('sensitivity', { top: 0 }), 'sensitivity.top')).toBe('must be at least 1 (got 0)');
    expect(await rejectsOnly(setting('sensitivity', { top: 51 }), 'sensitivity.top')).toBe('must be at most 50 (got 51)');
    await rejectsOnly(setting('sensitivity', { top: 2.5 }), 'sensitivity.top');
    await rejectsOnly(setting('sensitivity', { swing: 0.2, spread: 0.1 }), 'sensitivity.spread');
    // The edges themselves are accepted.
    await accepts(setting('simulation', { samples: 100, seed: 0 }));
    await accepts(setting('simulation', { samples: 100000, seed: 2 ** 32 - 1 }));
    await accepts(setting('sensitivity', { swing: 0.999, top: 1 }));
    await accepts(setting('sensitivity', { swing: 1e-9, top: 50 }));
  });

  it('the same in GET parameters', async () => {
    const bad: [string, string, string][] = [
      ['samples', '99', 'must be at least 100 (got 99)'],
      ['samples', '100001', 'must be at most 100000 (got 100001)'],
      ['samples', '1.5', 'must be a whole number (got 1.5)'],
      ['samples', '1e3x', 'must be a number (got "1e3x")'],
      ['seed', '-1', 'must be at least 0 (got -1)'],
      ['seed', '4294967296', 'must be at most 4294967295 (got 4294967296)'],
      ['seed', '0.5', 'must be a whole number (got 0.5)'],
      ['swing', '0', 'must be greater than 0 and less than 1 (got 0)'],
      ['swing', '1', 'must be greater than 0 and less than 1 (got 1)'],
      ['top', '0', 'must be at least 1 (got 0)'],
      ['top', '51', 'must be at most 50 (got 51)'],
    ];
    for (const [name, value, message] of bad) {
      for (const [path, query] of [
        ['/v1/problem-damage', FLAT],
        ['/v1/investment-roi', FLAT_ROI],
        ['/v1/business-case', COMPACT],
      ] as const) {
        expect(await getRejectsOnly(`${path}?${query}&${name}=${value}`, name), `${path} ${name}=${value}`).toBe(message);
      }
    }
  });
});

describe('rules between inputs hold at the ranges’ worst ends', () => {
  const annual = (retentionRate: unknown, discountRate?: unknown) => (s: Record<string, any>) =>
    (s.customerValue = { annualRevenue: 100, grossMargin: 0.5, retentionRate, ...(discountRate === undefined ? {} : { discountRate }) });

  it('retentionRate’s high end below 1 + discountRate’s low end', async () => {
    expect(await rejectsOnly(annual(range(0.8, 0.9, 1), range(0, 0.05, 0.1)), 'customerValue.retentionRate.high')).toMatch(
      /^must be less than 1 \+ discountRate \(its low end\) \(1\) at the high end of its range \(got 1\)$/,
    );
    // A number is its own worst end: only the discount rate is a range, and its low end breaks the rule.
    expect(await rejectsOnly(annual(1, range(0, 0.05, 0.1)), 'customerValue.discountRate.low')).toBe(
      'must be more than retentionRate − 1 (0) (got 0)',
    );
    await rejectsOnly(annual(1, 0), 'customerValue.retentionRate');
    await accepts(annual(range(0.8, 0.9, 1), range(0.01, 0.05, 0.1)));
    await accepts(annual(range(0.8, 0.9, 1)));
    // In a URL: on the investment route one discountRate serves both, and a range of it would be drawn twice.
    const roi = FLAT_ROI.replace('lifetimeValue=500', 'annualRevenue=100&grossMargin=0.5');
    await getRejectsOnly(`/v1/investment-roi?${roi}&retentionRate=0.8/0.9/1&discountRate=0`, 'retentionRate.high');
    expect(await getRejectsOnly(`/v1/investment-roi?${roi}&retentionRate=0.8&discountRate=0.05/0.1/0.2`, 'discountRate')).toMatch(
      /^must be a number here/,
    );
  });

  it('affectedCustomers’ high end at most customers', async () => {
    const affected = (value: unknown) => (s: Record<string, any>) => {
      delete s.problems[0].prevalence;
      s.problems[0].affectedCustomers = value;
    };
    expect(await rejectsOnly(affected(range(10000, 12000, 100001)), 'problems[0].affectedCustomers.high')).toBe(
      'must not exceed customers (100000) at the high end of its range (got 100001)',
    );
    await accepts(affected(range(10000, 12000, 100000)));
    await getRejectsOnly(`/v1/problem-damage?${FLAT.replace('prevalence=0.12', 'affectedCustomers=10000/12000/100001')}`, 'affectedCustomers.high');
    await getRejectsOnly(
      `/v1/business-case?${COMPACT.replace('prevalence:0.12', 'affectedCustomers:10000/12000/100001')}`,
      'problems[0].affectedCustomers.high',
    );
  });

  it('complaintsPerYear’s high end over complaintRate’s low end at most customers', async () => {
    const counted = (complaintsPerYear: unknown, complaintRate: unknown) => (s: Record<string, any>) => {
      delete s.problems[0].prevalence;
      Object.assign(s.problems[0], { complaintsPerYear, complaintRate });
    };
    expect(await rejectsOnly(counted(range(5000, 6000, 30000), range(0.25, 0.5, 0.6)), 'problems[0].complaintsPerYear.high')).toBe(
      'implies 120000 affected customers (complaintsPerYear ÷ complaintRate) at the worst ends of the ranges (most complaints, lowest rate), more than customers (100000)',
    );
    // Only the rate is a range: its low end is what breaks the rule.
    expect(await rejectsOnly(counted(30000, range(0.25, 0.5, 0.6)), 'problems[0].complaintRate.low')).toMatch(/^implies 120000 affected customers/);
    await rejectsOnly(counted(range(20000, 30000, 60000), 0.5), 'problems[0].complaintsPerYear.high');
    // An exact fit is no error.
    await accepts(counted(range(5000, 6000, 25000), range(0.25, 0.5, 0.6)));
    await getRejectsOnly(
      `/v1/problem-damage?${FLAT.replace('prevalence=0.12', 'complaintsPerYear=5000/6000/30000').replace('complaintRate=0.5', 'complaintRate=0.25/0.5/0.6')}`,
      'complaintsPerYear.high',
    );
    await getRejectsOnly(
      `/v1/business-case?${COMPACT.replace('prevalence:0.12,complaintRate:0.5', 'complaintsPerYear:5000/6000/30000,complaintRate:0.25/0.5/0.6')}`,
      'problems[0].complaintsPerYear.high',
    );
  });
});

describe('the cap on simulated figures: samples × (problems + investments + 1) ≤ 3,000,000', () => {
  const problem = (i: number, prevalence: unknown = 0.02) => ({
    id: `p${i}`,
    prevalence,
    complaintRate: 0.3,
    outcomes: { satisfied: 0.4, mollified: 0.3, dissatisfied: 0.3 },
  });
  const scenario = (problems: number, investments: number, samples: number, ranged = true) => ({
    customers: 100000,
    customerValue: { lifetimeValue: 500 },
    problems: Array.from({ length: problems }, (_, i) => problem(i, ranged && i === 0 ? range(0.01, 0.02, 0.03) : 0.02)),
    investments: Array.from({ length: investments }, (_, i) => ({
      id: `i${i}`,
      problems: 'all',
      effects: { prevalenceReduction: 0.1 },
      cost: { upfront: 1000 },
    })),
    simulation: { samples },
  });

  it('200 problems and 100 investments take at most 9,966 samples, and the error says so', async () => {
    const problem = await expectProblem(await postJson('/v1/business-case', scenario(200, 100, 100000)), 422, OP);
    expect(problem.errors.map((e) => e.path)).toEqual(['simulation.samples']);
    expect(problem.errors[0]!.message).toMatch(/^must be at most 9966 for 200 problems and 100 investments/);
    expect(Math.floor(3_000_000 / 301)).toBe(9966);
    // With nothing to simulate the settings are only echoed, and not capped.
    const echoed = await postJson('/v1/business-case', scenario(200, 100, 100000, false));
    expect(echoed.status).toBe(200);
  });

  it('the default of 10,000 samples is capped too, when simulation is left out', async () => {
    const { simulation: _left, ...body } = scenario(200, 100, 0);
    const problem = await expectProblem(await postJson('/v1/business-case', body), 422, OP);
    expect(problem.errors).toEqual([
      {
        path: 'simulation.samples',
        message:
          'must be at most 9966 for 200 problems and 100 investments: samples × (problems + investments + 1) may be at most 3000000 (got none, so the default 10000)',
      },
    ]);
  });

  it('the largest accepted value is accepted, one more is not', async () => {
    const most = Math.floor(3_000_000 / 201);
    expect((await postJson('/v1/business-case', scenario(200, 0, most))).status).toBe(200);
    const problem = await expectProblem(await postJson('/v1/business-case', scenario(200, 0, most + 1)), 422, OP);
    expect(problem.errors).toEqual([
      {
        path: 'simulation.samples',
        message: `must be at most ${most} for 200 problems and 0 investments: samples × (problems + investments + 1) may be at most 3000000 (got ${most + 1})`,
      },
    ]);
  });

  it('in the GET form, on the samples parameter', async () => {
    const problems = Array.from(
      { length: 40 },
      (_, i) => `&problem=p${i},prevalence:${i === 0 ? '0.01/0.02/0.03' : '0.02'},complaintRate:0.3,outcomes:0.4/0.3/0.3`,
    );
    const most = Math.floor(3_000_000 / 41);
    const message = await getRejectsOnly(`/v1/business-case?customers=100000&lifetimeValue=500${problems.join('')}&samples=${most + 1}`, 'samples');
    expect(message).toMatch(new RegExp(`^must be at most ${most} for 40 problems and 0 investments`));
  });
});

describe('error answers stay small, whatever is sent', () => {
  it('200 broken ranges list at most 50 errors, each short, and as many broken ranges make the same answer', async () => {
    const broken = (count: number, distribution: string) => ({
      customers: 100000,
      customerValue: { lifetimeValue: 500 },
      problems: Array.from({ length: 200 }, (_, i) => ({
        id: `p${i}`,
        prevalence: i < count ? { ...range(0.01, 0.02, 0.03), distribution } : 0.02,
        complaintRate: 0.3,
        outcomes: { satisfied: 0.4, mollified: 0.3, dissatisfied: 0.3 },
      })),
    });
    const answer = async (count: number, distribution: string) => {
      const res = await postJson('/v1/business-case', broken(count, distribution));
      const text = await res.clone().text();
      const problem = await expectProblem(res, 422, OP);
      return { text, problem };
    };
    const many = await answer(200, 'x'.repeat(4_000));
    expect(many.problem.errors).toHaveLength(50);
    for (const e of many.problem.errors) expect(e.message.length).toBeLessThan(200);
    const fewer = await answer(60, 'x'.repeat(1_000));
    expect(Math.abs(many.text.length - fewer.text.length)).toBeLessThan(20);
    expect(many.text.length).toBeLessThan(20_000);
  });

  it('a long range in a URL is quoted short', async () => {
    const long = await call(`/v1/problem-damage?${withParam(FLAT, 'lifetimeValue', `400/500/700/${'y'.repeat(5000)}`)}`);
    const problem = await expectProblem(long, 422, ['GET', '/v1/problem-damage']);
    expect(problem.errors.map((e) => e.path)).toEqual(['lifetimeValue.distribution']);
    expect(problem.errors[0]!.message.length).toBeLessThan(200);
    const digits = await call(`/v1/problem-damage?${withParam(FLAT, 'lifetimeValue', `400/500/${'9'.repeat(5000)}`)}`);
    const tooLong = await expectProblem(digits, 422, ['GET', '/v1/problem-damage']);
    expect(tooLong.errors).toEqual([{ path: 'lifetimeValue.high', message: 'must be a number of at most 64 characters (got 5000)' }]);
  });
});

describe('errors a spreadsheet reads: one inert line', () => {
  /** No cell of the line, split where any spreadsheet might split it, starts a formula. */
  const expectInert = (line: string) => {
    expect(line).not.toMatch(/[\r\n\t]/);
    for (const cell of line.split(/[,;]/)) expect(cell.replace(/^"+/, ''), line).not.toMatch(/^[=+\-@]/);
  };
  const cases: [url: string, line: string][] = [
    [`/v1/problem-damage?${withParam(FLAT, 'prevalence', '0.2/0.12/0.3')}`, 'prevalence.low: must be at most likely (0.12) (got 0.2)'],
    [`/v1/investment-roi?${FLAT_ROI}&samples=99`, 'samples: must be at least 100 (got 99)'],
    [`/v1/business-case?${COMPACT}&swing=1`, 'swing: must be greater than 0 and less than 1 (got 1)'],
    [
      `/v1/business-case?${COMPACT.replace('prevalence:0.12', 'prevalence:0.1/0.12/1.2')}`,
      'problems[0].prevalence.high: must be between 0 and 1 (got 1.2)',
    ],
  ];

  it('format=csv, tsv or txt: the real status and one line of text', async () => {
    for (const [url, line] of cases) {
      for (const format of ['csv', 'tsv']) {
        const res = await call(`${url}&format=${format}`);
        expect(res.status).toBe(422);
        expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
        expect(await res.text()).toBe(line);
      }
      expect(await (await call(`${url}&field=npv`)).text()).toBe(line);
    }
  });

  it('onError=cell: status 200 and #ERROR in the one cell', async () => {
    for (const [url, line] of cases) {
      const res = await call(`${url}&format=csv&onError=cell`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(`#ERROR ${line}\r\n`);
      const cell = await call(`${url}&field=npv&onError=cell`);
      expect(await cell.text()).toBe(`#ERROR ${line}`);
    }
    // A body's error, too.
    const s = clone();
    s.problems[0].prevalence = range(0.2, 0.12, 0.3);
    const res = await postJson('/v1/business-case?format=csv&onError=cell', s);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('#ERROR problems[0].prevalence.low: must be at most likely (0.12) (got 0.2)\r\n');
    const plain = await postJson('/v1/business-case?format=tsv', s);
    expect(plain.status).toBe(422);
    expect(await plain.text()).toBe('problems[0].prevalence.low: must be at most likely (0.12) (got 0.2)');
  });

  it('a distribution that tries to be a formula stays text, on one line', async () => {
    for (const distribution of ['a,=HYPERLINK("x")', 'a;@SUM(1)', '=1+1', '-2', 'x\n=cmd', 'x\t+1']) {
      const url = `/v1/problem-damage?${FLAT.replace('lifetimeValue=500', `lifetimeValue=400/500/700/${encodeURIComponent(distribution)}`)}`;
      const line = await (await call(`${url}&format=csv`)).text();
      expect(line).toMatch(/^lifetimeValue\.distribution: must be pert, triangular or uniform \(got /);
      expectInert(line);
      const cell = await (await call(`${url}&field=totalAnnualDamage&onError=cell`)).text();
      expect(cell).toMatch(/^#ERROR lifetimeValue\.distribution: /);
      expectInert(cell);
      const s = clone();
      s.customerValue.lifetimeValue = { ...range(400, 500, 700), distribution };
      const posted = await postJson('/v1/business-case?format=csv', s);
      expect(posted.status).toBe(422);
      expectInert(await posted.text());
    }
  });
});
