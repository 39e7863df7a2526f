import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { workedExample } from '../../src/schemas/examples.ts';
import { call, expectDocumented, postJson } from './helpers.ts';

type Receipt = { id: string; version: number; editKey: string; title: string | null; links: { case: string; self: string } };

async function create(body: object = { title: 'Acme', ...workedExample }, headers: Record<string, string> = {}) {
  const res = await postJson('/v1/cases', body, headers);
  expect(res.status).toBe(201);
  return { res, receipt: (await res.clone().json()) as Receipt };
}

const put = (id: string, key: string, ifMatch: string | undefined, body: object) =>
  call(`/v1/cases/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    body: JSON.stringify(body),
  });

describe('saved cases: create, read, edit, delete', () => {
  it('creates a case: 201, Location, an id of 22 characters, an edit key of 43, version 1', async () => {
    const { res, receipt } = await create();
    await expectDocumented(res.clone(), 'POST', '/v1/cases');
    expect(receipt.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(receipt.editKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(receipt.version).toBe(1);
    expect(receipt.title).toBe('Acme');
    expect(res.headers.get('location')).toBe(`http://localhost/v1/cases/${receipt.id}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const row = await env.DB.prepare('SELECT edit_key_hash FROM cases WHERE id = ?').bind(receipt.id).first<{ edit_key_hash: string }>();
    expect(row!.edit_key_hash).not.toContain(receipt.editKey);
    expect(row!.edit_key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads it back: the scenario as saved, the figures of /v1/business-case at the same paths, a strong ETag, 304', async () => {
    const { receipt } = await create();
    const res = await call(`/v1/cases/${receipt.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const tag = res.headers.get('etag')!;
    expect(tag).toMatch(new RegExp(`^"${receipt.id}-v1-model-2-[0-9a-f]{40}"$`));
    const body = (await expectDocumented(res, 'GET', '/v1/cases/{id}')) as { case: { scenario: object; version: number }; investments: unknown };
    expect(body.case.scenario).toEqual(workedExample);
    expect(body.case.version).toBe(1);
    const direct = (await (await postJson('/v1/business-case', workedExample)).json()) as { investments: unknown };
    expect(body.investments).toEqual(direct.investments);
    const npv = await (await call(`/v1/cases/${receipt.id}?field=investments.fix-billing.npv`)).text();
    expect(Number(npv)).toBeCloseTo(5096632.31, 2);
    const again = await call(`/v1/cases/${receipt.id}`, { headers: { 'if-none-match': tag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(tag);
    const csv = await call(`/v1/cases/${receipt.id}?format=csv&table=investments`);
    expect(csv.headers.get('etag')).not.toBe(tag);
    expect(await csv.text()).toMatch(/^id,/);
  });

  it('edits with If-Match: the next version; the older If-Match then answers 412', async () => {
    const { receipt } = await create();
    const tag = (await call(`/v1/cases/${receipt.id}?format=csv`)).headers.get('etag')!;
    const edited = { ...workedExample, customers: 200000 };
    const res = await put(receipt.id, receipt.editKey, tag, { title: 'Acme v2', ...edited });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Receipt).version).toBe(2);
    const read = (await (await call(`/v1/cases/${receipt.id}`)).json()) as { case: { version: number; title: string; scenario: object } };
    expect(read.case).toMatchObject({ version: 2, title: 'Acme v2', scenario: edited });
    const late = await put(receipt.id, receipt.editKey, tag, workedExample);
    expect(late.status).toBe(412);
    const v1 = (await (await call(`/v1/cases/${receipt.id}/versions/1`)).json()) as {
      case: { version: number; currentVersion: number; scenario: object };
    };
    expect(v1.case).toMatchObject({ version: 1, currentVersion: 2, scenario: workedExample });
    const list = await call(`/v1/cases/${receipt.id}/versions`);
    const versions = (await expectDocumented(list, 'GET', '/v1/cases/{id}/versions')) as { versions: { version: number }[] };
    expect(versions.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('deletes with the key: 204, then 404 for every read', async () => {
    const { receipt } = await create();
    const del = await call(`/v1/cases/${receipt.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${receipt.editKey}` } });
    expect(del.status).toBe(204);
    for (const path of ['', '/versions', '/versions/1']) expect((await call(`/v1/cases/${receipt.id}${path}`)).status).toBe(404);
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM case_versions WHERE case_id = ?').bind(receipt.id).first<{ n: number }>();
    expect(rows!.n).toBe(0);
  });

  it('rotates the edit key: the old one stops working at once', async () => {
    const { receipt } = await create();
    const res = await call(`/v1/cases/${receipt.id}/edit-key`, { method: 'POST', headers: { authorization: `Bearer ${receipt.editKey}` } });
    expect(res.status).toBe(200);
    const { editKey } = (await res.json()) as { editKey: string };
    expect(editKey).not.toBe(receipt.editKey);
    expect((await put(receipt.id, receipt.editKey, '*', workedExample)).status).toBe(403);
    expect((await put(receipt.id, editKey, '*', workedExample)).status).toBe(200);
  });

  it('an Idempotency-Key makes a retry answer the first case, edit key included', async () => {
    const key = crypto.randomUUID();
    const first = await create(workedExample, { 'idempotency-key': key });
    const second = await create(workedExample, { 'idempotency-key': key });
    expect(second.receipt.id).toBe(first.receipt.id);
    expect(second.receipt.editKey).toBe(first.receipt.editKey);
    expect(second.res.headers.get('idempotent-replayed')).toBe('true');
    const other = await postJson('/v1/cases', { ...workedExample, customers: 5 }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { type: string }).type).toBe('/problems/idempotency-key-reused');
  });

  it('an ETag of another case does not match, even at the same version', async () => {
    const [a, b] = [(await create()).receipt, (await create()).receipt];
    const tagOfB = (await call(`/v1/cases/${b.id}`)).headers.get('etag')!;
    const res = await put(a.id, a.editKey, tagOfB, workedExample);
    expect(res.status).toBe(412);
    expect((await put(a.id, a.editKey, (await call(`/v1/cases/${a.id}`)).headers.get('etag')!, workedExample)).status).toBe(200);
  });

  it('an Idempotency-Key is a secret: a short one is refused; after a rotation a retry answers the case without a key', async () => {
    const short = await postJson('/v1/cases', workedExample, { 'idempotency-key': 'abc' });
    expect(short.status).toBe(422);
    expect(((await short.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('Idempotency-Key');
    const key = crypto.randomUUID();
    const first = await create(workedExample, { 'idempotency-key': key });
    const rotated = await call(`/v1/cases/${first.receipt.id}/edit-key`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.receipt.editKey}` },
    });
    expect(rotated.status).toBe(200);
    const retry = await create(workedExample, { 'idempotency-key': key });
    expect(retry.receipt.id).toBe(first.receipt.id);
    expect(retry.receipt.editKey).toBeUndefined();
  });

  it('a case saved under another model version says so, and is computed under the current one', async () => {
    const id = 'OLDMODEL0123456789abcd';
    const at = '2025-01-01T00:00:00.000Z';
    await env.DB.batch([
      env.DB.prepare('INSERT INTO cases VALUES (?1, ?2, 1, ?3, ?3)').bind(id, '0'.repeat(64), at),
      env.DB.prepare('INSERT INTO case_versions VALUES (?1, 1, NULL, ?2, ?3, ?4)').bind(id, JSON.stringify(workedExample), '1', at),
    ]);
    const body = (await (await call(`/v1/cases/${id}`)).json()) as {
      modelVersion: string;
      case: { savedUnderModelVersion: string; notes: string[] };
    };
    expect(body.modelVersion).toBe('2');
    expect(body.case.savedUnderModelVersion).toBe('1');
    expect(body.case.notes).toEqual([
      'Saved under model version 1; these figures are computed now, under model version 2, and may differ from those seen when it was saved.',
    ]);
    const current = (await (await call(`/v1/cases/${(await create()).receipt.id}`)).json()) as { case: { notes: string[] } };
    expect(current.case.notes).toEqual([]);
  });
});
