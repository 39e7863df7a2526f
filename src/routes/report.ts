// The CFO report: the business case of a scenario, a GET form or a saved case, as one printable HTML page.
import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../bindings.ts';
import { businessCase } from '../model/business-case.ts';
import type { UncertainScenario } from '../model/types.ts';
import { ApiProblem } from '../present/problem.ts';
import { en } from '../report/messages/en.ts';
import { vi } from '../report/messages/vi.ts';
import { errorPage, reportPage } from '../report/page.tsx';
import { REPORT_CSS } from '../report/style.ts';
import { outputParams, reportLanguage } from '../schemas/query.ts';
import { scenarioSchemas } from '../schemas/scenario.ts';
import { withNames } from '../spreadsheet/flat.ts';
import { querySchemas } from '../spreadsheet/queries.ts';
import { cached, revalidated } from '../http/cache.ts';
import { jsonBody } from '../http/json-body.ts';
import { defineRoute, type Mount } from '../http/routes.ts';
import { readCase } from '../store/cases.ts';
import { scenarioFromQuery } from './business-case.ts';
import { caseIdOf, caseNotFound } from './cases/access.ts';
import { storedScenario } from './cases/index.ts';
import { problemResponses } from './responses.ts';

const MESSAGES = { en, vi } as const;
type Lang = keyof typeof MESSAGES;

/** The report's swing for inputs without a range, unless the request sets one: the tornado of the top investment. */
const REPORT_SWING = 0.2;

let styleHash: Promise<string> | undefined;

/** The page's policy: nothing loads, nothing runs; the one inline style sheet is allowed by its hash. */
async function policy(): Promise<string> {
  styleHash ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(REPORT_CSS)).then((d) => btoa(String.fromCharCode(...new Uint8Array(d))));
  return [
    "default-src 'none'",
    `style-src 'sha256-${await styleHash}'`,
    // The page's icon is an empty data: URL, so that a browser asks no server for one.
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The values of a header like Accept or Accept-Language, each with its weight (`q`, 1 when absent, 0 when not a
 * number), lowercased; read from its first 1,000 characters and 50 values, so that a long header costs no more.
 */
function weighted(header: string | undefined): { value: string; q: number }[] {
  if (!header) return [];
  return header
    .slice(0, 1000)
    .split(',', 50)
    .map((part) => {
      const [value, ...params] = part.trim().toLowerCase().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { value: value!.trim(), q: qParam === undefined ? 1 : Number(qParam.slice(2)) || 0 };
    });
}

/** The language asked for by `lang`, else the first of en and vi that Accept-Language prefers (q > 0), else en. */
function languageOf(c: Context, lang: Lang | undefined): { lang: Lang; negotiated: boolean } {
  if (lang) return { lang, negotiated: false };
  let best: { lang: Lang; q: number } | undefined;
  for (const { value, q } of weighted(c.req.header('Accept-Language'))) {
    const primary = value.split('-')[0];
    if ((primary !== 'en' && primary !== 'vi') || !(q > 0)) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return { lang: best?.lang ?? 'en', negotiated: true };
}

async function html(c: Context, body: string, status: 200 | 400 | 404 | 410 | 413 | 415 | 422, negotiated: boolean, lang: Lang): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': await policy(),
    'Content-Language': lang,
  };
  if (negotiated) headers.Vary = 'Accept-Language';
  return c.body(body, status, headers);
}

/** The scenario with the tornado the report shows: the request's swing, or 0.2 when it sets none. */
function withTornado(s: UncertainScenario): { scenario: UncertainScenario; swing: number | undefined } {
  const swing = s.sensitivity?.swing ?? REPORT_SWING;
  return { scenario: { ...s, sensitivity: { ...s.sensitivity, swing } }, swing };
}

async function report(
  c: Context,
  sent: UncertainScenario,
  lang: Lang | undefined,
  extra: { title?: string; jsonLink?: string; rename?: (path: string) => string },
) {
  const { lang: chosen, negotiated } = languageOf(c, lang);
  const { scenario, swing } = withTornado(sent);
  const result = withNames(extra.rename ?? ((p) => p), () => businessCase(scenario));
  const page = reportPage({
    result,
    scenario: sent,
    messages: MESSAGES[chosen],
    title: extra.title,
    jsonLink: extra.jsonLink,
    swing,
    madeAt: new Date(),
  });
  return html(c, page, 200, negotiated, chosen);
}

/** Whether the request's Accept ranks text/html above JSON: a browser's does; an API client's does not. */
function prefersHtml(c: Context): boolean {
  let htmlQ = 0;
  let jsonQ = 0;
  for (const { value, q } of weighted(c.req.header('Accept'))) {
    if (value === 'text/html') htmlQ = Math.max(htmlQ, q);
    if (value === 'application/json' || value === 'application/problem+json') jsonQ = Math.max(jsonQ, q);
  }
  return htmlQ > 0 && htmlQ >= jsonQ;
}

