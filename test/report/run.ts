// The HTML report in a real browser: Debian's chromium, driven by puppeteer-core (no browser download), loads the
// report of the worked example (POST, the GET compact form, a saved case), of a 30-problem case and of a case with
// hostile names, in English and Vietnamese. Each page must load with no console message above info, no script run
// and no request but its own; show the JSON answer's key figures as the language writes them; pass axe-core with no
// serious or critical violation; fit the phone and the desktop width; print to A4 (the worked example in at most 4
// pages); and render Vietnamese with one installed font that has every glyph. Screenshots and PDFs go to
// dist/report-screenshots/ for people to look at.
// Needs chromium and poppler-utils (pdfinfo, pdffonts); `.ci/run` installs them with fonts-noto-core and
// fonts-dejavu-core. `node test/report/run.ts --page=/method` runs the page-level checks on another page.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { checklist, startDevServer } from '../../scripts/dev-server.ts';
import { workedExample } from '../../src/schemas/examples.ts';
import { HOSTILE_NAMES, hostileCase, thirtyProblemCase, workedExampleQuery } from './scenarios.ts';

const run = promisify(execFile);
const { check, finish } = checklist('report');
const started = Date.now();

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = resolve('dist/report-screenshots');
const LOCALES = { en: 'en-US', vi: 'vi-VN' } as const;
type Lang = keyof typeof LOCALES;
const VIEWPORTS = { desktop: { width: 1200, height: 900 }, phone: { width: 390, height: 844 } };
const otherPage = process.argv.find((a) => a.startsWith('--page='))?.slice('--page='.length);

// --- What must be installed -------------------------------------------------------------------------------------

const missing = [
  existsSync(CHROMIUM) ? '' : `chromium (${CHROMIUM})`,
  ...(await Promise.all(
    ['pdfinfo', 'pdffonts', 'fc-list'].map((tool) =>
      run(tool, ['-v']).then(
        () => '',
        () => tool,
      ),
    ),
  )),
].filter(Boolean);
if (missing.length > 0) {
  const hint = `${missing.join(', ')} not installed (Debian: apt-get install chromium poppler-utils fonts-noto-core fonts-dejavu-core)`;
  if (process.env.CI) {
    check('chromium and poppler-utils are installed', false, hint);
    finish();
  }
  console.log(`report: skipped: ${hint}`);
  process.exit(0);
}

// --- The figures the page must show ----------------------------------------------------------------------------

interface Answer {
  currency: string;
  totals: { totalAnnualDamage: number };
  /** In rank order: the first is the top investment. */
  investments: { id: string; npv: number; recommended: boolean; paybackMonths: number | null }[];
  portfolio?: { npv: number; paybackMonths: number | null; investments: string[] } | null;
}

/** Text as a reader sees it: the no-break spaces Intl puts around currency signs read as spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f\s]+/g, ' ').trim();

/** A figure the page marks with data-figure: its text, and whether the page must show it. */
interface Figure {
  text: string;
  /** The text is a count among words ("2 months", "2 tháng"): one of its numbers must be `text`. */
  within?: boolean;
  required: boolean;
}

/**
 * The key figures of an answer as the page must write them, with the options of src/report/format.ts: money in
 * full with Intl.NumberFormat for the language's locale and the scenario's currency, no decimals, no minus sign on a
 * figure that rounds to zero; payback as a count of months. The summary names the portfolio when there is one with
 * members, else the top investment when it is worth doing; its payback is that one's, when it pays back. A figure
 * the page shows must equal the answer's even where the page need not show it.
 */
function expectedFigures(answer: Answer, lang: Lang): Record<string, Figure> {
  const money = new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: answer.currency,
    signDisplay: 'negative',
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  });
  const show = (v: number) => plain(money.format(v));
  const top = answer.investments[0];
  const portfolio = answer.portfolio && answer.portfolio.investments.length > 0 ? answer.portfolio : undefined;
  const named = portfolio ?? (top?.recommended ? top : undefined);
  const figures: Record<string, Figure> = { totalAnnualDamage: { text: show(answer.totals.totalAnnualDamage), required: true } };
  if (top) figures.topInvestmentNpv = { text: show(top.npv), required: !portfolio && top.recommended };
  if (portfolio) figures.portfolioNpv = { text: show(portfolio.npv), required: true };
  if (named && named.paybackMonths !== null) figures.paybackMonths = { text: String(named.paybackMonths), within: true, required: true };
  return figures;
}

// --- The browser ------------------------------------------------------------------------------------------------

