// Answers for spreadsheets: RFC 4180 CSV, TSV quoted the same way, and one bare value as text.

import type { Format } from '../schemas/formats.ts';

export const MEDIA_TYPES: Record<Format, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8; header=present',
  tsv: 'text/tab-separated-values; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

type Row = Record<string, unknown>;

/**
 * A text a spreadsheet would run as a formula (OWASP, CSV injection): one that begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return. Also a line feed, which some importers drop before reading the rest as a formula.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * A formula character right after a `,` or `;`, or after quotes that follow one: where a spreadsheet whose list
 * separator that is would start a cell (quotes at a cell's start are read as quoting, and dropped).
 */
const FORMULA_AFTER_SEPARATOR = /([,;]"*)(?=[=+\-@])/g;

/**
 * Text for a cell that no spreadsheet runs as a formula: a leading apostrophe marks it as text (OWASP). So does one
 * after a `,` or `;` followed by a formula character, for a spreadsheet that splits on a separator we did not use
 * (Excel in a locale whose list separator is `;` splits a comma-separated file there, quotes or not).
 */
export function inert(text: string): string {
  const inner = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/**
 * One value as a cell: numbers at full precision with a dot decimal (a negative number stays a number), null as an
 * empty cell, lists of ids joined by `/` (which no id contains), lists of numbers by spaces, text made inert.
 */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.every((v) => typeof v === 'number') ? value.join(' ') : inert(value.join('/'));
  return inert(String(value));
}

/**
 * RFC 4180 quoting, for CSV and TSV alike (Excel and LibreOffice read both): a field holding a quote, a separator of
 * either format, a `;` (the list separator of many locales' CSV) or a line break is quoted, quotes doubled inside.
 */
function quoted(text: string): string {
  return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table with a header row, CRLF line ends; columns are the keys of the first row, in order. */
export function delimited(rows: readonly Row[], columns: readonly string[], format: 'csv' | 'tsv'): string {
  const sep = format === 'csv' ? ',' : '\t';
  let out = `${columns.map(quoted).join(sep)}\r\n`;
  for (const row of rows) out += `${columns.map((c) => quoted(cell(row[c]))).join(sep)}\r\n`;
  return out;
}

const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ');

/** One error as a single cell, for `onError=cell`: `#ERROR …`, or `#N/A …` for a figure that has no value. */
export function errorCell(reason: string, format: Format, marker = '#ERROR'): string {
  const text = inert(`${marker} ${oneLine(reason)}`);
  return format === 'txt' ? text : `${quoted(text)}\r\n`;
}

/** An error as one line of text/plain: inert, on one line, whatever the input it quotes. */
export function errorLine(reason: string): string {
  return inert(oneLine(reason));
}

/** Digits only: a position in a list, never an id (ids are not all digits). */
const POSITION = /^\d+$/;

/**
 * The value at a path such as `totalAnnualDamage`, `totals.serviceCost` or `investments.fix-billing.npv`: a segment
 * picks an object's field; in a list, a segment of digits picks the item at that 0-based position of the answer (the
 * answer's lists are ranked, so `problems.0` is the problem ranked 1), any other segment the item with that id. An
 * entry of a break-even or tornado list is named by its input's path, dots and all:
 * `investments.fix-billing.breakEven.investments[0].cost.upfront.breakEven`.
 */
export function valueAt(root: unknown, path: string): { found: true; value: unknown } | { found: false } {
  let current: unknown = root;
  const segments = path.split('.');
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    if (Array.isArray(current)) {
      if (POSITION.test(segment)) current = current[Number(segment)];
      else {
        const byId = current.find((item) => itemId(item) === segment);
        if (byId !== undefined) current = byId;
        else {
          // An input path: the fewest segments that name an entry (no input's path is the start of another's).
          const list = current;
          current = undefined;
          let field = segment;
          for (let e = s; e < segments.length; e++, field += `.${segments[e]}`) {
            const entry = list.find((item) => itemField(item) === field);
            if (entry !== undefined) {
              current = entry;
              s = e;
              break;
            }
          }
        }
      }
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Row)[segment];
    } else {
      return { found: false };
    }
    if (current === undefined) return { found: false };
  }
  return { found: true, value: current };
}

/** What names an item of a list: its `id`, or the `problemId` of an investment's per-problem figures. */
function itemId(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return undefined;
  const row = item as Row;
  return row.id ?? row.problemId;
}

/** The input a break-even or tornado entry is about. */
function itemField(item: unknown): unknown {
  return typeof item === 'object' && item !== null ? (item as Row).field : undefined;
}
