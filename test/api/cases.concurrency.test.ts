// No lost update: concurrent edits of one case from the same version, with reads in between, and concurrent creates
// with one Idempotency-Key. Exactly one edit wins, the others are told 412, the table holds exactly the versions
// written, and no read sees a version number with another version's scenario.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { workedExample } from '../../src/schemas/examples.ts';
import { call, expectProblem, postJson } from './helpers.ts';

const WRITERS = 50;

type Receipt = { id: string; version: number; editKey: string };
type Read = { status: number; version?: number; currentVersion?: number; title?: string | null; scenario?: unknown };

async function create(): Promise<Receipt> {
  const res = await postJson('/v1/cases', { title: 'writer none', ...workedExample });
  expect(res.status).toBe(201);
  return (await res.json()) as Receipt;
}

/** The scenario writer `i` of round `round` saves: its own customer count, so that a read tells whose it is. */
const scenarioOf = (round: number, i: number) => ({ ...workedExample, customers: 100_000 + round * 1000 + i });

const put = (id: string, key: string, ifMatch: string, round: number, i: number) =>
  call(`/v1/cases/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'if-match': ifMatch },
    body: JSON.stringify({ title: `writer ${round}.${i}`, ...scenarioOf(round, i) }),
  });

async function read(id: string): Promise<Read> {
  const res = await call(`/v1/cases/${id}`);
  if (res.status !== 200) return { status: res.status };
  const body = (await res.json()) as { case: Read };
  const { version, currentVersion, title, scenario } = body.case;
  return { status: res.status, version, currentVersion, title, scenario };
}

const counts = async (id: string) => {
  const head = await env.DB.prepare('SELECT version FROM cases WHERE id = ?1').bind(id).first<{ version: number }>();
  const versions = await env.DB.prepare('SELECT version FROM case_versions WHERE case_id = ?1 ORDER BY version').bind(id).all<{ version: number }>();
  return { version: head?.version, versions: versions.results.map((r) => r.version) };
};

const rowCounts = async () =>
  (await env.DB.prepare(
    'SELECT (SELECT COUNT(*) FROM cases) AS cases, (SELECT COUNT(*) FROM case_versions) AS versions, (SELECT COUNT(*) FROM case_creations) AS creations',
  ).first<{ cases: number; versions: number; creations: number }>())!;

const READERS = 5;

/**
 * One round: WRITERS edits from the version the case is at, all with the same If-Match, each sent with a read beside
 * it, and READERS more reading over and over until every edit is answered. Answers which writer won, and the reads.
 */
async function round(c: Receipt, n: number, ifMatch: string) {
  let writing = true;
  const readers = Array.from({ length: READERS }, async () => {
    const seen: Read[] = [];
    // Bounded, so that a write that never ends fails the test instead of hanging it.
    while (writing && seen.length < 500) seen.push(await read(c.id));
    return seen;
  });
  const settled = await Promise.all(
    Array.from({ length: WRITERS }, async (_, i) => {
      const [written, seen] = await Promise.all([put(c.id, c.editKey, ifMatch, n, i), read(c.id)]);
      return { i, written, seen };
    }),
  );
  writing = false;
  const reads = [...settled.map((s) => s.seen), ...(await Promise.all(readers)).flat()];
  const winners = settled.filter((s) => s.written.status === 200);
  const losers = settled.filter((s) => s.written.status !== 200);
  expect(winners.map((w) => w.i)).toHaveLength(1);
  expect(losers).toHaveLength(WRITERS - 1);
  for (const l of losers) {
    const problem = await expectProblem(l.written, 412, ['PUT', '/v1/cases/{id}']);
    expect(problem.type).toBe('/problems/precondition-failed');
  }
  const winner = winners[0]!;
  expect(((await winner.written.json()) as Receipt).version).toBe(n + 1);
  return { winner: winner.i, reads };
}

/** Every read saw a whole version: the one before the round with its scenario, or the winner's with the winner's. */
function expectWholeVersions(reads: Read[], before: { version: number; title: string; scenario: unknown }, after: typeof before) {
  for (const r of reads) {
    expect(r.status).toBe(200);
    expect([before.version, after.version]).toContain(r.version);
    expect(r.currentVersion).toBe(r.version);
    const expected = r.version === before.version ? before : after;
    expect({ title: r.title, scenario: r.scenario }).toStrictEqual({ title: expected.title, scenario: expected.scenario });
  }
}

describe('saved cases: concurrent edits', () => {
  it(`${WRITERS} PUTs with the same If-Match: one 200, ${WRITERS - 1} × 412, version 2 stored once; reads in between see whole versions`, async () => {
    const c = await create();
    const tag = (await call(`/v1/cases/${c.id}`)).headers.get('etag')!;
    expect(tag).toMatch(new RegExp(`^"${c.id}-v1-`));
    const { winner, reads } = await round(c, 1, tag);
    expect(await counts(c.id)).toEqual({ version: 2, versions: [1, 2] });
    expectWholeVersions(
      reads,
      { version: 1, title: 'writer none', scenario: workedExample },
      { version: 2, title: `writer 1.${winner}`, scenario: scenarioOf(1, winner) },
    );
    const seen = (v: number) => reads.filter((r) => r.version === v).length;
    console.log(`concurrent edits: of ${reads.length} reads, ${seen(1)} saw version 1 and ${seen(2)} version 2`);
    const after = await read(c.id);
    expect(after).toMatchObject({ version: 2, title: `writer 1.${winner}`, scenario: scenarioOf(1, winner) });
  });

  it('holds over several rounds, each from the version the last one wrote, with an ETag of the CSV', async () => {
    const c = await create();
    let before = { version: 1, title: 'writer none', scenario: workedExample as unknown };
    for (let n = 1; n <= 3; n++) {
      const ifMatch = (await call(`/v1/cases/${c.id}?format=csv`)).headers.get('etag')!;
      const { winner, reads } = await round(c, n, ifMatch);
      const after = { version: n + 1, title: `writer ${n}.${winner}`, scenario: scenarioOf(n, winner) as unknown };
      expectWholeVersions(reads, before, after);
      before = after;
    }
    expect(await counts(c.id)).toEqual({ version: 4, versions: [1, 2, 3, 4] });
  });
});