/** A page with everything it does recorded; navigations go through `open`, which may send a POST body. */
interface Watched {
  page: Page;
  requests: string[];
  problems: string[];
  dialogs: string[];
  open(url: string, body?: string): Promise<{ status: number; headers: Record<string, string> }>;
}

async function watch(browser: Browser): Promise<Watched> {
  const page = await browser.newPage();
  const w: Watched = { page, requests: [], problems: [], dialogs: [], open: async () => ({ status: 0, headers: {} }) };
  let target = { url: '', body: undefined as string | undefined };
  await page.setRequestInterception(true);
  page.on('request', (req: HTTPRequest) => {
    w.requests.push(req.url());
    if (req.isInterceptResolutionHandled()) return;
    if (req.isNavigationRequest() && req.frame() === page.mainFrame() && req.url() === target.url) {
      if (target.body === undefined) void req.continue();
      else void req.continue({ method: 'POST', postData: target.body, headers: { ...req.headers(), 'content-type': 'application/json' } });
    } else void req.abort('blockedbyclient');
  });
  page.on('console', (m) => {
    if (!['log', 'debug', 'info'].includes(m.type())) w.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.problems.push(`page error: ${(e as Error).message ?? e}`));
  page.on('requestfailed', (r) => w.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  w.open = async (url, body) => {
    w.requests.length = 0;
    w.problems.length = 0;
    target = { url, body };
    await page.bringToFront();
    const res = await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return { status: res?.status() ?? 0, headers: res?.headers() ?? {} };
  };
  return w;
}

// --- One report -------------------------------------------------------------------------------------------------

interface Case {
  name: string;
  lang: Lang;
  /** The report's path and query; its POST body when it is sent as one. */
  url: string;
  body?: string;
  /** Where the same figures are as JSON: a GET path, or POST /v1/business-case with `body`. */
  json?: string;
  maxPages?: number;
  hostile?: boolean;
}

/** Everything on the page that would run or fetch: scripts, handlers, links and sources out of the page. */
function runnable(): string[] {
  const found: string[] = [];
  for (const s of document.querySelectorAll('script')) found.push(`<script>${s.textContent?.slice(0, 40) ?? ''}`);
  for (const el of document.querySelectorAll('*')) {
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      const out =
        /(^|:)(href|src|srcset|action|formaction|poster|data)$/i.test(name) &&
        !/^(#|\/(?!\/)|data:)/.test(value) &&
        !value.startsWith(`${location.origin}/`);
      if (/^on/i.test(name) || out || /^\s*javascript:/i.test(value)) found.push(`<${el.localName} ${name}="${value.slice(0, 60)}">`);
    }
  }
  return found;
}

/** The page's text, the SVG's included (style excepted): the prose, and what is set in <code>'s own font. */
function pageText(): { prose: string; code: string } {
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('style, script') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const text = { prose: '', code: '' };
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest('code')) text.code += n.nodeValue;
    else text.prose += n.nodeValue;
  }
  return text;
}

async function overflow(page: Page): Promise<string> {
  return page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    if (scrollWidth <= clientWidth) return '';
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > clientWidth + 0.5)
      .slice(0, 3)
      .map(
        (el) =>
          `<${el.localName}${el.className ? ` class="${el.getAttribute('class')}"` : ''}> right ${Math.round(el.getBoundingClientRect().right)}`,
      );
    return `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}: ${wide.join('; ')}`;
  });
}

/** The fonts a PDF embeds (pdffonts), without the subset prefix: `DejaVuSans-Bold`. */
async function pdfFonts(file: string): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type [encoding words…] emb sub uni object ID: emb is the fifth column from the end.
      return { name: cols[0]!.replace(/^[A-Z]{6}\+/, ''), embedded: cols.at(-5) === 'yes' };
    });
}

/** The installed fonts (PostScript names) that have a glyph for every one of `chars`. */
async function fontsCovering(chars: string): Promise<Set<string>> {
  const codes = [...new Set(chars)]
    .map((c) => c.codePointAt(0)!)
    .filter((code) => code > 0x20)
    .map((code) => code.toString(16))
    .join(' ');
  const { stdout } = await run('fc-list', ['--format=%{postscriptname}\n', `:charset=${codes}`]);
  return new Set(stdout.split('\n').filter(Boolean));
}

