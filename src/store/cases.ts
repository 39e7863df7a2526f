// Saved cases in D1: every statement parameterized, every change that must not be seen half-made written in one
// batch (one transaction). Each function answers an outcome; what it means for HTTP is the route's business.
import type { D1Database } from '@cloudflare/workers-types/index.ts';
import { keyHash, keyMatches, lookupHash, newCaseId, newEditKey, seal, unseal } from './keys.ts';

/** The versions kept per case: an older one is gone. */
export const KEPT_VERSIONS = 100;

/** How long a create's Idempotency-Key is remembered. */
export const IDEMPOTENCY_HOURS = 24;

/** What one version holds: the request as sent (scenario and settings, JSON text), its title, its model version. */
export interface Saved {
  title: string | null;
  scenario: string;
  modelVersion: string;
}

export interface StoredVersion extends Saved {
  id: string;
  version: number;
  currentVersion: number;
  createdAt: string;
  savedAt: string;
}

export interface VersionSummary {
  version: number;
  title: string | null;
  modelVersion: string;
  savedAt: string;
}

interface Head {
  id: string;
  version: number;
  editKeyHash: string;
  createdAt: string;
}

/** A case made, or made before with the same Idempotency-Key; a replay has no edit key once the key was rotated. */
export type Created = { kind: 'created' | 'replayed'; id: string; editKey?: string; version: 1; createdAt: string };

const isUniqueViolation = (e: unknown) => /UNIQUE constraint failed/i.test(String((e as Error)?.message ?? e));

async function headOf(db: D1Database, id: string): Promise<Head | null> {
  return db.prepare('SELECT id, version, edit_key_hash AS editKeyHash, created_at AS createdAt FROM cases WHERE id = ?1').bind(id).first<Head>();
}

interface Creation {
  caseId: string;
  requestHash: string;
  sealed: string;
  createdAt: string;
}

/** The case an earlier create with this Idempotency-Key made, if it is remembered and was the same request. */
async function earlierCreation(
  db: D1Database,
  lookup: string,
  requestHash: string,
  key: string,
  since: string,
): Promise<Created | { kind: 'conflict' } | null> {
  const row = await db
    .prepare(
      'SELECT case_id AS caseId, request_hash AS requestHash, sealed_edit_key AS sealed, created_at AS createdAt FROM case_creations ' +
        'WHERE idempotency_key_hash = ?1 AND created_at > ?2',
    )
    .bind(lookup, since)
    .first<Creation>();
  if (!row) return null;
  if (row.requestHash !== requestHash) return { kind: 'conflict' };
  const replayed = { kind: 'replayed', id: row.caseId, version: 1, createdAt: row.createdAt } as const;
  // Rotated since: the case is still the one made, but its first key no longer opens it.
  if (row.sealed === '') return replayed;
  const editKey = await unseal(row.sealed, key);
  if (editKey === undefined) return { kind: 'conflict' };
  return { ...replayed, editKey };
}

/**
 * A new case at version 1. With an Idempotency-Key, a create already made with it (within 24 hours) is answered
 * again instead, edit key included; the same key with another request is a conflict.
 */
export async function createCase(
  db: D1Database,
  saved: Saved,
  now: Date,
  idempotency?: { key: string; request: string },
): Promise<Created | { kind: 'conflict' }> {
  const id = newCaseId();
  const editKey = newEditKey();
  const at = now.toISOString();
  const statements = [
    db
      .prepare('INSERT INTO cases (id, edit_key_hash, version, created_at, updated_at) VALUES (?1, ?2, 1, ?3, ?3)')
      .bind(id, await keyHash(editKey), at),
    db
      .prepare('INSERT INTO case_versions (case_id, version, title, scenario, model_version, saved_at) VALUES (?1, 1, ?2, ?3, ?4, ?5)')
      .bind(id, saved.title, saved.scenario, saved.modelVersion, at),
  ];
  if (idempotency) {
    const since = new Date(now.getTime() - IDEMPOTENCY_HOURS * 3600_000).toISOString();
    const lookup = await lookupHash('idempotency-key', idempotency.key);
    const requestHash = await lookupHash('request', idempotency.request);
    const earlier = await earlierCreation(db, lookup, requestHash, idempotency.key, since);
    if (earlier) return earlier;
    statements.push(
      db.prepare('DELETE FROM case_creations WHERE created_at <= ?1').bind(since),
      db
        .prepare('INSERT INTO case_creations (idempotency_key_hash, case_id, request_hash, sealed_edit_key, created_at) VALUES (?1, ?2, ?3, ?4, ?5)')
        .bind(lookup, id, requestHash, await seal(editKey, idempotency.key), at),
    );
    try {
      await db.batch(statements);
    } catch (e) {
      // A concurrent create with the same key won: answer what it made.
      if (!isUniqueViolation(e)) throw e;
      const winner = await earlierCreation(db, lookup, requestHash, idempotency.key, since);
      if (winner) return winner;
      throw e;
    }
  } else {
    await db.batch(statements);
  }
  return { kind: 'created', id, editKey, version: 1, createdAt: at };
}

