import { describe, expect, it } from 'vitest';
import markdown from '../../docs/method.md?raw';
import { renderMethodPage, SECTION_IDS } from '../../scripts/method-page.mjs';
import { evaluateCashFlows } from '../../src/model/finance.ts';
import { workedExample } from '../../src/schemas/examples.ts';
import { call, expectDocumented, postJson } from './helpers.ts';

const page = async () => (await call('/method')).text();

/** Text of a piece of HTML: tags dropped, the entities marked writes decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** The HTML of the section under the heading with this id, up to the next heading of its level or higher. */
function section(html: string, id: string): string {
  const heading = html.match(new RegExp(`<h([1-6]) id="${id}">`));
  expect(heading, `a heading with id="${id}"`).not.toBeNull();
  const start = heading!.index!;
  const rest = html.slice(start + heading![0].length);
  const next = rest.search(new RegExp(`<h[1-${heading![1]}][ >]`));
  return html.slice(start, next < 0 ? undefined : start + heading![0].length + next);
}

interface Table {
  head: string[];
  rows: string[][];
}

/** The tables of a piece of HTML, as the HTML of each cell. */
function tables(html: string): Table[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) => {
    const rows = [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => cell!),
    );
    return { head: rows[0] ?? [], rows: rows.slice(1) };
  });
}

/** The field name a cell gives in `code`, if it gives one. */
const codeIn = (cell: string) => cell.match(/<code>([^<]+)<\/code>/)?.[1];

/** A figure as the page prints it: thousands separators and a typographic minus allowed. */
function figure(cell: string): { text: string; decimals: number } | undefined {
  const text = textOf(cell)
    .replace(/,/g, '')
    .replace(/\u2212/g, '-');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return { text, decimals: text.split('.')[1]?.length ?? 0 };
}

/** A figure of the API printed to the page's number of decimals, as the page prints it. */
const printed = (value: number, decimals: number) => value.toFixed(decimals);

describe('GET /method', () => {
  it('is a self-contained HTML page that runs nothing and loads nothing', async () => {
    const res = await call('/method');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);

    const csp = res.headers.get('content-security-policy')!;
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src') ?? ["'none'"]).toEqual(["'none'"]);
    expect(directives.get('img-src')).toEqual(['data:']);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    // The one style element is allowed by its hash, and nothing else is.
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    expect(styles).toHaveLength(1);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(styles[0]![1]!));
    expect(directives.get('style-src')).toEqual([`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('is documented, and the OpenAPI document links to it', async () => {
    await expectDocumented(await call('/method'), 'GET', '/method');
    const doc = (await (await call('/openapi.json')).json()) as {
      info: { description: string };
      paths: Record<string, { get?: { tags: string[] } }>;
    };
    expect(doc.paths['/method']?.get?.tags).toEqual(['Service']);
    expect(doc.info.description).toContain('[/method](/method)');
    const head = await call('/method', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('has the sections other pages link to, each listed in its contents', async () => {
    const html = await page();
    for (const id of ['inputs', 'damage', 'investment', 'assumptions', 'worked-example', 'choices', 'sources']) {
      expect(SECTION_IDS).toContain(id);
      expect(html, id).toMatch(new RegExp(`<h2 id="${id}">`));
      expect(html, id).toContain(`<a href="#${id}">`);
    }
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map(([, id]) => id);
    expect(new Set(ids).size, 'ids are unique').toBe(ids.length);
    // Every link within the page goes to a heading that exists.
    for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) expect(ids, `#${target}`).toContain(target);
  });

  it('is docs/method.md as it is now (after editing it, run `npm run method`)', async () => {
    const served = await page();
    expect(served === renderMethodPage(markdown).page, 'the served page is built from the current docs/method.md: run `npm run method`').toBe(true);
  });
});

