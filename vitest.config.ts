import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
  test: {
    include: ['test/**/*.test.ts'],
    // The JSON report lets CI print one closing count line.
    reporters: ['default', ['json', { outputFile: 'dist/vitest-results.json' }]],
  },
});
