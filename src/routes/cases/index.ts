// Saved cases: HTTP to the store and the model, and back.
import type { Context } from 'hono';
import type { AppEnv } from '../../bindings.ts';
import { businessCase } from '../../model/business-case.ts';
import { MODEL_VERSION } from '../../model/defaults.ts';
import { answer, type OutputOptions } from '../../present/answer.ts';
import { caseLinks, savedCaseView, versionsView } from '../../present/cases.ts';
import { ApiProblem, invalidInput } from '../../present/problem.ts';
import { businessCaseView } from '../../present/views.ts';
import { shortPath } from '../../present/field-errors.ts';
import { scenarioSchemas } from '../../schemas/scenario.ts';
import { valid } from '../../http/validate.ts';
import type { Mount } from '../../http/routes.ts';
import type { UncertainScenario } from '../../model/types.ts';
import { createCase, deleteCase, KEPT_VERSIONS, listVersions, readCase, rotateKey, type Saved, updateCase } from '../../store/cases.ts';
import { caseIdOf, caseNotFound, stale, wrongKey } from './access.ts';
import {
  createCaseRoute,
  deleteCaseRoute,
  getCaseRoute,
  getVersionRoute,
  listVersionsRoute,
  rotateKeyRoute,
  updateCaseRoute,
} from './definitions.ts';

/** What a body saves: the request as sent, less its title, and the title apart. */
function savedOf(sent: unknown): Saved {
  const { title, ...scenario } = sent as { title?: string };
  return { title: title ?? null, scenario: JSON.stringify(scenario), modelVersion: MODEL_VERSION };
}

/**
 * An Idempotency-Key: 16 to 255 visible ASCII characters. It is a secret: a retry that carries it (with the same body)
 * receives the edit key, so it must be random, such as a UUID; a short one could be guessed.
 */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{16,255}$/;

function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw invalidInput([
      {
        path: 'Idempotency-Key',
        message: `must be 16 to 255 visible ASCII characters, random, such as a UUID: it is a secret, as a retry that carries it receives the edit key (got ${key.length} characters)`,
      },
    ]);
  }
  return key;
}

function receipt(id: string, version: number, title: string | null, savedAt: string, editKey?: string) {
  return { id, version, title, modelVersion: MODEL_VERSION, savedAt, ...(editKey ? { editKey } : {}), links: caseLinks(id, version) };
}

/**
 * A saved scenario as the current model reads it. Saved under an earlier model, it may break a rule of this one: the
 * answer then says which, under `case.scenario`.
 */
export function storedScenario(scenario: object): UncertainScenario {
  try {
    return valid(scenarioSchemas().Scenario, scenario) as UncertainScenario;
  } catch (e) {
    if (!(e instanceof ApiProblem)) throw e;
    throw invalidInput(e.errors.map((err) => ({ path: shortPath(`case.scenario.${err.path}`), message: err.message })));
  }
}

/** A version read from the store, answered in the format asked: the scenario as saved, its figures computed now. */
function caseAnswer(c: Context<AppEnv>, read: Awaited<ReturnType<typeof readCase>>, options: OutputOptions): Response {
  if (read.kind === 'not-found') throw caseNotFound();
  if (read.kind === 'gone') {
    throw new ApiProblem(
      'gone',
      `This version is no longer kept: a case keeps its last ${KEPT_VERSIONS} versions, here from version ${read.oldest} on.`,
    );
  }
  const { stored } = read;
  const scenario = JSON.parse(stored.scenario) as object;
  const valued = storedScenario(scenario);
  const view = savedCaseView(
    businessCaseView(businessCase(valued)),
    {
      id: stored.id,
      title: stored.title,
      version: stored.version,
      currentVersion: stored.currentVersion,
      savedUnderModelVersion: stored.modelVersion,
      createdAt: stored.createdAt,
      savedAt: stored.savedAt,
      scenario,
    },
    MODEL_VERSION,
  );
  c.set('etag', { id: stored.id, version: stored.version });
  return answer(view, options);
}

const VERSION = /^[1-9][0-9]{0,8}$/;

export function registerCases(app: Mount) {
  app.openapi(createCaseRoute, async (c) => {
    const sent = c.get('json');
    c.req.valid('json');
    const saved = savedOf(sent);
    const key = idempotencyKeyOf(c);
    const made = await createCase(c.env.DB, saved, new Date(), key === undefined ? undefined : { key, request: JSON.stringify(sent) });
    if (made.kind === 'conflict') {
      throw new ApiProblem(
        'idempotency-key-reused',
        'This Idempotency-Key was used for a create with another body within the last 24 hours: use a new key for a new case.',
      );
    }
    const body = receipt(made.id, 1, saved.title, made.createdAt, made.editKey);
    const headers: Record<string, string> = { Location: new URL(body.links.case, c.req.url).href };
    if (made.kind === 'replayed') headers['Idempotent-Replayed'] = 'true';
    return c.json(body, 201, headers);
  });

  app.openapi(getCaseRoute, async (c) => {
    const id = caseIdOf(c);
    return caseAnswer(c, await readCase(c.env.DB, id), c.req.valid('query'));
  });

  app.openapi(getVersionRoute, async (c) => {
    const id = caseIdOf(c);
    const version = c.req.param('version') ?? '';
    if (!VERSION.test(version)) throw caseNotFound();
    return caseAnswer(c, await readCase(c.env.DB, id, Number(version)), c.req.valid('query'));
  });

  app.openapi(listVersionsRoute, async (c) => {
    const id = caseIdOf(c);
    const list = await listVersions(c.env.DB, id);
    if (list.kind === 'not-found') throw caseNotFound();
    c.set('etag', { id, version: list.currentVersion });
    return answer(versionsView(id, list.currentVersion, list.createdAt, list.versions), c.req.valid('query'));
  });

  app.openapi(updateCaseRoute, async (c) => {
    const id = caseIdOf(c);
    const sent = c.get('json');
    c.req.valid('json');
    const saved = savedOf(sent);
    const outcome = await updateCase(c.env.DB, id, c.get('caseAccess'), saved, new Date());
    if (outcome.kind === 'not-found') throw caseNotFound();
    if (outcome.kind === 'forbidden') throw wrongKey();
    if (outcome.kind === 'stale') throw stale(outcome.version);
    return c.json(receipt(id, outcome.version, saved.title, outcome.savedAt), 200);
  });

  app.openapi(deleteCaseRoute, async (c) => {
    const id = caseIdOf(c);
    const access = c.get('caseAccess');
    const outcome = await deleteCase(c.env.DB, id, access, access.expected ?? undefined);
    if (outcome.kind === 'not-found') throw caseNotFound();
    if (outcome.kind === 'forbidden') throw wrongKey();
    if (outcome.kind === 'stale') throw stale(outcome.version);
    return c.body(null, 204);
  });

  app.openapi(rotateKeyRoute, async (c) => {
    const id = caseIdOf(c);
    const outcome = await rotateKey(c.env.DB, id, c.get('caseAccess'));
    if (outcome.kind === 'not-found') throw caseNotFound();
    if (outcome.kind !== 'rotated') throw wrongKey();
    return c.json({ id, editKey: outcome.editKey }, 200);
  });
}
