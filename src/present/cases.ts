// Saved cases as answers: the business case with what was saved, the history, the receipt of a save.
import type { View } from './answer.ts';

/** Where a case and its versions are read (paths on this server). */
export function caseLinks(id: string, version: number) {
  const caseUrl = `/v1/cases/${id}`;
  return { self: `${caseUrl}/versions/${version}`, case: caseUrl, versions: `${caseUrl}/versions`, csv: `${caseUrl}?format=csv` };
}

export interface CaseVersionInfo {
  id: string;
  title: string | null;
  version: number;
  currentVersion: number;
  savedUnderModelVersion: string;
  createdAt: string;
  savedAt: string;
  scenario: object;
}

/** A saved case's answer: its business case (every field at the path /v1/business-case gives it) and `case`. */
export function savedCaseView(businessCase: View, info: CaseVersionInfo, modelVersion: string): View {
  const notes =
    info.savedUnderModelVersion === modelVersion
      ? []
      : [
          `Saved under model version ${info.savedUnderModelVersion}; these figures are computed now, under model version ${modelVersion}, and may differ from those seen when it was saved.`,
        ];
  const { scenario, ...rest } = info;
  const json = { case: { ...rest, notes, links: caseLinks(info.id, info.version), scenario }, ...businessCase.json };
  return { json, tables: businessCase.tables };
}

const VERSION_COLUMNS = ['version', 'title', 'savedUnderModelVersion', 'savedAt', 'link'];

/** A case's kept versions, oldest first, as JSON and as a `versions` table. */
export function versionsView(
  id: string,
  currentVersion: number,
  createdAt: string,
  versions: readonly { version: number; title: string | null; modelVersion: string; savedAt: string }[],
): View {
  const rows = versions.map((v) => ({
    version: v.version,
    title: v.title,
    savedUnderModelVersion: v.modelVersion,
    savedAt: v.savedAt,
    link: caseLinks(id, v.version).self,
  }));
  return { json: { id, currentVersion, createdAt, versions: rows }, tables: () => ({ versions: { rows, columns: VERSION_COLUMNS } }) };
}