/** An error of a report request, as a readable page when the client is a browser; as problem details otherwise. */
const htmlErrors: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!(c.error instanceof ApiProblem) || !prefersHtml(c)) return;
  const lang = c.req.query('lang') === 'vi' ? 'vi' : c.req.query('lang') === 'en' ? 'en' : languageOf(c, undefined).lang;
  const problem = c.error;
  const page = errorPage(MESSAGES[lang], problem.status, problem.detail, problem.errors, problem.errorCount);
  const res = await html(c, page, problem.status as 422, c.req.query('lang') === undefined, lang);
  for (const [name, value] of Object.entries(problem.headers)) res.headers.set(name, value);
  c.res = res;
};

const PAGE_NOTE =
  'One self-contained HTML page (inline CSS and SVG, no script, nothing loaded from anywhere; a strict Content-Security-Policy), laid out for A4 print and readable on a phone: a summary, the Pareto chart of the problems, the investments’ npv (with P10–P90 when simulated) and the break-even of the input that decides each, the cumulative cash flow by month of the chosen portfolio (else of the top investment) with payback marked, the tornado of the top investment (inputs without a range swung ±20% unless `sensitivity.swing` says otherwise), and every assumption with its source. ' +
  'In English or Vietnamese (`lang`, else Accept-Language), money in the scenario’s currency. Save it as PDF from the browser’s print dialog. ' +
  'An error is the same problem details as /v1/business-case, or a readable HTML page when Accept prefers text/html.';

const htmlContent = { 'text/html': { schema: z.string().meta({ description: 'The report: a complete HTML document' }) } };

/** Errors as problem details, text, or (for a browser) an HTML page. */
function reportErrors(...kinds: Parameters<typeof problemResponses>) {
  const responses = problemResponses(...kinds);
  for (const entry of Object.values(responses)) Object.assign(entry.content, htmlContent);
  return responses;
}

/** The report's language, and the cache-buster every spreadsheet-friendly operation takes. */
const langQuery = () => z.strictObject({ lang: reportLanguage(), _: outputParams('totalAnnualDamage')._ });

export const reportPostRoute = defineRoute({ method: 'post', path: '/v1/report', middleware: [htmlErrors, jsonBody] }, () => ({
  operationId: 'createReport',
  tags: ['Report'],
  summary: 'The CFO report of a scenario',
  description: `The business case of the scenario in the body as a printable page. ${PAGE_NOTE}`,
  request: {
    query: langQuery(),
    body: {
      required: true,
      description: 'The scenario',
      content: { 'application/json': { schema: scenarioSchemas().Scenario, examples: scenarioSchemas().scenarioExamples } },
    },
  },
  responses: {
    200: { description: 'The report', content: htmlContent },
    ...reportErrors('malformed-json', 'missing-body', 'payload-too-large', 'unsupported-media-type', 'invalid-input', 'uncomputable'),
  },
}));

export const reportGetRoute = defineRoute({ method: 'get', path: '/v1/report', middleware: [htmlErrors, cached] }, () => ({
  operationId: 'getReport',
  tags: ['Report', 'Spreadsheet'],
  summary: 'The CFO report from a URL',
  description: `The report of the business case that GET /v1/business-case answers for the same parameters (every GET form), for a link in a spreadsheet. ${PAGE_NOTE}`,
  request: { query: querySchemas().ReportQuery },
  responses: {
    200: { description: 'The report', content: htmlContent },
    ...reportErrors('invalid-input', 'uncomputable'),
  },
}));

export const caseReportRoute = defineRoute({ method: 'get', path: '/v1/cases/{id}/report', middleware: [htmlErrors, revalidated] }, () => ({
  operationId: 'getCaseReport',
  tags: ['Report', 'Saved cases'],
  summary: 'The CFO report of a saved case',
  description: `The report of a saved case as it is now, under its title, with a link to the same figures as JSON; short enough for a spreadsheet HYPERLINK (Excel caps its address at 255 characters). ${PAGE_NOTE}`,
  request: {
    params: z.strictObject({ id: z.string().meta({ param: { name: 'id', in: 'path' }, example: 'q3ZxW0dN4c1m2YpLr7Tb8A' }) }),
    query: langQuery(),
  },
  responses: {
    200: { description: 'The report', content: htmlContent },
    ...reportErrors('not-found', 'invalid-input', 'uncomputable'),
  },
}));

export function registerReport(app: Mount) {
  app.openapi(reportPostRoute, (c) => report(c, c.req.valid('json'), c.req.valid('query').lang, {}));

  app.openapi(reportGetRoute, (c) => {
    const q = c.req.valid('query');
    const { scenario, rename } = scenarioFromQuery(q);
    const query = new URL(c.req.url).searchParams;
    query.delete('lang');
    return report(c, scenario, q.lang, { rename, jsonLink: `/v1/business-case?${query}` });
  });

  app.openapi(caseReportRoute, async (c) => {
    const id = caseIdOf(c);
    const read = await readCase(c.env.DB, id);
    if (read.kind !== 'found') throw caseNotFound();
    const scenario = storedScenario(JSON.parse(read.stored.scenario));
    c.set('etag', { id, version: read.stored.version });
    return report(c, scenario, c.req.valid('query').lang, { title: read.stored.title ?? undefined, jsonLink: `/v1/cases/${id}` });
  });
}
