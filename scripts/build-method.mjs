// Renders docs/method.md, at build time, into public/method.html, the page GET /method serves from the Worker's
// static assets (so the page does not weigh on the Worker's code), and src/generated/method-html.ts, the hash of its
// one <style> element for the page's Content-Security-Policy. No markdown library runs in the Worker. Runs after
// `npm install` and as `npm run method`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'docs', 'method.md');
const target = join(root, 'src', 'generated', 'method-html.ts');
const pageTarget = join(root, 'public', 'method.html');

let renderMethodPage;
try {
  ({ renderMethodPage } = await import('./method-page.mjs'));
} catch (e) {
  // A production-only install has no dev dependencies, and so no markdown renderer: there is nothing to build with.
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  console.warn('marked is not installed; the method page (src/generated/method-html.ts) was not built.');
  process.exit(0);
}

const { page, style } = renderMethodPage(readFileSync(source, 'utf8'));
const styleHash = `sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}`;

mkdirSync(dirname(target), { recursive: true });
writeFileSync(pageTarget, page);
writeFileSync(
  target,
  `// Generated from docs/method.md by scripts/build-method.mjs (on \`npm install\`, or \`npm run method\`). Do not edit.
// The page itself is public/method.html: a complete HTML document with one inline <style> element, no scripts.

/** The Content-Security-Policy source that allows the page's <style> element, and nothing else. */
export const METHOD_STYLE_HASH = ${JSON.stringify(styleHash)};
`,
);
console.log(`Built the method page (${page.length.toLocaleString('en')} characters) into public/method.html`);