/** A version of a case (the current one unless `version` says), or why there is none. */
export async function readCase(
  db: D1Database,
  id: string,
  version?: number,
): Promise<{ kind: 'found'; stored: StoredVersion } | { kind: 'not-found' } | { kind: 'gone'; oldest: number }> {
  // One statement: the current version number and that version's row are read together, never across a write.
  const stored = await db
    .prepare(
      'SELECT c.id AS id, v.version AS version, c.version AS currentVersion, c.created_at AS createdAt, v.saved_at AS savedAt, ' +
        'v.title AS title, v.scenario AS scenario, v.model_version AS modelVersion ' +
        'FROM cases c JOIN case_versions v ON v.case_id = c.id AND v.version = COALESCE(?2, c.version) WHERE c.id = ?1',
    )
    .bind(id, version ?? null)
    .first<StoredVersion>();
  if (stored) return { kind: 'found', stored };
  if (version === undefined) return { kind: 'not-found' };
  const head = await headOf(db, id);
  if (!head || version > head.version) return { kind: 'not-found' };
  return { kind: 'gone', oldest: Math.max(1, head.version - KEPT_VERSIONS + 1) };
}

/** Every kept version of a case, oldest first. */
export async function listVersions(
  db: D1Database,
  id: string,
): Promise<{ kind: 'found'; id: string; currentVersion: number; createdAt: string; versions: VersionSummary[] } | { kind: 'not-found' }> {
  const { results } = await db
    .prepare(
      'SELECT c.version AS currentVersion, c.created_at AS createdAt, v.version AS version, v.title AS title, ' +
        'v.model_version AS modelVersion, v.saved_at AS savedAt ' +
        'FROM cases c JOIN case_versions v ON v.case_id = c.id WHERE c.id = ?1 ORDER BY v.version',
    )
    .bind(id)
    .all<VersionSummary & { currentVersion: number; createdAt: string }>();
  const first = results[0];
  if (!first) return { kind: 'not-found' };
  return {
    kind: 'found',
    id,
    currentVersion: first.currentVersion,
    createdAt: first.createdAt,
    versions: results.map(({ version, title, modelVersion, savedAt }) => ({ version, title, modelVersion, savedAt })),
  };
}

export type Access = { kind: 'allowed'; version: number; editKeyHash: string } | { kind: 'not-found' } | { kind: 'forbidden' };

/** Whether an edit key opens a case, and the case's current version if it does. */
export async function authorise(db: D1Database, id: string, editKey: string): Promise<Access> {
  const head = await headOf(db, id);
  if (!head) return { kind: 'not-found' };
  if (!(await keyMatches(editKey, head.editKeyHash))) return { kind: 'forbidden' };
  return { kind: 'allowed', version: head.version, editKeyHash: head.editKeyHash };
}

/** Why a conditional write changed nothing: the case is gone, its key changed, or its version moved on. */
async function whyUnchanged(
  db: D1Database,
  id: string,
  editKeyHash: string,
): Promise<{ kind: 'not-found' } | { kind: 'forbidden' } | { kind: 'stale'; version: number }> {
  const head = await headOf(db, id);
  if (!head) return { kind: 'not-found' };
  if (head.editKeyHash !== editKeyHash) return { kind: 'forbidden' };
  return { kind: 'stale', version: head.version };
}

