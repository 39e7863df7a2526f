import { describe, expect, it } from 'vitest';
import { workedExample } from '../../src/schemas/examples.ts';
import { WORKED_GET } from '../fixtures.ts';
import { EXAMPLE_CASE_ID } from '../setup.ts';
import { call, expectDocumented, postJson } from './helpers.ts';

const NBSP = '\u00a0';

/** The text of the element marked `data-figure="<name>"`. */
function figure(html: string, name: string): string | undefined {
  return new RegExp(`data-figure="${name}"[^>]*>([^<]*)<`).exec(html)?.[1];
}

async function base64Sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}

describe('the CFO report', () => {
  it('POST /v1/report: one self-contained page, its key figures those of the business case, formatted', async () => {
    const res = await postJson('/v1/report', { ...workedExample, portfolio: {} });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-language')).toBe('en');
    const html = (await expectDocumented(res.clone(), 'POST', '/v1/report')) as string;
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(figure(html, 'totalAnnualDamage')).toBe('$12,209,000');
    expect(figure(html, 'portfolioNpv')).toBe('$6,883,108');
    expect(figure(html, 'paybackMonths')).toBe('2 months');
    // Nothing runs and nothing loads: no script, no external reference, a policy that allows only the page's style.
    expect(html).not.toMatch(/<script|<img|<iframe|src=|url\(|@import/i);
    // One link: the page's icon, empty, so that a browser asks no server for one.
    expect(html.match(/<link[^>]*>/g)).toEqual(['<link rel="icon" href="data:,"/>']);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`style-src 'sha256-${await base64Sha256(style)}'`);
    expect(html).not.toMatch(/ style="/);
    // Each section, and the tornado the report asks for (±20%) when the request sets no swing.
    for (const id of ['summary', 'problems', 'investments', 'cash-flow', 'tornado', 'assumptions']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('moved 20% either way');
    expect(html).toContain('Forrester Total Economic Impact practice: 10% discount rate');
  });

  it('in Vietnamese: by lang, or by Accept-Language (then Vary says so); vi-VN grouping, VND without decimals', async () => {
    const vi = await postJson('/v1/report?lang=vi', workedExample);
    const html = await vi.text();
    expect(html).toContain('<html lang="vi">');
    expect(figure(html, 'totalAnnualDamage')).toBe(`12.209.000${NBSP}US$`);
    expect(figure(html, 'topInvestmentNpv')).toBe(`5.096.632${NBSP}US$`);
    expect(html).toContain('Tóm tắt');
    expect(vi.headers.get('vary')).toBeNull();
    const negotiated = await postJson('/v1/report', { ...workedExample, currency: 'VND' }, { 'accept-language': 'fr;q=1, vi;q=0.9, en;q=0.5' });
    expect(negotiated.headers.get('content-language')).toBe('vi');
    expect(negotiated.headers.get('vary')).toContain('Accept-Language');
    expect(figure(await negotiated.text(), 'totalAnnualDamage')).toBe(`12.209.000${NBSP}₫`);
    const english = await postJson('/v1/report', workedExample, { 'accept-language': 'de, en-GB;q=0.8' });
    expect(english.headers.get('content-language')).toBe('en');
  });

  it('GET /v1/report: the same figures from the GET form, and a link to them as JSON', async () => {
    const res = await call(`/v1/report?${WORKED_GET}&lang=en`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(figure(html, 'totalAnnualDamage')).toBe('$12,209,000');
    const link = /<a href="([^"]+)">The same figures as JSON/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect(link).toMatch(/^\/v1\/business-case\?/);
    expect(link).not.toContain('lang=');
    const json = (await (await call(link)).json()) as { totals: { totalAnnualDamage: number } };
    expect(json.totals.totalAnnualDamage).toBe(12209000);
  });

  it('GET /v1/cases/{id}/report: the saved case under its title, revalidated like the case', async () => {
    const path = `/v1/cases/${EXAMPLE_CASE_ID}/report`;
    expect(path.length).toBeLessThan(255);
    const res = await call(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('etag')).toMatch(new RegExp(`^"${EXAMPLE_CASE_ID}-v1-model-2-`));
    const html = await res.text();
    expect(html).toContain('<title>Acme: billing and delivery</title>');
    expect(html).toContain(`href="/v1/cases/${EXAMPLE_CASE_ID}"`);
    expect(figure(html, 'totalAnnualDamage')).toBe('$12,209,000');
  });

  it('hostile names stay text', async () => {
    const hostile = structuredClone(workedExample) as { problems: { name?: string }[]; investments: { name?: string }[] };
    hostile.problems[0]!.name = '<script>alert(1)</script>';
    hostile.problems[1]!.name = '=HYPERLINK("http://x","y") "quoted" \u202Eevil';
    hostile.investments[0]!.name = `<img src=x onerror=alert(1)>${'x'.repeat(150)}`;
    const html = await (await postJson('/v1/report', hostile)).text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the CFO report: what the summary says', () => {
  it('names in sentences are isolated, so a right-to-left mark cannot turn the figures around', async () => {
    const s = structuredClone(workedExample) as { investments: { name?: string }[] };
    s.investments[0]!.name = '\u202eFix';
    const html = await (await postJson('/v1/report', s)).text();
    expect(html).toContain('Ranked by return on cost, \u2068\u202eFix\u2069 comes first');
  });

  it('a set asked for that loses money is said to lose it, not to be funded', async () => {
    const s = structuredClone(workedExample) as { investments: { cost: { upfront: number } }[]; portfolio?: object };
    s.investments[1]!.cost.upfront = 1e9;
    s.portfolio = { include: ['better-handling'] };
    const html = await (await postJson('/v1/report', s)).text();
    expect(html).toContain('does not pay for itself: its net present value over 3 years is');
    expect(html).not.toContain('fund ');
    expect(figure(html, 'portfolioNpv')).toMatch(/^-\$/);
  });

  it('with no budget, the portfolio is funded without "within the budget"; one member is "it"', async () => {
    const html = await (await postJson('/v1/report', { ...workedExample, portfolio: {} })).text();
    expect(html).toContain('Fund \u2068Fix the billing system\u2069 and \u2068Train and empower front-line staff\u2069: together they return');
    expect(html).toContain('and they pay back in');
    const budgeted = await (await postJson('/v1/report', { ...workedExample, portfolio: { budget: { annual: 100000 } } })).text();
    expect(budgeted).toContain('Within the budget, fund \u2068Fix the billing system\u2069: it returns');
  });
});

describe('the CFO report: bad input', () => {
  it('answers the same 422 as /v1/business-case, as problem details', async () => {
    const bad = { ...workedExample, customers: -1 };
    const report = await postJson('/v1/report', bad);
    const direct = await postJson('/v1/business-case', bad);
    expect(report.status).toBe(422);
    expect(report.headers.get('content-type')).toBe('application/problem+json');
    expect(await report.json()).toEqual(await direct.json());
  });

  it('as a readable HTML page when Accept prefers text/html', async () => {
    const res = await postJson('/v1/report?lang=vi', { ...workedExample, customers: -1 }, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('Không thể lập báo cáo');
    expect(html).toContain('<code>customers</code>');
    const get = await call('/v1/report?customers=abc', { headers: { accept: 'text/html' } });
    expect(get.status).toBe(422);
    expect(await get.text()).toContain('<code>customers</code>');
  });

  it('refuses a language it does not speak, naming lang', async () => {
    const res = await postJson('/v1/report?lang=fr', workedExample);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('lang');
  });

  it('404 for a case that does not exist', async () => {
    expect((await call('/v1/cases/AAAAAAAAAAAAAAAAAAAAAA/report')).status).toBe(404);
  });
});
