import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
  test: {
    include: ['test/**/*.test.ts'],
    // Generated cases: a fixed seed and count, so a run is repeatable; FUZZ_RUNS and FUZZ_SEED ask for more or others.
    provide: { fuzzRuns: Number(process.env.FUZZ_RUNS ?? 100), fuzzSeed: Number(process.env.FUZZ_SEED ?? 20261123) },
    // The JSON report lets CI print one closing count line.
    reporters: ['default', ['json', { outputFile: 'dist/vitest-results.json' }]],
  },
});