async function reportCase(c: Case, view: Watched, axePage: Watched, axeSource: string, base: string): Promise<void> {
  const label = `${c.name} (${c.lang})`;
  const url = base + c.url;
  const { status, headers } = await view.open(url, c.body);
  check(
    `${label}: ${c.body === undefined ? 'GET' : 'POST'} ${c.url.slice(0, 60)}${c.url.length > 60 ? '…' : ''} answers an HTML page`,
    status === 200 && /text\/html/.test(headers['content-type'] ?? ''),
    `status ${status}, ${headers['content-type']}`,
  );
  if (status !== 200) {
    const body = await view.page.evaluate(() => document.body?.textContent?.slice(0, 300) ?? '');
    console.log(`     ${body.replace(/\n/g, ' ')}`);
    return;
  }
  const { page } = view;
  if (!otherPage) {
    check(
      `${label}: the page has a Content-Security-Policy`,
      /default-src 'none'|script-src 'none'/.test(headers['content-security-policy'] ?? ''),
      headers['content-security-policy'] ?? 'none',
    );
    check(`${label}: <html lang="${c.lang}">`, (await page.evaluate(() => document.documentElement.lang)) === c.lang);
  }
  const scripts = await page.evaluate(runnable);
  check(`${label}: nothing on the page runs or links out of it`, scripts.length === 0, scripts.join(', '));

  // The key figures, as the language writes them, equal the JSON answer's.
  if (c.json !== undefined) {
    const res = c.json.startsWith('/')
      ? await fetch(base + c.json)
      : await fetch(`${base}/v1/business-case`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: c.body });
    check(`${label}: the same figures as JSON are answered`, res.ok, `status ${res.status}`);
    if (res.ok) {
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('[data-figure]')].map((el) => [el.getAttribute('data-figure')!, el.textContent ?? ''] as const),
      );
      const expected = expectedFigures((await res.json()) as Answer, c.lang);
      const unknown = shown.filter(([f]) => !(f in expected)).map(([f, t]) => `${f}: ${plain(t)}`);
      check(`${label}: every data-figure on the page is one the answer has`, unknown.length === 0, unknown.join(' | '));
      for (const [figure, { text, within, required }] of Object.entries(expected)) {
        const texts = shown.filter(([f]) => f === figure).map(([, t]) => plain(t));
        if (texts.length === 0 && !required) continue;
        const numbers = (t: string) => (t.match(/\d[\d.,\s]*/g) ?? []).map((n) => n.trim());
        const ok = texts.length > 0 && texts.every((t) => (within ? numbers(t).includes(text) : t === text));
        check(`${label}: data-figure="${figure}" shows ${text}`, ok, texts.length ? `shows ${texts.join(' | ')}` : 'not on the page');
      }
    }
  }

  if (c.hostile) {
    const { prose: text } = await page.evaluate(pageText);
    for (const [kind, name] of Object.entries(HOSTILE_NAMES)) {
      check(`${label}: the ${kind} name is shown as text, as given`, text.includes(name), JSON.stringify(name.slice(0, 40)));
    }
  }

  // Desktop and phone: nothing wider than the page; a full-page screenshot of each.
  const file = join(OUT, `${c.name}-${c.lang}`);
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewport(viewport);
    const wide = await overflow(page);
    check(`${label}: nothing overflows the page ${viewport.width} px wide`, wide === '', wide);
    await page.screenshot({ path: `${file}-${width}.png`, fullPage: true });
  }
  await page.setViewport(VIEWPORTS.desktop);

  // A4 print.
  writeFileSync(`${file}.pdf`, await page.pdf({ format: 'A4', printBackground: true }));
  const pages = Number((await run('pdfinfo', [`${file}.pdf`])).stdout.match(/^Pages:\s+(\d+)/m)?.[1]);
  if (c.maxPages) check(`${label}: prints on at most ${c.maxPages} A4 pages`, pages <= c.maxPages, `${pages} pages`);
  else console.log(`     ${label}: ${pages} A4 pages`);

  // Vietnamese: the prose is drawn with one installed font that has every glyph it uses (so no box, no glyph from
  // another font), <code> with one that has all of its own; the PDF embeds those fonts and no other named one.
  // Chromium writes some text (in SVG) as unnamed Type 3 fonts, made from the same glyphs: those are counted only.
  if (c.lang === 'vi') {
    const { prose, code } = await page.evaluate(pageText);
    const [forProse, forCode] = [await fontsCovering(prose), await fontsCovering(code)];
    const fonts = await pdfFonts(`${file}.pdf`);
    const named = fonts.filter((f) => f.name !== '[none]');
    const names = [...new Set(named.map((f) => f.name))];
    check(
      `${label}: an installed font has every glyph of the page's prose`,
      forProse.size > 0,
      `none has all of ${[...new Set(prose)].filter((ch) => ch > '~').join('')}`,
    );
    check(
      `${label}: the PDF embeds ${names.join(', ')} (and ${fonts.length - named.length} unnamed Type 3), each with every glyph it is used for`,
      named.length > 0 &&
        named.every((f) => f.embedded && (forProse.has(f.name) || forCode.has(f.name))) &&
        names.some((n) => forProse.has(n) && /Noto|DejaVu/.test(n)),
      names.map((n) => `${n}${forProse.has(n) ? '' : forCode.has(n) ? ' (code only)' : ' (lacks a glyph)'}`).join(', '),
    );
  }

  check(`${label}: no console error or warning, no page error`, view.problems.length === 0, view.problems.join(' | '));

  // axe-core, injected into a second page that bypasses the report's CSP (set before its navigation).
  await axePage.open(url, c.body);
  await axePage.page.addScriptTag({ content: axeSource });
  const violations = await axePage.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(`${label}: axe-core finds no serious or critical violation`, serious.length === 0, `${serious.length} found`);
  for (const v of violations) {
    console.log(`     axe ${v.impact}: ${v.id}: ${v.help}`);
    if (v.impact === 'serious' || v.impact === 'critical') for (const n of v.nodes) console.log(`       ${n}`);
  }
  check(
    `${label}: no dialog opened, even with the CSP bypassed`,
    view.dialogs.length === 0 && axePage.dialogs.length === 0,
    [...view.dialogs, ...axePage.dialogs].join(', '),
  );
  // Requests are counted last: a browser asks for /favicon.ico after the load unless the page names its icon.
  const stray = [...view.requests.slice(1), ...axePage.requests.slice(1)];
  check(
    `${label}: no request but the page itself, with the CSP and with it bypassed`,
    view.requests[0] === url && axePage.requests[0] === url && stray.length === 0,
    [...new Set(stray)].join(', '),
  );
}

