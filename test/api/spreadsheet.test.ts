import { describe, expect, it } from 'vitest';
import { workedExample } from '../../src/schemas/examples.ts';
import { call, expectDocumented, parseDelimited, postJson } from './helpers.ts';

const BILLING =
  'customers=100000&lifetimeValue=500&prevalence=0.12&complaintRate=0.5&satisfied=0.4&mollified=0.2&dissatisfied=0.4&costPerComplaint=8';
const FIX = `${BILLING}&prevalenceReduction=0.6&upfrontCost=250000&annualCost=50000`;

/** The worked example in the compact GET form. */
const WORKED_GET =
  'customers=100000&lifetimeValue=500' +
  '&problem=billing-errors,name:Billing errors,prevalence:0.12,complaintRate:0.5,outcomes:0.4/0.2/0.4,costPerComplaint:8' +
  '&problem=late-delivery,name:Late delivery,prevalence:0.2,complaintRate:0.25,outcomes:0.3/0.4/0.3,costPerComplaint:5' +
  '&investment=fix-billing,name:Fix the billing system,problems:billing-errors,prevalenceReduction:0.6,upfront:250000,annual:50000' +
  '&investment=better-handling,name:Train and empower front-line staff,problems:all,outcomes:0.7/0.2/0.1,upfront:100000,annual:120000';

const lines = (text: string) => parseDelimited(text);