describe('the worked example on the method page', () => {
  it('shows the request of the docs page’s worked example', async () => {
    const example = section(await page(), 'worked-example');
    const json = [...example.matchAll(/<pre><code class="language-json">([\s\S]*?)<\/code><\/pre>/g)];
    expect(json).toHaveLength(1);
    expect(JSON.parse(textOf(json[0]![1]!))).toEqual(workedExample);
  });

  it('prints the figures POST /v1/business-case answers for it', async () => {
    const example = section(await page(), 'worked-example');
    const res = await postJson('/v1/business-case', workedExample);
    expect(res.status).toBe(200);
    type Subject = Record<string, unknown> & { id?: string };
    const answer = (await res.json()) as { problems: Subject[]; investments: Subject[]; totals: Subject };
    const subjects = new Map<string, Subject>([...answer.problems, ...answer.investments].map((s) => [s.id!, s]));
    subjects.set('totals', answer.totals);

    // Tables of subjects: a column per problem, investment or `totals`, a row per field, each named in `code`.
    const checked = new Map<string, number>();
    for (const { head, rows } of tables(example)) {
      const columns = head.slice(1).map(codeIn);
      if (textOf(head[0]!) !== '' || columns.some((c) => c === undefined || !subjects.has(c))) continue;
      for (const row of rows) {
        const field = codeIn(row[0]!);
        expect(field, `a row of ${columns.join(', ')} names its field: ${textOf(row[0]!)}`).toBeDefined();
        columns.forEach((subject, i) => {
          const cell = row[i + 1]!;
          if (textOf(cell) === '') return;
          const shown = figure(cell);
          const where = `${subject}.${field}`;
          expect(shown, `${where} is a figure: ${textOf(cell)}`).toBeDefined();
          const value = subjects.get(subject!)![field!];
          expect(typeof value, where).toBe('number');
          expect(shown!.text, where).toBe(printed(value as number, shown!.decimals));
          checked.set(where, shown!.decimals);
        });
      }
    }
    const required: [string, number][] = [
      ['late-delivery.totalAnnualDamage', 0],
      ['billing-errors.totalAnnualDamage', 0],
      ...['fix-billing', 'better-handling'].flatMap((id): [string, number][] => [
        [`${id}.npv`, 2],
        [`${id}.roi`, 4],
        [`${id}.paybackMonths`, 0],
        [`${id}.costOfDelayPerMonth`, 2],
      ]),
    ];
    for (const [where, decimals] of required) {
      expect(checked.has(where), `${where} is on the page`).toBe(true);
      expect(checked.get(where), `${where} is printed to at least ${decimals} decimals`).toBeGreaterThanOrEqual(decimals);
    }

    // fix-billing's cash flows: a column per field of cashFlows, a row per year.
    const flows = tables(example).filter(({ head }) => head.every((cell) => codeIn(cell) !== undefined) && codeIn(head[0]!) === 'year');
    expect(flows).toHaveLength(1);
    const fixBilling = subjects.get('fix-billing') as { cashFlows: Record<string, number>[] };
    const fields = flows[0]!.head.map((cell) => codeIn(cell)!);
    expect(flows[0]!.rows).toHaveLength(fixBilling.cashFlows.length);
    flows[0]!.rows.forEach((row, year) => {
      fields.forEach((field, i) => {
        const shown = figure(row[i]!);
        expect(shown, `cashFlows[${year}].${field}`).toBeDefined();
        expect(shown!.text, `cashFlows[${year}].${field}`).toBe(printed(fixBilling.cashFlows[year]![field]!, shown!.decimals));
      });
    });
  });

  it('prints the finance check the model reproduces (SalesLoft TEI study)', async () => {
    const check = section(await page(), 'finance-check');
    const [flows, results] = tables(check);
    const row = (label: string) =>
      flows!.rows
        .find((r) => textOf(r[0]!) === label)!
        .slice(1)
        .map((cell) => Number(figure(cell)!.text));
    const costs = row('costs');
    const benefits = row('benefits');
    expect(benefits[0]).toBe(0);
    const f = evaluateCashFlows({ upfront: costs[0]!, costs: costs.slice(1), benefits: benefits.slice(1), discountRate: 0.1 });
    const model: Record<string, number> = { pvCosts: f.pvCosts, pvBenefits: f.pvBenefits, npv: f.npv };
    const seen: string[] = [];
    for (const r of results!.rows) {
      const field = codeIn(r[0]!)!;
      seen.push(field);
      const shown = textOf(r[1]!);
      if (field === 'roi') expect(shown).toBe(`${Math.round(f.roi! * 100)}%`);
      else expect(figure(r[1]!)!.text, field).toBe(printed(model[field]!, 0));
    }
    expect(seen.sort()).toEqual(['npv', 'pvBenefits', 'pvCosts', 'roi']);
  });
});