describe('saved cases: concurrent overwrites', () => {
  it('`If-Match: *` (whatever is there now): every one of 50 concurrent edits is saved, each as a version of its own', async () => {
    const c = await create();
    const answers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => put(c.id, c.editKey, '*', 1, i)));
    expect(answers.map((a) => a.status)).toEqual(Array(WRITERS).fill(200));
    const versions = await Promise.all(answers.map(async (a) => ((await a.json()) as Receipt).version));
    expect(versions.sort((a, b) => a - b)).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 2));
    expect(await counts(c.id)).toEqual({ version: WRITERS + 1, versions: Array.from({ length: WRITERS + 1 }, (_, i) => i + 1) });
  });
});

describe('saved cases: concurrent creates', () => {
  it('creates with the same Idempotency-Key, all at once, make one case and answer it to each', async () => {
    const before = await rowCounts();
    const key = crypto.randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postJson('/v1/cases', { title: 'once', ...workedExample }, { 'idempotency-key': key })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const receipts = (await Promise.all(answers.map((a) => a.json()))) as Receipt[];
    expect(new Set(receipts.map((r) => r.id)).size).toBe(1);
    expect(new Set(receipts.map((r) => r.editKey)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect(await rowCounts()).toEqual({ cases: before.cases + 1, versions: before.versions + 1, creations: before.creations + 1 });
    // The one case is whole, and its key edits it.
    const id = receipts[0]!.id;
    expect(await counts(id)).toEqual({ version: 1, versions: [1] });
    const edited = await put(id, receipts[0]!.editKey, '*', 0, 0);
    expect(edited.status).toBe(200);
  });
});
