// Saved cases in the contract: what a case answers with, besides the business case it holds.
import { z } from '@hono/zod-openapi';
import { once } from './once.ts';
import { resultSchemas } from './results.ts';

const ID_PATTERN = '^[A-Za-z0-9_-]{22}$';

export const caseSchemas = once(() => {
  const id = z.string().meta({
    description: 'The case id: 128 random bits. Whoever has it can read the case; ids cannot be listed.',
    example: 'q3ZxW0dN4c1m2YpLr7Tb8A',
  });
  const title = z.string().nullable().meta({ description: 'The title it was saved with, or null', example: 'Acme: billing and delivery' });
  const version = z.int().min(1).meta({ description: 'Version number: 1 when created, one more with each edit', example: 1 });
  const modelVersion = z.string().meta({ description: 'The model version the case was saved under', example: '2' });
  const at = (description: string) => z.string().meta({ description: `${description} (ISO 8601, UTC)`, example: '2026-11-26T14:05:00.000Z' });
  const editKey = z.string().meta({
    description:
      'The key that edits, deletes and re-keys this case, as `Authorization: Bearer <editKey>`: 256 random bits, shown only here, stored only as a hash',
    example: 'm1Q2w3E4r5T6y7U8i9O0pAsDfGhJkLzXcVbNm1234567',
  });

  const CaseLinks = z
    .object({
      self: z.string().meta({
        description: 'This version, readable for good (until it is among the 100 kept no more)',
        example: '/v1/cases/q3ZxW0dN4c1m2YpLr7Tb8A/versions/1',
      }),
      case: z.string().meta({ description: 'The case as it is now: the link to share', example: '/v1/cases/q3ZxW0dN4c1m2YpLr7Tb8A' }),
      versions: z.string().meta({ example: '/v1/cases/q3ZxW0dN4c1m2YpLr7Tb8A/versions' }),
      csv: z
        .string()
        .meta({ description: 'The problems of the case as CSV, for a spreadsheet', example: '/v1/cases/q3ZxW0dN4c1m2YpLr7Tb8A?format=csv' }),
    })
    .meta({ id: 'CaseLinks', description: 'Where to read the case (paths on this server)' });

  const CaseInfo = z
    .object({
      id,
      title,
      version,
      currentVersion: z
        .int()
        .min(1)
        .meta({ description: 'The case’s current version (the same as version unless an older one is read)', example: 1 }),
      savedUnderModelVersion: modelVersion,
      createdAt: at('When the case was created'),
      savedAt: at('When this version was saved'),
      notes: z.array(z.string()).meta({ description: 'What the reader should know: that the model changed since the case was saved, say' }),
      links: CaseLinks,
      scenario: z.record(z.string(), z.unknown()).meta({ description: 'The scenario as saved, settings included (a Scenario)' }),
    })
    .meta({ id: 'CaseInfo', description: 'A saved case’s version: its title, when it was saved, under which model, and the scenario as saved.' });

  const SavedCase = resultSchemas().BusinessCase.extend({ case: CaseInfo }).meta({
    id: 'SavedCase',
    description:
      'A saved case: its business case computed now, under the current model (`modelVersion`), with every field at the same path as in the answer of /v1/business-case, and `case`: what was saved, when and under which model.',
  });

  const CaseReceipt = z
    .object({
      id,
      version,
      title,
      modelVersion,
      savedAt: at('When this version was saved'),
      editKey: editKey.optional(),
      links: CaseLinks,
    })
    .meta({
      id: 'CaseReceipt',
      description: 'A version saved: the case id, its version and where to read it; on create, the edit key, shown this once.',
    });

  const CaseVersions = z
    .object({
      id,
      currentVersion: z.int().min(1).meta({ example: 3 }),
      createdAt: at('When the case was created'),
      versions: z
        .array(
          z
            .object({
              version,
              title,
              savedUnderModelVersion: modelVersion,
              savedAt: at('When it was saved'),
              link: z.string().meta({ example: '/v1/cases/q3ZxW0dN4c1m2YpLr7Tb8A/versions/1' }),
            })
            .meta({ id: 'CaseVersion' }),
        )
        .meta({ description: 'The kept versions (the last 100), oldest first' }),
    })
    .meta({ id: 'CaseVersions', description: 'The history of a case.' });

  const EditKey = z.object({ id, editKey }).meta({ id: 'EditKey', description: 'A case’s new edit key; the old one no longer works.' });

  const CaseId = z
    .string()
    .meta({ param: { name: 'id', in: 'path' }, description: 'The case id', pattern: ID_PATTERN, example: 'q3ZxW0dN4c1m2YpLr7Tb8A' });
  const VersionNumber = z
    .string()
    .meta({ param: { name: 'version', in: 'path' }, description: 'A version number (1, 2, …)', pattern: '^[1-9][0-9]{0,8}$', example: '1' });

  return { CaseLinks, CaseInfo, SavedCase, CaseReceipt, CaseVersions, EditKey, CaseId, VersionNumber };
});
