import type { Context } from 'hono';
import { ApiProblem } from './problem.ts';
import { delimited, errorCell, FORMATS, MEDIA_TYPES, valueAt, type Format } from './formats.ts';

export interface Table {
  rows: readonly object[];
  /** The column names, or how to get them when a csv or tsv answer needs them. */
  columns: readonly string[] | (() => readonly string[]);
}

/** One answer in every format: the JSON body, and the tables a csv or tsv answer can hold (the first is the default). */
export interface View {
  json: object;
  tables: Record<string, Table>;
}

export interface OutputOptions {
  format?: Format;
  table?: string;
  field?: string;
}

export function resolveFormat({ format, field }: OutputOptions): Format {
  return format ?? (field !== undefined ? 'txt' : 'json');
}

/** The format the request asked for, read leniently: used to answer its errors in kind. */
export function requestedFormat(c: Context): Format {
  const format = c.req.query('format');
  const known = format !== undefined && (FORMATS as readonly string[]).includes(format);
  return resolveFormat({ format: known ? (format as Format) : undefined, field: c.req.query('field') });
}

function body(view: View, options: OutputOptions, format: Format): string {
  if (format === 'json') return JSON.stringify(view.json);
  if (format === 'txt') {
    if (options.field === undefined) {
      throw new ApiProblem('invalid-input', 'format=txt answers one value: name it with field', [
        { path: 'field', message: `is required with format=txt (e.g. field=${Object.keys(view.json)[0]})` },
      ]);
    }
    const found = valueAt(view.json, options.field);
    if (!found.found) {
      throw new ApiProblem('invalid-input', `There is no value at "${options.field}" in this answer.`, [
        { path: 'field', message: `names no value of this answer ("${options.field}")` },
      ]);
    }
    if (typeof found.value === 'object' && found.value !== null) {
      throw new ApiProblem('invalid-input', `"${options.field}" is a list or an object, not one value.`, [
        { path: 'field', message: `names a list or an object, not one value ("${options.field}")` },
      ]);
    }
    return found.value === null ? '' : String(found.value);
  }
  const names = Object.keys(view.tables);
  const name = options.table ?? names[0]!;
  const table = view.tables[name];
  if (!table) {
    throw new ApiProblem('invalid-input', `This answer has no table "${name}".`, [{ path: 'table', message: `must be one of ${names.join(', ')}` }]);
  }
  const columns = typeof table.columns === 'function' ? table.columns() : table.columns;
  return delimited(table.rows as Record<string, unknown>[], columns, format);
}

export function answer(view: View, options: OutputOptions): Response {
  const format = resolveFormat(options);
  if (options.field !== undefined && format !== 'txt') {
    throw new ApiProblem('invalid-input', 'field picks one value, for format=txt.', [{ path: 'field', message: 'goes with format=txt' }]);
  }
  return new Response(body(view, options, format), { headers: { 'Content-Type': MEDIA_TYPES[format] } });
}

/** An error for a spreadsheet: one readable line, with its status, or in a single cell with status 200. */
export function spreadsheetError(problem: ApiProblem, format: Format, inCell: boolean): Response {
  const first = problem.errors[0];
  const more = problem.errors.length > 1 ? ` (and ${problem.errors.length - 1} more)` : '';
  const reason = first ? `${first.path}: ${first.message}${more}` : problem.detail;
  if (inCell) return new Response(errorCell(reason, format), { status: 200, headers: { 'Content-Type': MEDIA_TYPES[format], 'Cache-Control': 'no-store' } });
  return new Response(reason, { status: problem.status, headers: { 'Content-Type': MEDIA_TYPES.txt, ...problem.headers } });
}