/**
 * The next version of a case, written only if the case is still at `expected` (any version, when null: `If-Match: *`)
 * and still opened by the key that was checked: the new version row and the case's number move together, in one
 * transaction, and of two writers from the same version only one can write the next (the second fails on the
 * version's primary key, or finds the number moved on). Versions older than the last 100 are deleted in the same
 * transaction.
 */
export async function updateCase(
  db: D1Database,
  id: string,
  access: { expected: number | null; editKeyHash: string },
  saved: Saved,
  now: Date,
): Promise<
  { kind: 'updated'; version: number; savedAt: string } | { kind: 'not-found' } | { kind: 'forbidden' } | { kind: 'stale'; version: number }
> {
  const at = now.toISOString();
  const atExpected = 'id = ?1 AND (?2 IS NULL OR version = ?2) AND edit_key_hash = ?3';
  try {
    const [inserted] = await db.batch([
      db
        .prepare(
          'INSERT INTO case_versions (case_id, version, title, scenario, model_version, saved_at) ' +
            `SELECT id, version + 1, ?4, ?5, ?6, ?7 FROM cases WHERE ${atExpected} RETURNING version`,
        )
        .bind(id, access.expected, access.editKeyHash, saved.title, saved.scenario, saved.modelVersion, at),
      db.prepare(`UPDATE cases SET version = version + 1, updated_at = ?4 WHERE ${atExpected}`).bind(id, access.expected, access.editKeyHash, at),
      // The last 100 of the case's version as it now is: whether or not this write was made, nothing kept is lost.
      db
        .prepare('DELETE FROM case_versions WHERE case_id = ?1 AND version <= (SELECT version FROM cases WHERE id = ?1) - ?2')
        .bind(id, KEPT_VERSIONS),
    ]);
    const written = (inserted!.results as { version: number }[])[0];
    if (written) return { kind: 'updated', version: written.version, savedAt: at };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  return whyUnchanged(db, id, access.editKeyHash);
}

/** The case and all its versions gone, if it is still opened by the key checked (and at `expected`, if given). */
export async function deleteCase(
  db: D1Database,
  id: string,
  access: { editKeyHash: string },
  expected?: number,
): Promise<{ kind: 'deleted' } | { kind: 'not-found' } | { kind: 'forbidden' } | { kind: 'stale'; version: number }> {
  const gone = 'NOT EXISTS (SELECT 1 FROM cases WHERE id = ?1)';
  const [deleted] = await db.batch([
    db
      .prepare('DELETE FROM cases WHERE id = ?1 AND edit_key_hash = ?2 AND version = COALESCE(?3, version)')
      .bind(id, access.editKeyHash, expected ?? null),
    db.prepare(`DELETE FROM case_versions WHERE case_id = ?1 AND ${gone}`).bind(id),
    db.prepare(`DELETE FROM case_creations WHERE case_id = ?1 AND ${gone}`).bind(id),
  ]);
  // D1 counts the rows a cascade deletes as changes too.
  if (deleted!.meta.changes > 0) return { kind: 'deleted' };
  return whyUnchanged(db, id, access.editKeyHash);
}

/**
 * A new edit key for a case; the old one stops working in the same transaction. A retried create still answers the
 * case, but no longer with its first key.
 */
export async function rotateKey(
  db: D1Database,
  id: string,
  access: { editKeyHash: string },
): Promise<{ kind: 'rotated'; editKey: string } | { kind: 'not-found' } | { kind: 'forbidden' } | { kind: 'stale'; version: number }> {
  const editKey = newEditKey();
  const hash = await keyHash(editKey);
  const [updated] = await db.batch([
    db.prepare('UPDATE cases SET edit_key_hash = ?3 WHERE id = ?1 AND edit_key_hash = ?2').bind(id, access.editKeyHash, hash),
    db
      .prepare(
        "UPDATE case_creations SET sealed_edit_key = '' WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND edit_key_hash = ?2)",
      )
      .bind(id, hash),
  ]);
  if (updated!.meta.changes === 1) return { kind: 'rotated', editKey };
  return whyUnchanged(db, id, access.editKeyHash);
}
