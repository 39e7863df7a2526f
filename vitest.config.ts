import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: './wrangler.toml' },
      // The migrations, read here in Node, applied to the test database inside workerd by test/setup.ts.
      miniflare: { bindings: { TEST_MIGRATIONS: await readD1Migrations('migrations') } },
    })),
  ],
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Generated cases: a fixed seed and count, so a run is repeatable; FUZZ_RUNS and FUZZ_SEED ask for more or others.
    provide: { fuzzRuns: Number(process.env.FUZZ_RUNS ?? 100), fuzzSeed: Number(process.env.FUZZ_SEED ?? 20261123) },
    // The JSON report lets CI print one closing count line.
    reporters: ['default', ['json', { outputFile: 'dist/vitest-results.json' }]],
  },
});