// --- The run ----------------------------------------------------------------------------------------------------

/** A saved case's report: the case is created through the API first. */
async function savedCase(base: string, scenario: object): Promise<string | undefined> {
  const res = await fetch(`${base}/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Acme: the worked example', ...scenario }),
  });
  check('a case is saved to read its report', res.status === 201, `status ${res.status}`);
  return res.status === 201 ? ((await res.json()) as { id: string }).id : undefined;
}

function cases(caseId: string | undefined): Case[] {
  if (otherPage) return [{ name: 'page', lang: 'en', url: otherPage }];
  const worked = JSON.stringify(workedExample);
  const thirty = JSON.stringify(thirtyProblemCase());
  const query = workedExampleQuery();
  const all: Case[] = [];
  for (const lang of ['en', 'vi'] as const) {
    all.push({ name: 'worked-example-post', lang, url: `/v1/report?lang=${lang}`, body: worked, json: '', maxPages: 4 });
    all.push({ name: 'worked-example-get', lang, url: `/v1/report?${query}&lang=${lang}`, json: `/v1/business-case?${query}`, maxPages: 4 });
    all.push({ name: 'thirty-problems', lang, url: `/v1/report?lang=${lang}`, body: thirty, json: '' });
    if (caseId) all.push({ name: 'saved-case', lang, url: `/v1/cases/${caseId}/report?lang=${lang}`, json: `/v1/cases/${caseId}`, maxPages: 4 });
  }
  all.push({ name: 'hostile-names', lang: 'en', url: '/v1/report?lang=en', body: JSON.stringify(hostileCase()), json: '', hostile: true });
  return all;
}

const server = await startDevServer().catch((e: Error) => {
  check('wrangler dev starts', false, e.message);
  return finish();
});
let browser: Browser | undefined;
try {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    protocolTimeout: 30_000,
    // Two pages in one browser: the one behind must still paint, or its screenshot waits forever.
    args: [
      '--disable-dev-shm-usage',
      '--font-render-hinting=none',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      '--disable-background-timer-throttling',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const view = await watch(browser);
  const axePage = await watch(browser);
  await axePage.page.setBypassCSP(true);

  const probe = await fetch(`${server.base}/v1/report?lang=en`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!otherPage) check('the report route exists (POST /v1/report)', probe.status !== 404, `status ${probe.status}`);
  const caseId = otherPage || probe.status === 404 ? undefined : await savedCase(server.base, workedExample);
  if (otherPage || probe.status !== 404) {
    for (const c of cases(caseId)) await reportCase(c, view, axePage, axeSource, server.base);
  }
  console.log(`screenshots and PDFs: ${OUT}`);
} catch (e) {
  check('the report test ran to the end', false, (e as Error).stack ?? String(e));
} finally {
  await browser?.close();
  server.stop();
}
console.log(`report: ${((Date.now() - started) / 1000).toFixed(1)} s`);
finish();
