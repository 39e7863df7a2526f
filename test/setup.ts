// Every test file starts with the database migrated, as `npm run dev` migrates the local one, and holding the case
// the OpenAPI document's examples name, so that every documented example reads a real case.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { workedExample } from '../src/schemas/examples.ts';

/** The id the document's examples use. */
export const EXAMPLE_CASE_ID = 'q3ZxW0dN4c1m2YpLr7Tb8A';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
const at = '2026-11-26T14:05:00.000Z';
await env.DB.batch([
  // No edit key hashes to 64 zeros: the example case cannot be changed.
  env.DB.prepare('INSERT OR IGNORE INTO cases VALUES (?1, ?2, 1, ?3, ?3)').bind(EXAMPLE_CASE_ID, '0'.repeat(64), at),
  env.DB.prepare('INSERT OR IGNORE INTO case_versions VALUES (?1, 1, ?2, ?3, ?4, ?5)').bind(
    EXAMPLE_CASE_ID,
    'Acme: billing and delivery',
    JSON.stringify(workedExample),
    '2',
    at,
  ),
]);
