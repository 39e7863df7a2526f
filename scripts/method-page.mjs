// The method page (GET /method) from docs/method.md: the markdown rendered to HTML inside a self-contained
// page with one inline style element and nothing else to load. Pure (no file system), so that the build
// script and the tests render the page the same way; `marked` is a dev dependency and never reaches the Worker.
import { Marked } from 'marked';

/** Sections other code links to, as /method#<id>. The build fails when one is missing. */
export const SECTION_IDS = ['inputs', 'damage', 'investment', 'assumptions', 'worked-example', 'choices', 'sources'];

/**
 * A heading's id: its text without a leading section number ("2. "), up to the first colon, in lower case with
 * every run of other characters than letters and digits made one hyphen. "## 2. Damage: what one problem costs
 * a year" is #damage; "### Ranking and shares" is #ranking-and-shares.
 */
export function headingId(text) {
  return text
    .replace(/^\s*\d+\.\s+/, '')
    .split(':')[0]
    .replace(/[`*_]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const STYLE = `
:root { color-scheme: light; --ink: #1c2631; --muted: #5b6774; --rule: #d9dfe6; --accent: #0a58a6; --tint: #f3f6f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.bar, main, footer { max-width: 54rem; margin: 0 auto; padding-left: 1.25rem; padding-right: 1.25rem; }
.bar { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; justify-content: space-between; padding-top: .8rem; padding-bottom: .8rem; font-size: .9rem; color: var(--muted); }
.bar a { margin-left: 1rem; }
header { border-bottom: 1px solid var(--rule); }
h1, h2, h3 { line-height: 1.25; font-weight: 650; }
h1 { font-size: 2.2rem; margin: 2.2rem 0 1rem; }
h2 { font-size: 1.5rem; margin: 3.2rem 0 1rem; padding-top: 1.2rem; border-top: 2px solid var(--rule); }
h3 { font-size: 1.15rem; margin: 2.2rem 0 .6rem; }
p, ul, ol { margin: 0 0 1rem; }
li { margin-bottom: .35rem; }
a { color: var(--accent); text-underline-offset: .15em; }
strong { font-weight: 650; }
code { font: .86em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; background: var(--tint); padding: .05em .2em; border-radius: 3px; }
pre { background: var(--tint); border: 1px solid var(--rule); border-radius: 6px; padding: .9rem 1.1rem; overflow-x: auto; margin: 0 0 1.2rem; }
pre code { background: none; padding: 0; font-size: .84rem; line-height: 1.55; }
table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; margin: .5rem 0 1.4rem; font-size: .9rem; line-height: 1.45; }
th, td { padding: .4rem .7rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #b8c3ce; font-weight: 650; white-space: nowrap; }
th[align="right"], td[align="right"] { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: #fafbfd; }
td code, th code { font-size: .84em; }
nav.contents { background: var(--tint); border: 1px solid var(--rule); border-radius: 6px; padding: .9rem 1.3rem; margin: 1.8rem 0 0; }
nav.contents p { margin: 0 0 .4rem; font-weight: 650; }
nav.contents ul { list-style: none; margin: 0; padding: 0; columns: 2 18rem; }
nav.contents li { margin: 0 0 .25rem; }
footer { margin-top: 3.5rem; padding-bottom: 2.5rem; color: var(--muted); font-size: .9rem; }
footer p { margin: 0; padding-top: 1rem; border-top: 1px solid var(--rule); }
@media (max-width: 40rem) { body { font-size: 16px; } h1 { font-size: 1.8rem; } }
@media print { header, nav.contents, footer { display: none; } body { font-size: 11pt; } h2 { break-before: auto; } pre, table { break-inside: avoid; } }
`;

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The whole page for docs/method.md. Returns the page and the text of its one <style> element (whose hash the
 * Content-Security-Policy names). Throws when a heading id repeats, a section of SECTION_IDS is missing, or the
 * page would run a script, use a style attribute or load anything from elsewhere.
 */
export function renderMethodPage(markdown) {
  const ids = new Set();
  const contents = [];
  let title;
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth, text }) {
        const inner = this.parser.parseInline(tokens);
        if (depth === 1) {
          title ??= text;
          return `<h1>${inner}</h1>\n`;
        }
        const id = headingId(text);
        if (!id) throw new Error(`docs/method.md: the heading "${text}" gives no id`);
        if (ids.has(id)) throw new Error(`docs/method.md: two headings have the id "${id}"`);
        ids.add(id);
        if (depth === 2) contents.push(`<li><a href="#${id}">${inner}</a></li>`);
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
    },
  });
  const body = marked.parse(markdown, { async: false });

  if (!title) throw new Error('docs/method.md: the page needs a "# " title');
  const missing = SECTION_IDS.filter((id) => !ids.has(id));
  if (missing.length > 0) throw new Error(`docs/method.md: no heading gives the id${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);

  const nav = `<nav class="contents" aria-label="Contents">\n<p>Contents</p>\n<ul>\n${contents.join('\n')}\n</ul>\n</nav>\n`;
  const first = body.indexOf('<h2 ');
  const main = first < 0 ? body : `${body.slice(0, first)}${nav}${body.slice(first)}`;

  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}: Service business case API</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header><div class="bar"><span>Service business case API</span><span><a href="/docs">API docs</a><a href="/openapi.json">OpenAPI document</a></span></div></header>
<main>
${main}</main>
<footer><p>The business-case model, version 2, as this API computes it. Every figure on this page can be had from <a href="/docs">the API</a>, and each answer lists the defaults it used.</p></footer>
</body>
</html>
`;

  if (/<script/i.test(page)) throw new Error('docs/method.md: the method page must not hold a script');
  if (/\sstyle=/i.test(page)) throw new Error('docs/method.md: the method page must not use style attributes (its CSP allows one style element)');
  if (/\s(src|href|action)="(?!#|\/(?!\/)|data:)/i.test(page)) throw new Error('docs/method.md: the method page may link only to this site');
  return { page, style: STYLE };
}