describe('GET /v1/problem-damage', () => {
  it('answers the worked example’s billing-errors damage as JSON', async () => {
    const res = await call(`/v1/problem-damage?${BILLING}`);
    const body = (await expectDocumented(res, 'GET', '/v1/problem-damage')) as Record<string, number>;
    expect(body.customersLost).toBeCloseTo(6588, 6);
    expect(body.directRevenueAtRisk).toBeCloseTo(3294000, 4);
    expect(body.wordOfMouthRevenueAtRisk).toBeCloseTo(732000, 4);
    expect(body.serviceCost).toBeCloseTo(48000, 6);
    expect(body.totalAnnualDamage).toBeCloseTo(4074000, 4);
  });

  it('answers one bare number for a cell', async () => {
    const res = await call(`/v1/problem-damage?${BILLING}&format=txt&field=totalAnnualDamage`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('4074000');
    expect(await (await call(`/v1/problem-damage?${BILLING}&field=customersLost`)).text()).toBe('6588');
  });

  it('answers CSV with a header row of the JSON names', async () => {
    const res = await call(`/v1/problem-damage?${BILLING}&format=csv`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, row] = lines(await res.text());
    const json = (await (await call(`/v1/problem-damage?${BILLING}`)).json()) as Record<string, unknown>;
    expect(header).toEqual(Object.keys(json).filter((k) => k !== 'assumptions'));
    expect(Number(row![header!.indexOf('totalAnnualDamage')])).toBeCloseTo(4074000, 4);
  });

  it('answers TSV', async () => {
    const text = await (await call(`/v1/problem-damage?${BILLING}&format=tsv`)).text();
    expect(text.split('\r\n')[0]).toMatch(/^affected\tcomplainants\t/);
  });

  it('takes loyalty and word-of-mouth overrides under their model names', async () => {
    const res = await call(`/v1/problem-damage?${BILLING}&loyalty.silent=0.5&negativeTold=0&field=customersLost`);
    // silent 6,000 × (0.85 − 0.5) + 72 + 372 + 1,584
    expect(Number(await res.text())).toBeCloseTo(2100 + 72 + 372 + 1584, 6);
    const body = (await (await call(`/v1/problem-damage?${BILLING}&negativeTold=0`)).json()) as { assumptions: { field: string }[] };
    expect(body.assumptions.map((a) => a.field)).not.toContain('negativeTold');
    expect(body.assumptions.map((a) => a.field)).toContain('positiveTold');
  });

  it('states a problem by complaints per year too', async () => {
    const q = BILLING.replace('prevalence=0.12', 'complaintsPerYear=6000');
    expect(await (await call(`/v1/problem-damage?${q}&field=affected`)).text()).toBe('12000');
  });
});

describe('GET /v1/investment-roi', () => {
  it('answers the worked example’s fix-billing figures', async () => {
    const res = await call(`/v1/investment-roi?${FIX}`);
    const body = (await expectDocumented(res, 'GET', '/v1/investment-roi')) as Record<string, number>;
    expect(body.annualBenefit).toBeCloseTo(2444400, 4);
    expect(body.npv).toBeCloseTo(5096632.31, 2);
    expect(body.roi).toBeCloseTo(13.6149, 4);
    expect(body.paybackMonths).toBe(2);
    expect(body.costOfDelayPerMonth).toBeCloseTo(179163.33, 2);
    expect(await (await call(`/v1/investment-roi?${FIX}&field=npv`)).text()).toBe(String(body.npv));
  });

  it('takes better handling as satisfiedAfter/mollifiedAfter/dissatisfiedAfter', async () => {
    const q = `${BILLING}&satisfiedAfter=0.7&mollifiedAfter=0.2&dissatisfiedAfter=0.1&upfrontCost=100000&annualCost=120000`;
    expect(Number(await (await call(`/v1/investment-roi?${q}&field=annualBenefit`)).text())).toBeCloseTo(828000, 4);
  });

  it('uses one discountRate for the lifetime value and the cash flows', async () => {
    const q = `${FIX.replace('lifetimeValue=500', 'annualRevenue=500&grossMargin=0.5&retentionRate=0.8')}&discountRate=0.2`;
    const body = (await (await call(`/v1/investment-roi?${q}`)).json()) as { lifetimeValue: number; cashFlows: { discountFactor: number }[] };
    expect(body.lifetimeValue).toBeCloseTo((500 * 0.5 * 0.8) / (1 + 0.2 - 0.8), 9);
    expect(body.cashFlows[1]!.discountFactor).toBeCloseTo(1 / 1.2, 12);
  });

  it('answers its yearly cash flows as CSV', async () => {
    const [header, ...rows] = lines(await (await call(`/v1/investment-roi?${FIX}&format=csv&table=cashFlows`)).text());
    expect(header).toEqual(['year', 'benefit', 'cost', 'net', 'discountFactor', 'presentValue']);
    expect(rows.map((r) => r[0])).toEqual(['0', '1', '2', '3']);
  });
});

describe('GET /v1/lifetime-value', () => {
  it('computes CLV from annual figures and states the default discount rate', async () => {
    const res = await call('/v1/lifetime-value?annualRevenue=1000&grossMargin=0.4&retentionRate=0.8');
    const body = (await expectDocumented(res, 'GET', '/v1/lifetime-value')) as { lifetimeValue: number; assumptions: { field: string }[] };
    expect(body.lifetimeValue).toBeCloseTo(1066.6666667, 6);
    expect(body.assumptions.map((a) => a.field)).toEqual(['discountRate']);
    expect(
      Number(
        await (await call('/v1/lifetime-value?annualRevenue=1000&grossMargin=0.4&retentionRate=0.8&discountRate=0.05&field=lifetimeValue')).text(),
      ),
    ).toBeCloseTo(1280, 9);
  });
});

describe('GET /v1/business-case', () => {
  it('gives the same business case as the POST, from a URL', async () => {
    const viaGet = await call(`/v1/business-case?${WORKED_GET}`);
    const { assumptions, ...body } = (await expectDocumented(viaGet, 'GET', '/v1/business-case')) as { assumptions: { field: string }[] };
    const { assumptions: postAssumptions, ...viaPost } = (await (await postJson('/v1/business-case', workedExample)).json()) as typeof body & {
      assumptions: { field: string }[];
    };
    // The same figures; break-evens, like assumptions, name the lifetime value by its GET parameter.
    const gotJson = JSON.stringify(body);
    expect(gotJson).toContain('"field":"lifetimeValue"');
    expect(JSON.parse(gotJson.replaceAll('"field":"lifetimeValue"', '"field":"customerValue.lifetimeValue"'))).toEqual(viaPost);
    // The same assumptions, named by the parameters of the GET form.
    expect(assumptions.map((a) => a.field)).toEqual(postAssumptions.map((a) => a.field.replace(/^(wordOfMouth|finance)\./, '')));
  });

  it('answers a chosen table as CSV and a chosen figure as text', async () => {
    const [header, first, second] = lines(await (await call(`/v1/business-case?${WORKED_GET}&format=csv&table=investments`)).text());
    expect(header!.slice(0, 6)).toEqual(['id', 'name', 'rank', 'recommended', 'problems', 'annualBenefit']);
    expect(first!.slice(0, 3)).toEqual(['fix-billing', 'Fix the billing system', '1']);
    expect(second![0]).toBe('better-handling');
    expect(await (await call(`/v1/business-case?${WORKED_GET}&field=totals.totalAnnualDamage`)).text()).toBe('12209000');
    expect(await (await call(`/v1/business-case?${WORKED_GET}&field=investments.better-handling.paybackMonths`)).text()).toBe('1');
    expect(await (await call(`/v1/business-case?${WORKED_GET}&field=problems.0.id`)).text()).toBe('late-delivery');
  });

  it('fits ten problems and five investments in a 2,048-character URL', async () => {
    const problems = Array.from(
      { length: 10 },
      (_, i) => `&problem=problem-${i + 1},prevalence:0.0${i + 1},complaintRate:0.35,outcomes:0.45/0.25/0.3,costPerComplaint:12.5`,
    );
    const investments = Array.from(
      { length: 5 },
      (_, i) => `&investment=investment-${i + 1},problems:problem-${i + 1}/problem-${i + 6},prevalenceReduction:0.4,upfront:150000,annual:30000`,
    );
    const url = `https://service-business-case.example.workers.dev/v1/business-case?format=csv&table=investments&customers=250000&lifetimeValue=1200${problems.join('')}${investments.join('')}`;
    expect(url.length).toBeLessThanOrEqual(2048);
    const res = await call(url.slice(url.indexOf('/v1/')));
    expect(res.status).toBe(200);
    expect(lines(await res.text())).toHaveLength(6);
  });

  it('names the parameter of a bad problem by its position', async () => {
    const res = await call(
      `/v1/business-case?${WORKED_GET.replace('complaintRate:0.25', 'complaintRate:1.25')}&format=txt&field=totals.totalAnnualDamage`,
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toBe('problems[1].complaintRate: must be greater than 0 and at most 1 (got 1.25)');
    const typo = await call(`/v1/business-case?${WORKED_GET.replace('complaintRate:0.25', 'complaintrate:0.25')}`);
    expect(((await typo.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('problems[1].complaintrate');
  });
});

describe('POST /v1/business-case for spreadsheets', () => {
  it('honours format and table', async () => {
    const res = await postJson('/v1/business-case?format=csv&table=assumptions', workedExample);
    expect(res.status).toBe(200);
    const [header, first] = lines(await res.text());
    expect(header).toEqual(['field', 'value', 'source']);
    expect(first).toEqual(['currency', 'USD', 'Default currency label; figures are not converted']);
    const npv = await (await postJson('/v1/business-case?field=investments.fix-billing.npv', workedExample)).text();
    expect(Number(npv)).toBeCloseTo(5096632.31, 2);
  });

  it('quotes CSV fields with commas, quotes and line breaks (RFC 4180)', async () => {
    const s = structuredClone(workedExample);
    s.problems[0]!.name = 'Billing errors, "double" charges; refunds';
    const text = await (await postJson('/v1/business-case?format=csv', s)).text();
    expect(text).toContain(',"Billing errors, ""double"" charges; refunds",');
    expect(lines(text).map((row) => row[1])).toContain('Billing errors, "double" charges; refunds');
  });
});

describe('errors a spreadsheet can read', () => {
  it('one line of text with the real status for csv, tsv and txt', async () => {
    for (const format of ['csv', 'tsv', 'txt']) {
      const res = await call(
        `/v1/problem-damage?${BILLING.replace('complaintRate=0.5', 'complaintRate=2')}&format=${format}&field=serviceCost`.replace(
          format === 'txt' ? '' : '&field=serviceCost',
          '',
        ),
      );
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await res.text()).toBe('complaintRate: must be greater than 0 and at most 1 (got 2)');
    }
  });

  it('in the cell, with status 200, given onError=cell', async () => {
    const res = await call(`/v1/problem-damage?${BILLING.replace('complaintRate=0.5', 'complaintRate=2')}&field=serviceCost&onError=cell`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('#ERROR complaintRate: must be greater than 0 and at most 1 (got 2)');
    const csv = await call(`/v1/problem-damage?${BILLING.replace('satisfied=0.4', 'satisfied=0.3')}&format=csv&onError=cell`);
    expect(await csv.text()).toBe('#ERROR satisfied/mollified/dissatisfied: shares must sum to 1 (they sum to 0.9)\r\n');
    const quoted = await call(`/v1/problem-damage?${BILLING.replace('customers=100000', 'customers=1,5')}&format=csv&onError=cell`);
    expect(await quoted.text()).toBe('"#ERROR customers: must be a number with a dot for decimals (got ""1,5"")"\r\n');
    expect(csv.headers.get('cache-control')).toBe('no-store');
  });

  it('a decimal comma, a missing parameter and an unknown one are named', async () => {
    const comma = await call(`/v1/problem-damage?${BILLING.replace('prevalence=0.12', 'prevalence=0,12')}&field=serviceCost`);
    expect(await comma.text()).toBe('prevalence: must be a number with a dot for decimals (got "0,12")');
    const missing = await call(`/v1/problem-damage?${BILLING.replace('&complaintRate=0.5', '')}&field=serviceCost`);
    expect(await missing.text()).toBe('complaintRate: is required');
    const unknown = await call(`/v1/problem-damage?${BILLING}&complaintRat=0.5&field=serviceCost`);
    expect(await unknown.text()).toBe('complaintRat: is not a known field');
    const none = await call(`/v1/problem-damage?${BILLING.replace('prevalence=0.12&', '')}&field=serviceCost`);
    expect(await none.text()).toMatch(
      /^prevalence\/affectedCustomers\/complaintsPerYear: give exactly one of prevalence, affectedCustomers or complaintsPerYear/,
    );
  });

  it('txt without a field, a field that does not exist, a table that does not exist', async () => {
    expect(await (await call(`/v1/problem-damage?${BILLING}&format=txt`)).text()).toMatch(/^field: is required with format=txt/);
    expect(await (await call(`/v1/problem-damage?${BILLING}&field=npv`)).text()).toBe('field: names no value of this answer (got "npv")');
    expect(await (await call(`/v1/problem-damage?${BILLING}&field=assumptions`)).text()).toMatch(/^field: names a list or an object/);
    expect((await call(`/v1/problem-damage?${BILLING}&format=csv&table=nope`)).status).toBe(422);
  });

  it('JSON clients still get problem details', async () => {
    const res = await call(`/v1/problem-damage?${BILLING.replace('complaintRate=0.5', 'complaintRate=2')}`);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    await expectDocumented(res, 'GET', '/v1/problem-damage');
  });
});

describe('caching and methods', () => {
  it('GET answers carry an ETag and Cache-Control, and If-None-Match gets 304', async () => {
    const res = await call(`/v1/problem-damage?${BILLING}&format=csv`);
    const tag = res.headers.get('etag')!;
    expect(tag).toMatch(/^"model-2-[0-9a-f]+"$/);
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    const again = await call(`/v1/problem-damage?${BILLING}&format=csv`, { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    const other = await call(`/v1/problem-damage?${BILLING}&format=tsv`, { headers: { 'If-None-Match': tag } });
    expect(other.status).toBe(200);
  });

  it('HEAD and OPTIONS work on every GET route, as LibreOffice sends them first', async () => {
    for (const path of [
      `/v1/problem-damage?${BILLING}`,
      `/v1/investment-roi?${FIX}`,
      '/v1/lifetime-value?annualRevenue=1&grossMargin=1&retentionRate=0.5',
      `/v1/business-case?${WORKED_GET}`,
    ]) {
      const head = await call(path, { method: 'HEAD' });
      expect(head.status, path).toBe(200);
      expect(await head.text()).toBe('');
      const options = await call(path, { method: 'OPTIONS' });
      expect(options.status, path).toBe(204);
      const cors = await call(path, { headers: { Origin: 'https://excel.example' } });
      expect(cors.headers.get('access-control-allow-origin')).toBe('*');
      expect(cors.headers.get('access-control-expose-headers')).toBe('ETag, Location, Idempotent-Replayed, WWW-Authenticate');
    }
  });
});
