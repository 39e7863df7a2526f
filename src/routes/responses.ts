import { z } from '@hono/zod-openapi';
import { problemDetails } from '../schemas/common.ts';
import { once } from '../schemas/once.ts';
import { PROBLEM_TYPES, type ProblemType } from '../schemas/problem-types.ts';

const texts = once(() => ({
  Line: z.string().meta({ description: 'The reason in one line, e.g. `complaintRate: must be at most 1`' }),
  Csv: z.string().meta({
    description:
      'RFC 4180 CSV: a header row of the JSON names, CRLF line ends, dot decimals, null as an empty cell, lists of ids joined by `/`. ' +
      'A field holding a quote, comma, semicolon, tab or line break is quoted. Text that a spreadsheet would run as a formula (starting ' +
      'with =, +, -, @, a tab or a carriage return, or holding one of =, +, -, @ right after a `,` or `;`) gets an apostrophe there, so ' +
      'it shows as text; numbers, negative ones included, are never changed.',
  }),
  Tsv: z.string().meta({ description: 'The same table, tab-separated, quoted and made inert the same way' }),
  Txt: z.string().meta({ description: 'One bare value at full precision (format=txt with field)', example: '4074000' }),
}));

type ErrorContent = { 'application/problem+json': { schema: ReturnType<typeof problemDetails> }; 'text/plain': { schema: z.ZodString } };

/**
 * Documented error answers, for spreadsheet formats too, for spreading into a route's `responses`. Every operation
 * may be rate limited, so 429 is always among them.
 */
export function problemResponses(...listed: ProblemType[]) {
  const kinds: ProblemType[] = [...listed, 'rate-limited'];
  const byStatus: Record<number, { description: string; content: ErrorContent }> = {};
  for (const kind of kinds) {
    const { status, description } = PROBLEM_TYPES[kind];
    const line = `\`/problems/${kind}\`: ${description}`;
    const entry = byStatus[status];
    if (entry) entry.description += ` ${line}`;
    else {
      byStatus[status] = {
        description: `${line} (As one line of text/plain when format is csv, tsv or txt.)`,
        content: { 'application/problem+json': { schema: problemDetails() }, 'text/plain': { schema: texts().Line } },
      };
    }
  }
  return byStatus;
}

/** A 200 answer in every format a spreadsheet may ask for. */
export function answerContent<T extends z.ZodType>(schema: T) {
  const { Csv, Tsv, Txt } = texts();
  return {
    'application/json': { schema },
    'text/csv': { schema: Csv },
    'text/tab-separated-values': { schema: Tsv },
    'text/plain': { schema: Txt },
  };
}
