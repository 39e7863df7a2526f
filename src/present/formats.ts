// Answers for spreadsheets: RFC 4180 CSV, TSV, and one bare value as text.

export const FORMATS = ['json', 'csv', 'tsv', 'txt'] as const;
export type Format = (typeof FORMATS)[number];

export const MEDIA_TYPES: Record<Format, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8; header=present',
  tsv: 'text/tab-separated-values; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

type Row = Record<string, unknown>;

/** One value as a cell: numbers at full precision with a dot decimal, null as an empty cell, lists space-separated. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cell).join(' ');
  return String(value);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function tsvField(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

/** A table with a header row, CRLF line ends; columns are the keys of the first row, in order. */
export function delimited(rows: readonly Row[], columns: readonly string[], format: 'csv' | 'tsv'): string {
  const field = format === 'csv' ? csvField : tsvField;
  const sep = format === 'csv' ? ',' : '\t';
  const lines = [columns.map(field).join(sep), ...rows.map((row) => columns.map((c) => field(cell(row[c]))).join(sep))];
  return lines.join('\r\n') + '\r\n';
}

/** One error as a single cell, for `onError=cell`. */
export function errorCell(reason: string, format: Format): string {
  const text = `#ERROR ${reason}`;
  if (format === 'csv') return `${csvField(text)}\r\n`;
  if (format === 'tsv') return `${tsvField(text)}\r\n`;
  return text;
}

/**
 * The value at a path such as `totalAnnualDamage`, `totals.serviceCost` or `investments.fix-billing.npv`: a
 * segment picks an object's field, or the item of a list with that id, or the item at that 0-based index.
 */
export function valueAt(root: unknown, path: string): { found: true; value: unknown } | { found: false } {
  let current: unknown = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) {
      const byId = current.find((item) => (item as Row)?.id === segment);
      current = byId ?? (/^\d+$/.test(segment) ? current[Number(segment)] : undefined);
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Row)[segment];
    } else {
      return { found: false };
    }
    if (current === undefined) return { found: false };
  }
  return { found: true, value: current };
}
