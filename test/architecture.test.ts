// Imports run one way: model <- schemas <- present/spreadsheet/report <- http <- routes <- app <- index.
import { describe, expect, it } from 'vitest';

type Glob = (pattern: string, options: { query: string; import: string; eager: true }) => Record<string, string>;
const sources = (import.meta as ImportMeta & { glob: Glob }).glob('../src/**/*.ts', { query: '?raw', import: 'default', eager: true });

/** The layer of a source file, by its folder; bindings (types) and generated data sit below everything. */
function layer(file: string): number {
  const rel = file.replace(/^.*\/src\//, '');
  const order: [RegExp, number][] = [
    [/^(bindings\.ts|generated\/)/, 0],
    [/^model\//, 1],
    [/^schemas\//, 2],
    [/^(present|spreadsheet|report)\//, 3],
    [/^http\//, 4],
    [/^store\//, 4],
    [/^routes\//, 5],
    [/^app\.ts$/, 6],
    [/^index\.ts$/, 7],
  ];
  const found = order.find(([pattern]) => pattern.test(rel));
  if (!found) throw new Error(`${rel} is in no layer: add its folder to the architecture test`);
  return found[1];
}

function resolveImport(from: string, spec: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const step of spec.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.') parts.push(step);
  }
  return parts.join('/');
}

describe('the layers', () => {
  it('every import of src runs down or sideways, never up', () => {
    const upward: string[] = [];
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      for (const [, spec] of sources[file]!.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)) {
        const target = resolveImport(file, spec!);
        if (layer(target) > layer(file)) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the model imports nothing outside itself but its seeded generator', () => {
    for (const [file, text] of Object.entries(sources)) {
      if (!file.includes('/src/model/')) continue;
      for (const [, spec] of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
        if (spec!.startsWith('pure-rand/')) continue;
        expect(spec, file).toMatch(/^\./);
        expect(resolveImport(file, spec!), file).toMatch(/\/src\/model\//);
      }
    }
  });
});
