import { z } from '@hono/zod-openapi';
import { FORMATS } from './formats.ts';
import { shown } from './common.ts';
import { once } from './once.ts';

/** The longest number accepted as text: more digits than a double holds, and a bound on the work of reading one. */
export const NUMBER_TEXT_LENGTH = 64;

/**
 * A number as text: dot decimal, optional exponent, no thousands separators. Each part can match in only one way, so
 * matching takes time linear in the text, which is at most 64 characters anyway.
 */
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The number a text stands for, or why it stands for none. */
export function readNumber(text: string): { value: number } | { problem: string } {
  const t = text.trim();
  if (t.length > NUMBER_TEXT_LENGTH) return { problem: `must be a number of at most ${NUMBER_TEXT_LENGTH} characters (got ${text.length})` };
  if (DECIMAL.test(t)) {
    const value = Number(t);
    return Number.isFinite(value) ? { value } : { problem: `must be a finite number, at most about 1.8e308 in size (got ${shown(text)})` };
  }
  const hint = /^-?\d+,\d+$/.test(t) ? ' with a dot for decimals' : '';
  // low/likely/high where a range is not taken: say so, rather than that it is not a number.
  if (/^[^/]*\/[^/]*\/[^/]*(\/[a-z]*)?$/.test(t)) return { problem: `must be a number: this input cannot be a range (got ${shown(text)})` };
  return { problem: `must be a number${hint} (got ${shown(text)})` };
}

const DISTRIBUTIONS = ['pert', 'triangular', 'uniform'] as const;

/** A range as text, for the OpenAPI document: three numbers joined by `/`, and a distribution. */
export const RANGE_TEXT = '^[^/]+/[^/]+/[^/]+(/(pert|triangular|uniform))?$';
export const RANGE_FORM = 'low/likely/high, or low/likely/high/distribution (pert, the default, triangular or uniform)';

type Read = { value: number | { low: number; likely: number; high: number; distribution?: (typeof DISTRIBUTIONS)[number] } };
type Problems = { problems: { path: string[]; message: string }[] };

/**
 * A rangeable input as text: a number, or a range `low/likely/high` with an optional `/distribution`, each part
 * a number as `readNumber` reads it; what is wrong, by the part it is in.
 */
export function readUncertain(text: string): Read | Problems {
  // A split with a limit: the work is bounded whatever the text holds.
  const parts = text.split('/', 5);
  if (parts.length === 1) {
    const r = readNumber(text);
    return 'value' in r ? r : { problems: [{ path: [], message: r.problem }] };
  }
  if (parts.length < 3 || parts.length > 4) {
    return { problems: [{ path: [], message: `must be a number or a range ${RANGE_FORM}, such as 0.1/0.12/0.15 (got ${shown(text)})` }] };
  }
  const problems: Problems['problems'] = [];
  const [low, likely, high] = (['low', 'likely', 'high'] as const).map((name, i) => {
    const r = readNumber(parts[i]!);
    if ('value' in r) return r.value;
    problems.push({ path: [name], message: r.problem });
    return 0;
  });
  const distribution = parts[3];
  if (distribution !== undefined && !(DISTRIBUTIONS as readonly string[]).includes(distribution)) {
    problems.push({ path: ['distribution'], message: `must be pert, triangular or uniform (got ${shown(distribution)})` });
  }
  if (problems.length > 0) return { problems };
  const range = { low: low!, likely: likely!, high: high! };
  return { value: distribution === undefined ? range : { ...range, distribution: distribution as (typeof DISTRIBUTIONS)[number] } };
}

/** A rangeable input in a query parameter: a number, or low/likely/high[/distribution]. */
export const queryUncertain = once(() =>
  z
    .string()
    .transform((text, ctx) => {
      const read = readUncertain(text);
      if ('value' in read) return read.value;
      for (const p of read.problems) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
      return z.NEVER;
    })
    .meta({ type: 'string' }),
);

/** A number in a query parameter: dot decimal, no thousands separators. */
export const queryNumber = once(() =>
  z
    .string()
    .transform((text, ctx) => {
      const read = readNumber(text);
      if ('value' in read) return read.value;
      ctx.addIssue({ code: 'custom', message: read.problem });
      return z.NEVER;
    })
    .meta({ type: 'number' }),
);

/** How the answer is given: the same on every spreadsheet-friendly operation; `field` shows a value of that operation's answer. */
export const outputParams = (fieldExample: string) => ({
  format: z.enum(FORMATS).optional().meta({
    description: 'json (default); csv (RFC 4180, header row, CRLF); tsv; txt: one bare value, picked by `field`. Giving `field` alone implies txt.',
    example: 'json',
  }),
  field: z
    .string()
    .max(300)
    .optional()
    .meta({
      description:
        'With format=txt: the one value to answer, by its JSON name or path (e.g. `totalAnnualDamage`, `investments.fix-billing.npv`). ' +
        'In a list, a segment of digits is a 0-based position in the answer, whose lists are ranked (`problems.0` is the problem ranked 1, ' +
        'not the first one sent); any other segment is an id (ids are never only digits and never hold a dot). A figure that is null ' +
        '(an roi without costs) answers 422 `/problems/no-value` saying why, or `#N/A` and the reason with onError=cell.',
      examples: [fieldExample],
    }),
  onError: z
    .enum(['cell'])
    .optional()
    .meta({
      description: 'cell: answer an error with status 200 and its reason in a single cell (`#ERROR field: reason`), so a spreadsheet shows it',
      examples: ['cell'],
    }),
  _: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .meta({ type: 'string', description: 'Ignored: change it to make a spreadsheet fetch again (may be repeated)', examples: ['1'] }),
});

/** The report's language: en or vi; without it, the first of them that Accept-Language names, else en. */
export const reportLanguage = () =>
  z.enum(['en', 'vi']).optional().meta({
    description:
      'The report’s language: en (English) or vi (Vietnamese, with vi-VN number formats). Without it, the first of the two Accept-Language names, else en.',
    example: 'vi',
  });
