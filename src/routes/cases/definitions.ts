// The operations on saved cases, as the OpenAPI document describes them.
import { z } from '@hono/zod-openapi';
import { jsonBodyOf } from '../../http/json-body.ts';
import { noStore, revalidated } from '../../http/cache.ts';
import { writeRateLimit } from '../../http/limits.ts';
import { defineRoute } from '../../http/routes.ts';
import { caseSchemas } from '../../schemas/cases.ts';
import { outputParams } from '../../schemas/query.ts';
import { CASE_LIMITS, scenarioSchemas } from '../../schemas/scenario.ts';
import { querySchemas } from '../../spreadsheet/queries.ts';
import { answerContent, problemResponses } from '../responses.ts';
import { editAccess } from './access.ts';

const TAG = ['Saved cases'];
const BEARER = 'editKey';
const security = [{ [BEARER]: [] }];

const caseBody = () => ({
  required: true,
  description: 'The scenario, with its settings and an optional title',
  content: {
    'application/json': {
      schema: scenarioSchemas().CaseRequest,
      examples: Object.fromEntries(
        Object.entries(scenarioSchemas().scenarioExamples).map(([name, { summary, value }]) => [
          name,
          { summary, value: { title: `Acme: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`.slice(0, CASE_LIMITS.titleLength), ...value } },
        ]),
      ),
    },
  },
});

const outputQuery = () =>
  z.strictObject({
    ...outputParams('investments.fix-billing.npv'),
    table: querySchemas().BusinessCaseQuery.shape.table,
  });

const params = () => z.strictObject({ id: caseSchemas().CaseId });
const versionParams = () => z.strictObject({ id: caseSchemas().CaseId, version: caseSchemas().VersionNumber });

const etag = {
  ETag: {
    description:
      'Strong, per representation: `"<case id>-v<version>-model-<model version>-<digest>"`. Send it back as If-None-Match (304 when unchanged) or as If-Match to edit.',
    schema: { type: 'string' as const, example: '"q3ZxW0dN4c1m2YpLr7Tb8A-v1-model-2-5f2b…"' },
  },
  'Cache-Control': {
    description: '`private, no-cache`: a saved case may change at any moment',
    schema: { type: 'string' as const, example: 'private, no-cache' },
  },
};

/** The If-Match of an edit, documented: an ETag of the case's current version. */
const ifMatchHeader = (description: string) =>
  z.object({ 'If-Match': z.string().optional().meta({ description, example: '"q3ZxW0dN4c1m2YpLr7Tb8A-v1-model-2-5f2b…"' }) });

const notModified = { 304: { description: 'Not modified: If-None-Match names this answer’s ETag', headers: etag } };

const READ_NOTE =
  'Every format, `field` and `table` of /v1/business-case works here, with the same paths (`field=investments.fix-billing.npv`, `format=csv&table=investments`); `case.version`, `case.title` and the rest of `case` can be read the same way.';

const EDIT_NOTE = 'Needs the edit key (`Authorization: Bearer <editKey>`): 401 without one, 403 with a wrong one.';

export const createCaseRoute = defineRoute(
  { method: 'post', path: '/v1/cases', middleware: [noStore, writeRateLimit, jsonBodyOf(CASE_LIMITS.bodyBytes)] },
  () => ({
    operationId: 'createCase',
    tags: TAG,
    summary: 'Save a business case',
    description:
      `Saves a scenario (with its settings and a title) as a case at version 1, and answers its id, where it is (\`Location\`) and its edit key, shown this once. The case id is the link to share: whoever has it can read the case; only the edit key changes it. The body may be at most ${CASE_LIMITS.bodyBytes / 1024} KiB. ` +
      'With an `Idempotency-Key` header (16 to 255 characters, random, such as a UUID: it is a secret, since a retry that carries it receives the edit key), a retry of the same request within 24 hours answers the first case again, edit key included, with `Idempotent-Replayed: true`, instead of making a second (without the edit key once it has been rotated); the same key with another body is refused.',
    request: {
      headers: z.object({
        'Idempotency-Key': z
          .string()
          .min(1)
          .max(255)
          .optional()
          .meta({ description: 'Makes a retried create answer the first case', example: '5b0c7f0e-3c1d-4b7a-9f52-2d8f1e6a9c41' }),
      }),
      body: caseBody(),
    },
    responses: {
      201: {
        description: 'The case is saved',
        headers: {
          Location: {
            description: 'The case',
            schema: { type: 'string' as const, example: 'http://localhost:8787/v1/cases/q3ZxW0dN4c1m2YpLr7Tb8A' },
          },
          'Idempotent-Replayed': {
            description: '`true` when this answers an earlier create with the same Idempotency-Key',
            schema: { type: 'string' as const },
          },
        },
        content: { 'application/json': { schema: caseSchemas().CaseReceipt } },
      },
      ...problemResponses('malformed-json', 'missing-body', 'payload-too-large', 'unsupported-media-type', 'invalid-input', 'idempotency-key-reused'),
    },
  }),
);

