// Lets Node run the Worker's source where it holds JSX (src/report/*.tsx), for the scripts that load the Worker in
// Node (the benchmarks, the OpenAPI export): each .tsx file is compiled by esbuild as wrangler compiles it, with
// hono/jsx. Use: node --import ./scripts/tsx-hooks.mjs <script.ts>.
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.tsx')) return nextLoad(url, context);
    const file = fileURLToPath(url);
    const { code } = transformSync(readFileSync(file, 'utf8'), {
      loader: 'tsx',
      jsx: 'automatic',
      jsxImportSource: 'hono/jsx',
      format: 'esm',
      sourcefile: file,
    });
    return { format: 'module', source: code, shortCircuit: true };
  },
});
