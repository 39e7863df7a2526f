// Who may change a case, checked before its body is read: the edit key first (401, 404, 403), then the
// precondition (428, 412). The write itself checks both again, atomically (store/cases.ts).
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../bindings.ts';
import { CASE_TAG } from '../../http/cache.ts';
import { ApiProblem } from '../../present/problem.ts';
import { authorise } from '../../store/cases.ts';
import { CASE_ID } from '../../store/keys.ts';

export const caseNotFound = () =>
  new ApiProblem('not-found', 'There is no saved case at this address. Check the link; a deleted case is gone for good.');

/** The case id of the path; one that cannot be an id is answered as any unknown one, without asking the database. */
export function caseIdOf(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!CASE_ID.test(id)) throw caseNotFound();
  return id;
}

export const stale = (current: number) =>
  new ApiProblem(
    'precondition-failed',
    `The case is now at version ${current}, which If-Match does not name: someone saved an edit since you read it. Read the case again (GET gives the ETag of version ${current}) and re-apply your change.`,
  );

export const wrongKey = () => new ApiProblem('forbidden', 'This edit key does not open this case.');

const BEARER = /^Bearer +([^ ]+) *$/i;

function editKeyOf(c: Context): string {
  const header = c.req.header('Authorization');
  const key = header === undefined ? undefined : BEARER.exec(header.trim())?.[1];
  if (key === undefined) {
    const why = header === undefined ? 'Send the case’s edit key' : 'Send the edit key in the form';
    throw new ApiProblem('unauthorized', `${why}: Authorization: Bearer <editKey> (the editKey given when the case was created).`, [], {
      'WWW-Authenticate': 'Bearer realm="saved cases"',
    });
  }
  return key;
}

/**
 * The versions of this case an If-Match names: each ETag this API gave for a case names the case and its version
 * (of any of its representations, so any of them matches); `*` names whatever version is current. A weak ETag
 * (`W/"…"`) is taken as its strong form: a proxy that compresses an answer weakens its ETag, and the case and version
 * it names are still the ones read.
 */
function namedVersions(header: string, id: string): '*' | number[] {
  if (header.trim() === '*') return '*';
  return [...header.slice(0, 8192).matchAll(CASE_TAG)].filter((m) => m[1] === id).map((m) => Number(m[2]));
}

/**
 * An edit of a case: the edit key must open it, and `If-Match`, required or optional, must name its current version.
 * The access found is kept for the handler's conditional write: the version it must still be at (none for `*`).
 */
export function editAccess(ifMatch: 'required' | 'optional' | 'none'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = editKeyOf(c);
    const id = caseIdOf(c);
    const access = await authorise(c.env.DB, id, key);
    if (access.kind === 'not-found') throw caseNotFound();
    if (access.kind === 'forbidden') throw wrongKey();
    const header = ifMatch === 'none' ? undefined : c.req.header('If-Match');
    if (header === undefined && ifMatch === 'required') {
      throw new ApiProblem(
        'precondition-required',
        `Send If-Match with the ETag you read the case with (GET /v1/cases/${id} gives it), so that an edit saved since is not overwritten.`,
      );
    }
    const named = header === undefined ? '*' : namedVersions(header, id);
    if (named !== '*' && !named.includes(access.version)) throw stale(access.version);
    c.set('caseAccess', { expected: named === '*' ? null : access.version, editKeyHash: access.editKeyHash });
    await next();
  };
}
