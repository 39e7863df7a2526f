// The D1 migrations: they apply to an empty database, and applying them again (by the migration runner, or each
// statement run a second time by hand) changes nothing: no error, the same schema, the same rows.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { workedExample } from '../src/schemas/examples.ts';
import { call, postJson } from './api/helpers.ts';

const TABLES = ['cases', 'case_versions', 'case_creations'];

/** The schema as SQLite holds it: every table, index and trigger with its SQL (D1's own tables left out). */
async function schema() {
  const { results } = await env.DB.prepare(
    "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY type, name",
  ).all();
  return results;
}

async function rows() {
  const all = async (sql: string) => (await env.DB.prepare(sql).all()).results;
  return {
    cases: await all('SELECT * FROM cases ORDER BY id'),
    versions: await all('SELECT * FROM case_versions ORDER BY case_id, version'),
    creations: await all('SELECT * FROM case_creations ORDER BY idempotency_key_hash'),
    migrations: await all('SELECT * FROM d1_migrations ORDER BY id'),
  };
}

/** Every statement of every migration, run one at a time, as the runner runs them. */
async function runEveryStatement() {
  for (const migration of env.TEST_MIGRATIONS) {
    for (const query of migration.queries) await env.DB.prepare(query).run();
  }
}

/** A case made and read through the Worker: the schema the migrations made is the one the code needs. */
async function expectCasesWork() {
  const res = await postJson('/v1/cases', { title: 'after migrating', ...workedExample }, { 'idempotency-key': crypto.randomUUID() });
  expect(res.status).toBe(201);
  const { id, editKey } = (await res.json()) as { id: string; editKey: string };
  const edit = await call(`/v1/cases/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editKey}`, 'if-match': '*' },
    body: JSON.stringify(workedExample),
  });
  expect(edit.status).toBe(200);
  expect((await call(`/v1/cases/${id}/versions/2?field=case.version`)).status).toBe(200);
  return id;
}

describe('D1 migrations', () => {
  it('are there, each with statements, and made the tables the store uses', async () => {
    expect(env.TEST_MIGRATIONS.length).toBeGreaterThan(0);
    for (const migration of env.TEST_MIGRATIONS) expect(migration.queries.length, migration.name).toBeGreaterThan(0);
    const names = (await schema()).filter((r) => r.type === 'table').map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining([...TABLES, 'd1_migrations']));
    const applied = (await env.DB.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>()).results.map((r) => r.name);
    expect(applied).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
  });

  it('applied again by the runner, change nothing', async () => {
    await expectCasesWork();
    const [schemaBefore, rowsBefore] = [await schema(), await rows()];
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    expect(await schema()).toStrictEqual(schemaBefore);
    expect(await rows()).toStrictEqual(rowsBefore);
  });

  it('each statement run a second time: no error, the same schema and rows', async () => {
    await expectCasesWork();
    const [schemaBefore, rowsBefore] = [await schema(), await rows()];
    await runEveryStatement();
    await runEveryStatement();
    expect(await schema()).toStrictEqual(schemaBefore);
    expect(await rows()).toStrictEqual(rowsBefore);
  });

  it('apply to an empty database and make the same schema, which then serves cases', async () => {
    const schemaBefore = await schema();
    // Empty it: every table the migrations made, and the runner's record of them.
    await env.DB.batch(
      ['DROP TABLE case_creations', 'DROP TABLE case_versions', 'DROP TABLE cases', 'DROP TABLE d1_migrations'].map((q) => env.DB.prepare(q)),
    );
    expect(await schema()).toEqual([]);
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    expect(await schema()).toStrictEqual(schemaBefore);
    for (const table of TABLES) expect(await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first('n'), table).toBe(0);
    const id = await expectCasesWork();
    // Once more on the database they made: nothing changes.
    const rowsBefore = await rows();
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    await runEveryStatement();
    expect(await schema()).toStrictEqual(schemaBefore);
    expect(await rows()).toStrictEqual(rowsBefore);
    expect((await call(`/v1/cases/${id}`)).status).toBe(200);
  });
});
