// What a hostile or careless request gets: inert spreadsheet cells, bounded answers, one clear word per mistake.
import { describe, expect, it } from 'vitest';
import { workedExample } from '../../src/schemas/examples.ts';
import { call, expectDocumented, expectProblem, parseDelimited, postJson } from './helpers.ts';
import { BILLING, WORKED_GET } from '../fixtures.ts';

const OP: [string, string] = ['POST', '/v1/business-case'];
/** A copy to break on purpose: any field may be given any value. */
const clone = (): Record<string, any> => structuredClone(workedExample);
/** Texts a spreadsheet runs as formulas, as ids and names may carry them. */
const FORMULA_NAMES = ['=HYPERLINK("http://x/?"&A1,"y")', '+1+1', '-2+3', '@SUM(A1)', '\u200f=1+1 rtl', 'a;=1+1', 'quote " tab-free'];
const FORMULA_IDS = ['=HYPERLINK("x"&A1;"y")', "+cmd|' -C calc'!A0", '-2+3', '@SUM(A1)', 'a;=1+1'];

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A cell a spreadsheet would run: text (not a number) starting with =, +, -, @, a tab or a carriage return. */
function runsAsFormula(cell: string): boolean {
  return !NUMBER.test(cell) && /^[=+\-@\t\r]/.test(cell);
}

function hostileScenario() {
  const s = clone();
  s.problems = FORMULA_IDS.map((id, i) => ({ ...s.problems[i % 2], id, name: FORMULA_NAMES[i] }));
  s.investments = [
    { ...s.investments[0], id: '=1+1', name: FORMULA_NAMES[0], problems: [FORMULA_IDS[0], FORMULA_IDS[3]] },
    { ...s.investments[1], id: '-loss', name: '-5%', cost: { upfront: 1e9, annual: 0 } },
  ];
  return s;
}

describe('spreadsheet injection', () => {
  for (const format of ['csv', 'tsv'] as const) {
    for (const table of ['problems', 'investments', 'assumptions']) {
      it(`no ${format} cell of table=${table} runs as a formula, in a comma, tab or semicolon locale`, async () => {
        const res = await postJson(`/v1/business-case?format=${format}&table=${table}`, hostileScenario());
        expect(res.status).toBe(200);
        const text = await res.text();
        const rows = parseDelimited(text, format === 'csv' ? ',' : '\t');
        const expectedRows = { problems: FORMULA_IDS.length, investments: 2 }[table];
        if (expectedRows) expect(rows).toHaveLength(expectedRows + 1);
        for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
        for (const cell of rows.flat()) expect(runsAsFormula(cell), JSON.stringify(cell)).toBe(false);
        // Excel in a locale whose list separator is `;` splits unquoted fields there.
        if (format === 'csv') for (const cell of parseDelimited(text, ';').flat()) expect(runsAsFormula(cell), JSON.stringify(cell)).toBe(false);
      });
    }
  }

  it('keeps the text readable after the apostrophe, and negative figures as numbers', async () => {
    const rows = parseDelimited(await (await postJson('/v1/business-case?format=csv&table=investments', hostileScenario())).text());
    const [header, ...items] = rows;
    const col = (name: string) => header!.indexOf(name);
    const loss = items.find((r) => r[col('id')] === "'-loss")!;
    expect(loss[col('name')]).toBe("'-5%");
    expect(Number(loss[col('npv')])).toBeLessThan(0);
    expect(loss[col('npv')]).toMatch(/^-\d/);
    const first = items.find((r) => r[col('id')] === "'=1+1")!;
    expect(first[col('name')]).toBe(`'${FORMULA_NAMES[0]}`);
    // The targets column joins ids with `/`, which no id holds: each id can be read back.
    expect(first[col('problems')]!.slice(1).split('/')).toEqual([FORMULA_IDS[0], FORMULA_IDS[3]]);
  });

  it('answers one text value inert, and error lines inert', async () => {
    const s = hostileScenario();
    const name = await (await postJson('/v1/business-case?field=investments.0.name', s)).text();
    expect(name).toBe(`'${FORMULA_NAMES[0]}`);
    const res = await call(`/v1/problem-damage?${BILLING}&format=csv&${encodeURIComponent('=HYPERLINK("x")')}=1`);
    expect(res.status).toBe(422);
    const line = await res.text();
    expect(line.startsWith("'=HYPERLINK")).toBe(true);
    expect(line).not.toMatch(/[\r\n]/);
    const cell = await call(`/v1/problem-damage?${BILLING}&format=csv&onError=cell&currency=${encodeURIComponent('x;=1+1')}`);
    expect(cell.status).toBe(200);
    const text = await cell.text();
    expect(text).toMatch(/^"#ERROR currency: must be a 3-letter ISO 4217 code such as USD \(got ""x;'=1\+1""\)"\r\n$/);
    for (const c of parseDelimited(text, ';').flat()) expect(runsAsFormula(c), c).toBe(false);
  });
});