export const getCaseRoute = defineRoute({ method: 'get', path: '/v1/cases/{id}', middleware: revalidated }, () => ({
  operationId: 'getCase',
  tags: [...TAG, 'Spreadsheet'],
  summary: 'Read a saved case and its business case',
  description: `The case as saved, and its business case computed now under the current model; when that differs from the model it was saved under, \`case.notes\` says so. ${READ_NOTE} Answers are \`private, no-cache\`: an edit shows at once.`,
  request: { params: params(), query: outputQuery() },
  responses: {
    200: { description: 'The saved case', headers: etag, content: answerContent(caseSchemas().SavedCase) },
    ...notModified,
    ...problemResponses('not-found', 'invalid-input', 'uncomputable'),
  },
}));

export const updateCaseRoute = defineRoute(
  { method: 'put', path: '/v1/cases/{id}', middleware: [noStore, writeRateLimit, editAccess('required'), jsonBodyOf(CASE_LIMITS.bodyBytes)] },
  () => ({
    operationId: 'updateCase',
    tags: TAG,
    summary: 'Edit a saved case',
    description:
      `Replaces the scenario and title with the body, as the next version. ${EDIT_NOTE} Needs \`If-Match\` with an ETag this API gave for the current version (any of its representations): 428 without it, 412 when the case has moved on since (someone else saved an edit; read it again and re-apply yours). Of two edits from the same version, exactly one is saved. ` +
      'The last 100 versions are kept.',
    security,
    request: {
      params: params(),
      headers: ifMatchHeader('An ETag of the current version'),
      body: caseBody(),
    },
    responses: {
      200: { description: 'The new version is saved', content: { 'application/json': { schema: caseSchemas().CaseReceipt } } },
      ...problemResponses(
        'unauthorized',
        'forbidden',
        'not-found',
        'precondition-required',
        'precondition-failed',
        'malformed-json',
        'missing-body',
        'payload-too-large',
        'unsupported-media-type',
        'invalid-input',
      ),
    },
  }),
);

export const deleteCaseRoute = defineRoute(
  { method: 'delete', path: '/v1/cases/{id}', middleware: [noStore, writeRateLimit, editAccess('optional')] },
  () => ({
    operationId: 'deleteCase',
    tags: TAG,
    summary: 'Delete a saved case',
    description: `Deletes the case and every version of it; its link then answers 404, as if it had never been. ${EDIT_NOTE} An If-Match, if given, must name the current version (412 otherwise).`,
    security,
    request: {
      params: params(),
      headers: ifMatchHeader('If given, an ETag of the current version'),
    },
    responses: {
      204: { description: 'The case is deleted' },
      ...problemResponses('unauthorized', 'forbidden', 'not-found', 'precondition-failed'),
    },
  }),
);

export const rotateKeyRoute = defineRoute(
  { method: 'post', path: '/v1/cases/{id}/edit-key', middleware: [noStore, writeRateLimit, editAccess('none')] },
  () => ({
    operationId: 'rotateCaseEditKey',
    tags: TAG,
    summary: 'Give a saved case a new edit key',
    description: `Answers a new edit key; the old one stops working at once. ${EDIT_NOTE} The case and its version do not change.`,
    security,
    request: { params: params() },
    responses: {
      200: { description: 'The new edit key, shown this once', content: { 'application/json': { schema: caseSchemas().EditKey } } },
      ...problemResponses('unauthorized', 'forbidden', 'not-found'),
    },
  }),
);

export const listVersionsRoute = defineRoute({ method: 'get', path: '/v1/cases/{id}/versions', middleware: revalidated }, () => ({
  operationId: 'listCaseVersions',
  tags: TAG,
  summary: 'List a saved case’s versions',
  description:
    'The kept versions (the last 100), oldest first, each with its title, model version, when it was saved and its link. As CSV or TSV, one row per version.',
  request: { params: params(), query: z.strictObject({ ...outputParams('currentVersion') }) },
  responses: {
    200: { description: 'The versions', headers: etag, content: answerContent(caseSchemas().CaseVersions) },
    ...notModified,
    ...problemResponses('not-found', 'invalid-input'),
  },
}));

export const getVersionRoute = defineRoute({ method: 'get', path: '/v1/cases/{id}/versions/{version}', middleware: revalidated }, () => ({
  operationId: 'getCaseVersion',
  tags: [...TAG, 'Spreadsheet'],
  summary: 'Read one version of a saved case',
  description: `A version as it was saved, and its business case computed now. ${READ_NOTE} A version older than the last 100 answers 410.`,
  request: { params: versionParams(), query: outputQuery() },
  responses: {
    200: { description: 'The version', headers: etag, content: answerContent(caseSchemas().SavedCase) },
    ...notModified,
    ...problemResponses('not-found', 'gone', 'invalid-input', 'uncomputable'),
  },
}));
