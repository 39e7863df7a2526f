import { shown } from '../schemas/common.ts';
import { ApiProblem } from './problem.ts';
import type { Format } from '../schemas/formats.ts';
import { delimited, errorCell, errorLine, inert, MEDIA_TYPES, valueAt } from './formats.ts';

export interface Table {
  rows: readonly object[];
  /** The column names, or how to get them when a csv or tsv answer needs them. */
  columns: readonly string[] | (() => readonly string[]);
}

/**
 * One answer in every format: the JSON body, and the tables a csv or tsv answer can hold (the first is the default),
 * made only when a csv or tsv answer is asked for.
 */
export interface View {
  json: object;
  tables: () => Record<string, Table>;
}

export interface OutputOptions {
  format?: Format;
  table?: string;
  field?: string;
}

export function resolveFormat({ format, field }: OutputOptions): Format {
  return format ?? (field !== undefined ? 'txt' : 'json');
}

/** Why the figure at a path is null: the note its item gives, or what a null means there. */
function nullReason(json: object, path: string): string {
  const segments = path.split('.');
  const key = segments.at(-1)!;
  const holder = segments.length > 1 ? valueAt(json, segments.slice(0, -1).join('.')) : { found: true, value: json };
  const notes = holder.found ? (holder.value as { notes?: unknown }).notes : undefined;
  const note = Array.isArray(notes) ? notes.find((n): n is string => typeof n === 'string' && n.startsWith(`${key} is null`)) : undefined;
  if (note) return note;
  if (key === 'breakEven') {
    return 'breakEven is null: npv does not reach 0 anywhere within this input’s legal values (it keeps one sign, or does not move with it).';
  }
  if (key === 'share' || key === 'cumulativeShare') {
    return `${key} is null: the problem does no damage (its totalAnnualDamage is zero or negative), so it has no share of the damage.`;
  }
  return `${key} is null: this answer has no value for it.`;
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
      throw new ApiProblem('invalid-input', `There is no value at ${shown(options.field)} in this answer.`, [
        { path: 'field', message: `names no value of this answer (got ${shown(options.field)})` },
      ]);
    }
    if (typeof found.value === 'object' && found.value !== null) {
      throw new ApiProblem('invalid-input', `${shown(options.field)} is a list or an object, not one value.`, [
        { path: 'field', message: `names a list or an object, not one value (got ${shown(options.field)})` },
      ]);
    }
    if (found.value === null) {
      const reason = nullReason(view.json, options.field);
      throw new ApiProblem('no-value', reason, [{ path: 'field', message: reason }]);
    }
    return typeof found.value === 'string' ? inert(found.value) : String(found.value);
  }
  const tables = view.tables();
  const names = Object.keys(tables);
  const name = options.table ?? names[0]!;
  const table = tables[name];
  if (!table) {
    throw new ApiProblem('invalid-input', `This answer has no table ${shown(name)}.`, [
      { path: 'table', message: `must be one of ${names.join(', ')} (got ${shown(name)})` },
    ]);
  }
  const columns = typeof table.columns === 'function' ? table.columns() : table.columns;
  return delimited(table.rows as Record<string, unknown>[], columns, format);
}

export function answer(view: View, options: OutputOptions): Response {
  const format = resolveFormat(options);
  if (options.field !== undefined && format !== 'txt') {
    throw new ApiProblem('invalid-input', 'field picks one value, for format=txt.', [
      { path: 'field', message: `goes with format=txt, not format=${format}` },
    ]);
  }
  if (options.table !== undefined && format !== 'csv' && format !== 'tsv') {
    const why = options.field !== undefined ? 'field, which asks for one value' : `format=${format}`;
    throw new ApiProblem('invalid-input', 'table picks a table, for format=csv or tsv.', [
      { path: 'table', message: `goes with format=csv or tsv, not with ${why}` },
    ]);
  }
  return new Response(body(view, options, format), { headers: { 'Content-Type': MEDIA_TYPES[format] } });
}

/**
 * An error for a spreadsheet: one readable line, with its status, or in a single cell with status 200 (`#N/A` for a
 * figure that has no value, `#ERROR` for anything else). Either way inert: no spreadsheet runs it as a formula.
 */
export function spreadsheetError(problem: ApiProblem, format: Format, inCell: boolean): Response {
  const first = problem.errors[0];
  const more = problem.errorCount > 1 ? ` (and ${problem.errorCount - 1} more)` : '';
  const reason = problem.kind === 'no-value' ? problem.detail : first ? `${first.path}: ${first.message}${more}` : problem.detail;
  if (inCell) {
    const marker = problem.kind === 'no-value' ? '#N/A' : '#ERROR';
    return new Response(errorCell(reason, format, marker), {
      status: 200,
      headers: { 'Content-Type': MEDIA_TYPES[format], 'Cache-Control': 'no-store' },
    });
  }
  return new Response(errorLine(reason), { status: problem.status, headers: { 'Content-Type': MEDIA_TYPES.txt, ...problem.headers } });
}