describe('bounded work and answers', () => {
  it('refuses a 100,000-character number at once, with a short message', async () => {
    const res = await call(`/v1/problem-damage?${BILLING.replace('customers=100000', `customers=${'1'.repeat(100_000)}`)}`);
    const problem = await expectProblem(res.clone(), 422, ['GET', '/v1/problem-damage']);
    expect(problem.errors).toEqual([{ path: 'customers', message: 'must be a number of at most 64 characters (got 100000)' }]);
    expect((await res.text()).length).toBeLessThan(600);
  });

  it('refuses a long non-number in the compact form without quoting all of it', async () => {
    const res = await call(
      `/v1/business-case?${WORKED_GET.replace('prevalence:0.12', `prevalence:${'9'.repeat(50_000)}x`)}&format=txt&field=totals.totalAnnualDamage`,
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toBe('problems[0].prevalence: must be a number of at most 64 characters (got 50001)');
  });

  it('lists at most 50 errors and counts them all', async () => {
    const s = clone();
    s.problems = Array.from({ length: 150 }, (_, i) => ({ id: `p${i}`, complaintRate: 7, outcomes: { satisfied: 2 } }));
    const res = await postJson('/v1/business-case', s);
    const text = await res.clone().text();
    const problem = (await expectProblem(res, 422, OP)) as unknown as { errors: unknown[]; errorCount: number };
    expect(problem.errors).toHaveLength(50);
    expect(problem.errorCount).toBeGreaterThanOrEqual(600);
    expect(text.length).toBeLessThan(8_000);
  });

  it('answers a 300 KB body of broken problems briefly', async () => {
    const s = clone();
    s.problems = Array.from({ length: 6000 }, (_, i) => ({ id: `p${i}`, complaintRate: 7, outcomes: { satisfied: 2 } }));
    const body = JSON.stringify(s);
    expect(body.length).toBeGreaterThan(300_000);
    const res = await postJson('/v1/business-case', body);
    const text = await res.clone().text();
    await expectProblem(res, 422, OP);
    expect(text.length).toBeLessThan(8_000);
  });

  it('cuts echoed values and paths short', async () => {
    const s = clone();
    s['k'.repeat(50_000)] = 1;
    s.currency = 'x'.repeat(50_000);
    const res = await postJson('/v1/business-case', s);
    const text = await res.clone().text();
    const problem = await expectProblem(res, 422, OP);
    expect(text.length).toBeLessThan(1_500);
    expect(problem.errors.map((e) => e.path)).toContain('currency');
    expect(problem.errors.find((e) => e.path === 'currency')!.message).toMatch(/\(got "x{40}…" \(50000 characters\)\)$/);
  });

  it('limits the targets of an investment to the problems a scenario can hold', async () => {
    const s = clone();
    s.investments[0].problems = Array.from({ length: 201 }, (_, i) => `p${i}`);
    const problem = await expectProblem(await postJson('/v1/business-case', s), 422, OP);
    expect(problem.errors).toEqual([{ path: 'investments[0].problems', message: 'must have at most 200 items (got 201)' }]);
  });

  it('limits how many problem and investment parameters a URL may hold', async () => {
    const many = Array.from({ length: 201 }, (_, i) => `&problem=p${i},prevalence:0.1,complaintRate:0.5,outcomes:1/0/0`).join('');
    const res = await call(`/v1/business-case?customers=1000&lifetimeValue=1${many}&format=txt&field=totals.totalAnnualDamage`);
    expect(res.status).toBe(422);
    expect(await res.text()).toBe('problem: may be given at most 200 times');
  });
});

describe('ids and names', () => {
  async function idError(id: string, where: 'problem' | 'investment' = 'problem') {
    const s = clone();
    if (where === 'problem') {
      s.problems[0].id = id;
      s.investments[0].problems = 'all';
    } else s.investments[0].id = id;
    const problem = await expectProblem(await postJson('/v1/business-case', s), 422, OP);
    const path = where === 'problem' ? 'problems[0].id' : 'investments[0].id';
    expect(problem.errors.map((e) => e.path)).toEqual([path]);
    return problem.errors[0]!.message;
  }

  it('refuses ids that read as positions, hold a separator, or hide characters', async () => {
    expect(await idError('12')).toBe('must not be only digits, which would read as a position (got "12")');
    expect(await idError('a.b')).toBe('must not hold ".", "," or "/", which separate paths and lists (got "a.b")');
    expect(await idError('a/b', 'investment')).toMatch(/^must not hold "\.", "," or "\/"/);
    expect(await idError('a,b')).toMatch(/^must not hold/);
    expect(await idError(' padded')).toBe('must not begin or end with a space (got " padded")');
    expect(await idError('   ')).toBe('must not be blank');
    expect(await idError('')).toBe('must not be empty');
    expect(await idError('tab\there')).toBe('must not hold control characters or invisible marks (got "tab\\there")');
    expect(await idError('rtl\u202emark')).toBe('must not hold control characters or invisible marks (got "rtl\\u202emark")');
    expect(await idError('x'.repeat(101))).toBe('must be at most 100 characters (got 101)');
  });

  it('refuses blank names and names with control characters, keeps others as given', async () => {
    for (const [name, message] of [
      ['', 'must not be blank: leave name out to use the id'],
      ['  ', 'must not be blank: leave name out to use the id'],
      ['two\nlines', 'must not hold control characters such as tabs or line breaks (got "two\\nlines")'],
    ]) {
      const s = clone();
      s.problems[1].name = name;
      const problem = await expectProblem(await postJson('/v1/business-case', s), 422, OP);
      expect(problem.errors).toEqual([{ path: 'problems[1].name', message }]);
    }
    const s = clone();
    s.problems[1].name = 'Giao hàng trễ \u200f(مرحبا)';
    const res = await postJson('/v1/business-case?field=problems.late-delivery.name', s);
    expect(await res.text()).toBe('Giao hàng trễ \u200f(مرحبا)');
  });

  it('applies the same rules to the GET form', async () => {
    const res = await call(
      `/v1/business-case?${WORKED_GET.replace('problem=billing-errors', 'problem=42')}&format=txt&field=totals.totalAnnualDamage`,
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/^problems\[0\]\.id: must not be only digits/);
  });
});

describe('addressing a figure', () => {
  it('a position is the ranked position; an id is an id', async () => {
    const get = async (field: string) => (await call(`/v1/business-case?${WORKED_GET}&field=${field}`)).text();
    expect(await get('problems.0.id')).toBe('late-delivery');
    expect(await get('problems.0.rank')).toBe('1');
    expect(await get('problems.billing-errors.rank')).toBe('2');
    expect(await get('investments.better-handling.byProblem.billing-errors.benefit')).toBe(await get('investments.1.byProblem.0.benefit'));
  });
});

describe('shares', () => {
  it('count only the problems that do damage; the last is exactly 1', async () => {
    const s = clone();
    s.problems.push(
      { id: 'delighted', prevalence: 0.1, complaintRate: 1, outcomes: { satisfied: 1, mollified: 0, dissatisfied: 0 }, loyalty: { satisfied: 0.99 } },
      { id: 'never', prevalence: 0, complaintRate: 0.5, outcomes: { satisfied: 1, mollified: 0, dissatisfied: 0 } },
    );
    const body = (await (await postJson('/v1/business-case', s)).json()) as {
      problems: { id: string; totalAnnualDamage: number; share: number | null; cumulativeShare: number | null }[];
    };
    const byId = Object.fromEntries(body.problems.map((p) => [p.id, p]));
    expect(byId.delighted!.totalAnnualDamage).toBeLessThan(0);
    expect(byId.never!.totalAnnualDamage).toBe(0);
    expect([byId.delighted!.share, byId.delighted!.cumulativeShare, byId.never!.share, byId.never!.cumulativeShare]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(byId['late-delivery']!.share).toBeCloseTo(8135000 / 12209000, 12);
    expect(byId['billing-errors']!.cumulativeShare).toBe(1);
    const csv = parseDelimited(await (await postJson('/v1/business-case?format=csv', s)).text());
    const share = csv[0]!.indexOf('share');
    expect(csv.slice(1).map((r) => r[share])).toEqual([String(8135000 / 12209000), String(4074000 / 12209000), '', '']);
  });
});

describe('figures with no value', () => {
  const FREE = WORKED_GET.replace('upfront:100000,annual:120000', 'upfront:0,annual:0');

  it('txt: a 422 that says why, or #N/A in the cell', async () => {
    const res = await call(`/v1/business-case?${FREE}&field=investments.better-handling.roi`);
    expect(res.status).toBe(422);
    expect(await res.text()).toBe('roi is null: the investment costs nothing, so a return on cost cannot be stated.');
    const json = await call(`/v1/business-case?${FREE}&field=investments.better-handling.roi&format=txt`, { headers: {} });
    expect(json.status).toBe(422);
    const cell = await call(`/v1/business-case?${FREE}&field=investments.better-handling.roi&onError=cell`);
    expect(cell.status).toBe(200);
    expect(await cell.text()).toBe('#N/A roi is null: the investment costs nothing, so a return on cost cannot be stated.');
    const payback = await call(`/v1/investment-roi?${BILLING}&prevalenceReduction=0.001&upfrontCost=1e9&field=paybackMonths&onError=cell`);
    expect(await payback.text()).toMatch(/^#N\/A paybackMonths is null: the investment does not pay back within the 3-year horizon/);
    const share = await call(`/v1/problem-damage?${BILLING.replace('prevalence=0.12', 'prevalence=0')}&field=totalAnnualDamage`);
    expect(await share.text()).toBe('0');
  });

  it('csv: an empty cell', async () => {
    const rows = parseDelimited(await (await call(`/v1/business-case?${FREE}&format=csv&table=investments`)).text());
    expect(rows[1]![rows[0]!.indexOf('roi')]).toBe('');
  });
});

describe('clear words', () => {
  it('a parameter given twice', async () => {
    const res = await call(`/v1/problem-damage?${BILLING}&customers=5&format=txt&field=affected`);
    expect(res.status).toBe(422);
    expect(await res.text()).toBe('customers: may be given only once (it is given 2 times)');
    expect((await call(`/v1/problem-damage?${BILLING}&_=1&_=2&field=affected`)).status).toBe(200);
  });

  it('a missing problem parameter shows the form', async () => {
    const problem = await expectProblem(await call('/v1/business-case?customers=100&lifetimeValue=5'), 422, ['GET', '/v1/business-case']);
    expect(problem.errors).toEqual([
      {
        path: 'problem',
        message: 'is required: give one problem per parameter, such as problem=billing-errors,prevalence:0.12,complaintRate:0.5,outcomes:0.4/0.2/0.4',
      },
    ]);
  });

  it('shows the value a whole number was given as, with one error per value', async () => {
    const res = await call(`/v1/problem-damage?${BILLING.replace('customers=100000', 'customers=1.5')}&field=affected`);
    expect(await res.text()).toBe('customers: must be a whole number (got 1.5)');
    const far = await expectProblem(await call(`/v1/problem-damage?${BILLING.replace('customers=100000', 'customers=-1e17')}`), 422, [
      'GET',
      '/v1/problem-damage',
    ]);
    expect(far.errors).toEqual([{ path: 'customers', message: 'must be at least 1 (got -100000000000000000)' }]);
    expect(far.detail).toMatch(/^1 field is invalid/);
  });

  it('the compact form refuses every unknown key, __proto__ included, and a key given twice', async () => {
    for (const [key, path] of [
      ['__proto__:1', 'problems[0].__proto__'],
      ['constructor:1', 'problems[0].constructor'],
      ['complaintrate:0.5', 'problems[0].complaintrate'],
    ]) {
      const problem = await expectProblem(await call(`/v1/business-case?${WORKED_GET.replace('costPerComplaint:8', key!)}`), 422, [
        'GET',
        '/v1/business-case',
      ]);
      expect(problem.errors.map((e) => e.path)).toEqual([path]);
      expect(problem.errors[0]!.message).toMatch(/^is not a key of a problem; the keys are name, prevalence/);
    }
    const twice = await call(
      `/v1/business-case?${WORKED_GET.replace('costPerComplaint:8', 'costPerComplaint:8,costPerComplaint:9')}&field=totals.totalAnnualDamage`,
    );
    expect(await twice.text()).toBe('problems[0].costPerComplaint: is given twice in this problem');
  });

  it('lifetimeValue with annual figures is refused on GET as on POST', async () => {
    for (const extra of ['annualRevenue=400', 'grossMargin=0.3', 'retentionRate=0.8']) {
      const res = await call(`/v1/problem-damage?${BILLING}&${extra}&field=affected`);
      expect(res.status, extra).toBe(422);
      expect(await res.text()).toBe(`${extra.split('=')[0]}: give either lifetimeValue or the annual figures, not both`);
    }
  });

  it('table goes with csv or tsv only', async () => {
    for (const q of ['table=investments', 'table=investments&format=json']) {
      const problem = await expectProblem(await call(`/v1/business-case?${WORKED_GET}&${q}`), 422, ['GET', '/v1/business-case']);
      expect(problem.errors.map((e) => e.path)).toEqual(['table']);
    }
    const withField = await call(`/v1/business-case?${WORKED_GET}&table=investments&field=totals.totalAnnualDamage`);
    expect(withField.status).toBe(422);
    expect(await withField.text()).toBe('table: goes with format=csv or tsv, not with field, which asks for one value');
  });
});

describe('HTTP details', () => {
  const send = (type: string | undefined, body: BodyInit, headers: Record<string, string> = {}) =>
    call('/v1/business-case?field=totals.totalAnnualDamage', {
      method: 'POST',
      headers: { ...(type ? { 'content-type': type } : {}), ...headers },
      body,
    });

  it('application/json with parameters, spaces or capitals is JSON', async () => {
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'application/json ; charset=UTF-8',
      ' Application/JSON ',
      'application/json;charset="utf-8"',
    ]) {
      const res = await send(type, JSON.stringify(workedExample));
      expect(res.status, type).toBe(200);
      expect(await res.text()).toBe('12209000');
    }
  });

  it('every other media type gets the one 415 with Accept-Post', async () => {
    for (const type of [
      'text/plain',
      'application/jsonx',
      'application/problem+json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'json',
    ]) {
      const res = await call('/v1/business-case', { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(workedExample) });
      const problem = await expectProblem(res.clone(), 415, OP);
      expect(problem.detail, type).toMatch(/^Send the body as JSON with "Content-Type: application\/json" \(got "/);
      expect(res.headers.get('accept-post')).toBe('application/json');
    }
  });

  it('an encoded body gets 415, never a parser error with binary in it', async () => {
    const gzip = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xff, 0xfe, 0x00]);
    const res = await call('/v1/business-case', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzip,
    });
    const problem = await expectProblem(res.clone(), 415, OP);
    expect(problem.detail).toBe('Send the body unencoded: Content-Encoding "gzip" is not accepted.');
    expect(res.headers.get('accept-encoding')).toBe('identity');
    expect((await send('application/json', JSON.stringify(workedExample), { 'content-encoding': 'identity' })).status).toBe(200);
  });

  it('a body that is not UTF-8 gets 400', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"customers": 1, "x": "'), 0xe9, 0xff, ...new TextEncoder().encode('"}')]);
    const problem = await expectProblem(
      await call('/v1/business-case', { method: 'POST', headers: { 'content-type': 'application/json' }, body: latin1 }),
      400,
      OP,
    );
    expect(problem.detail).toBe('The body is not UTF-8 text: send the JSON encoded as UTF-8.');
  });

  it('a malformed body’s reason is short and holds no raw control characters', async () => {
    const res = await postJson('/v1/business-case', `{"a": "${'\\u0001'.repeat(10)}${'x'.repeat(100_000)}`);
    const text = await res.clone().text();
    const problem = await expectProblem(res, 400, OP);
    expect(problem.detail).toMatch(/^The body is not valid JSON: /);
    expect(text.length).toBeLessThan(1_000);
  });

  it('a 304 carries the Cache-Control of its 200', async () => {
    const first = await call(`/v1/business-case?${WORKED_GET}&format=csv`);
    const again = await call(`/v1/business-case?${WORKED_GET}&format=csv`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(again.headers.get('cache-control')).toBe('public, max-age=3600');
    // The tag names the model version: a CSV of the same figures under another model never matches.
    expect(first.headers.get('etag')).toMatch(/^"model-2-[0-9a-f]{40}"$/);
  });

  it('caching is a route’s choice: pure computations are public for an hour, nothing else is', async () => {
    expect((await call(`/v1/business-case?${WORKED_GET}`)).headers.get('cache-control')).toBe('public, max-age=3600');
    expect((await call('/v1/defaults')).headers.get('cache-control')).toBe('public, max-age=3600');
    const health = await call('/health');
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(health.headers.get('etag')).toBeNull();
    const post = await postJson('/v1/business-case', workedExample);
    expect(post.headers.get('cache-control')).toBeNull();
    expect((await call('/nowhere')).headers.get('cache-control')).toBeNull();
  });

  it('OPTIONS: the route’s own methods, CORS preflight, 404 elsewhere', async () => {
    const preflight = { 'access-control-request-method': 'POST', origin: 'https://sheets.example' };
    const bc = await call('/v1/business-case', { method: 'OPTIONS', headers: preflight });
    expect(bc.status).toBe(204);
    expect(bc.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
    expect(bc.headers.get('access-control-allow-methods')).toBe('GET,HEAD,OPTIONS,POST');
    expect(bc.headers.get('access-control-allow-origin')).toBe('*');
    expect(bc.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
    const health = await call('/health', { method: 'OPTIONS' });
    expect(health.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const type = await call('/problems/invalid-input', { method: 'OPTIONS' });
    expect(type.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    await expectProblem(await call('/nowhere', { method: 'OPTIONS' }), 404);
  });

  it('the documented problem types include the figure with no value', async () => {
    const res = await call('/problems/no-value');
    expect(res.status).toBe(200);
    await expectDocumented(res, 'GET', '/problems/{type}');
  });
});

describe('found by a hostile reading', () => {
  it('quotes between a separator and a formula character do not let it through', async () => {
    const s = clone();
    s.problems[0].name = 'x;"=1+1';
    s.problems[1].name = 'y,"-2+3';
    const text = await (await postJson('/v1/business-case?format=csv', s)).text();
    for (const sep of [',', ';'] as const) for (const c of parseDelimited(text, sep).flat()) expect(runsAsFormula(c), c).toBe(false);
    const line = await (await call(`/v1/problem-damage?${BILLING}&format=csv&${encodeURIComponent('a","=1')}=1`)).text();
    expect(line).not.toMatch(/(^|[,;]"*)[=+\-@]/);
  });

  it('discountRate on the problem damage is the lifetime value’s, refused with lifetimeValue', async () => {
    expect((await call(`/v1/problem-damage?${BILLING}&discountRate=5&field=affected`)).status).toBe(422);
    const res = await call(`/v1/problem-damage?${BILLING}&discountRate=0.05&field=totalAnnualDamage`);
    expect(res.status).toBe(422);
    expect(await res.text()).toBe('discountRate: give either lifetimeValue or the annual figures, not both');
  });

  it('a number beyond the largest double is named with what was sent', async () => {
    const res = await call(`/v1/problem-damage?${BILLING.replace('customers=100000', 'customers=1e999')}&field=affected`);
    expect(await res.text()).toBe('customers: must be a finite number, at most about 1.8e308 in size (got "1e999")');
  });

  it('the parser’s reason is cut cleanly', async () => {
    const problem = await expectProblem(await postJson('/v1/business-case', '{'), 400, OP);
    expect(problem.detail).toMatch(/^The body is not valid JSON: [^"]*(".*")?[^"]*\.$/);
  });

  it('the same error is listed once', async () => {
    const twice = Array.from({ length: 100 }, () => 'prevalence:0.1').join(',');
    const problem = await expectProblem(await call(`/v1/business-case?${WORKED_GET.replace('prevalence:0.12', twice)}`), 422, [
      'GET',
      '/v1/business-case',
    ]);
    expect(problem.errors).toEqual([{ path: 'problems[0].prevalence', message: 'is given twice in this problem' }]);
  });

  it('names of invisible marks only are blank; half characters are refused', async () => {
    for (const [where, value, message] of [
      ['name', '\u200b\u2060', 'must not be blank: leave name out to use the id'],
      ['id', '\ud800x', 'must be well-formed Unicode text (got "\\ud800x")'],
    ] as const) {
      const s = clone();
      s.problems[1][where] = value;
      const problem = await expectProblem(await postJson('/v1/business-case', s), 422, OP);
      expect(problem.errors.find((e) => e.path === `problems[1].${where}`)?.message).toBe(message);
    }
  });
});

describe('figures too large to compute, on the flat routes', () => {
  it('are named by the route’s own parameters', async () => {
    const res = await call(`/v1/problem-damage?${BILLING.replace('lifetimeValue=500', 'lifetimeValue=1e308')}&field=totalAnnualDamage`);
    expect(res.status).toBe(422);
    const line = await res.text();
    expect(line).toMatch(/^customers\/lifetimeValue\/positiveTold\/negativeTold\/positiveInfluence\/negativeInfluence\/costPerComplaint: /);
    expect(line).toMatch(/directRevenueAtRisk.*exceeds the largest number/);
    expect(line).not.toMatch(/customerValue|\bwordOfMouth\b|problems\[0\]|prevalence/);
  });
});

describe('found by a review', () => {
  it('a 304 keeps the CORS headers a cross-origin reader needs', async () => {
    const first = await call(`/v1/business-case?${WORKED_GET}&format=csv`, { headers: { origin: 'https://sheets.example' } });
    const again = await call(`/v1/business-case?${WORKED_GET}&format=csv`, {
      headers: { origin: 'https://sheets.example', 'if-none-match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    expect(again.headers.get('access-control-expose-headers')).toBe('ETag, Location, Idempotent-Replayed, WWW-Authenticate');
  });

  it('a query parameter named __proto__ is unknown, like any other', async () => {
    const problem = await expectProblem(await call(`/v1/problem-damage?${BILLING}&__proto__=x`), 422, ['GET', '/v1/problem-damage']);
    expect(problem.errors.map((e) => e.path)).toEqual(['__proto__']);
  });

  it('a repeated parameter on a path that is no route is still a 404, and a wrong method a 405', async () => {
    expect((await call('/nowhere?a=1&a=2')).status).toBe(404);
    expect((await call('/v1/defaults?a=1&a=2', { method: 'PUT' })).status).toBe(405);
  });

  it('an error in a cell is neither tagged nor revalidated', async () => {
    const cell = await call(`/v1/problem-damage?${BILLING.replace('complaintRate=0.5', 'complaintRate=2')}&field=affected&onError=cell`);
    expect(cell.status).toBe(200);
    expect(cell.headers.get('cache-control')).toBe('no-store');
    expect(cell.headers.get('etag')).toBeNull();
  });
});
