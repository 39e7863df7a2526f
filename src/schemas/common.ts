import { z } from '@hono/zod-openapi';
import { LIMITS } from '../model/defaults.ts';
import { once } from './once.ts';

/** Longest part of a value an error message quotes: an error never grows with the input. */
const SHOWN_LENGTH = 40;

/**
 * A value as an error message quotes it: numbers as they are, text in quotes, cut to 40 characters with its length
 * said, invisible characters (controls, bidirectional marks) written as \u escapes.
 */
export function shown(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value !== 'string') return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
  const cut = value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH)}…` : value;
  const text = visible(JSON.stringify(cut));
  return value.length > SHOWN_LENGTH ? `${text} (${value.length} characters)` : text;
}

/** Text cut to `max` characters (with … where cut), its invisible characters written as \u escapes: no quotes added. */
export function excerpt(text: string, max: number): string {
  return visible(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** Text with its invisible characters (controls, bidirectional marks, line separators) written as \u escapes. */
export function visible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** ` (got …)` after a message, for a value worth quoting. */
const got = (input: unknown) => (input === undefined ? '' : ` (got ${shown(input)})`);

/** How a rule an input breaks is worded; a message given where a schema is defined wins over this. */
function describeIssue(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'is required';
      if ((iss.expected === 'number' || iss.expected === 'int') && typeof iss.input === 'object' && iss.input !== null && 'likely' in iss.input) {
        return 'must be a number: this input cannot be a range';
      }
      if (typeof iss.input === 'number' && !Number.isFinite(iss.input)) return 'must be a finite number, at most about 1.8e308 in size';
      if (iss.expected === 'int' && typeof iss.input === 'number') return `must be a whole number${got(iss.input)}`;
      const expected: Record<string, string> = {
        number: 'a number',
        int: 'a whole number',
        string: 'text',
        object: 'an object',
        array: 'a list',
        boolean: 'true or false',
      };
      const kind = iss.input === null ? 'null' : Array.isArray(iss.input) ? 'a list' : typeof iss.input;
      const quoted = typeof iss.input === 'string' || typeof iss.input === 'number' ? got(iss.input) : '';
      return `must be ${expected[iss.expected] ?? iss.expected}, not ${kind}${quoted}`;
    }
    case 'too_small':
      if (iss.origin === 'array') return `must have at least ${iss.minimum} item${iss.minimum === 1 ? '' : 's'}`;
      if (iss.origin === 'string') return Number(iss.minimum) === 1 ? 'must not be empty' : `must be at least ${iss.minimum} characters`;
      return `${iss.inclusive ? `must be at least ${iss.minimum}` : `must be greater than ${iss.minimum}`}${got(iss.input)}`;
    case 'too_big':
      if (iss.origin === 'array') return `must have at most ${iss.maximum} items (got ${(iss.input as unknown[]).length})`;
      if (iss.origin === 'string') return `must be at most ${iss.maximum} characters (got ${(iss.input as string).length})`;
      return `${iss.inclusive ? `must be at most ${iss.maximum}` : `must be less than ${iss.maximum}`}${got(iss.input)}`;
    case 'unrecognized_keys':
      return `is not a known field`;
    case 'invalid_value':
      return `must be ${iss.values.map((v) => JSON.stringify(v)).join(' or ')}${got(iss.input)}`;
    case 'invalid_format':
      return `is not in the expected format${got(iss.input)}`;
    default:
      return undefined;
  }
}

/** Control characters and line or paragraph separators: no id or name holds them (as a regex character class). */
const CONTROLS = '\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029';
/** Invisible marks besides: zero-width and bidirectional controls, the soft hyphen, the byte-order mark. No id holds them. */
const MARKS = '\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff';
const NAME_BREAKERS = new RegExp(`[${CONTROLS}]`);
/** Half of a character: text that is not well-formed Unicode. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Only spaces and invisible marks: a name that shows as nothing. */
const BLANK = new RegExp(`^[\\s${MARKS}]*$`);
const ID_BREAKERS = new RegExp(`[${CONTROLS}${MARKS}]`);

/**
 * The rule of an id, in the OpenAPI document (the code below checks the same, one rule at a time, to say which):
 * not only digits (a position in a `field` path), none of `.` (which separates a path), `,` or `/` (which separate
 * the GET form's lists), no control characters or invisible marks, no space at either end.
 */
const ID_CHAR = `[^.,/${CONTROLS}${MARKS}]`;
const ID_EDGE = `[^\\s.,/${CONTROLS}${MARKS}]`;
const ID_PATTERN = `^(?![0-9]+$)${ID_EDGE}(?:${ID_CHAR}*${ID_EDGE})?$`;

/** The usual id, letters, digits, `-` and `_`: accepted without the checks below, which only a rarer id needs. */
const PLAIN_ID = /^[\w-]+$/;
/** The usual name, printable ASCII: only its blankness is left to check. */
const PLAIN_NAME = /^[\x20-\x7e]+$/;

function idProblem(id: string): string | undefined {
  if (id.length <= LIMITS.idLength && PLAIN_ID.test(id) && !/^\d+$/.test(id)) return undefined;
  if (id.length === 0) return 'must not be empty';
  if (id.length > LIMITS.idLength) return `must be at most ${LIMITS.idLength} characters (got ${id.length})`;
  if (id.trim() === '') return 'must not be blank';
  if (id.trim() !== id) return `must not begin or end with a space${got(id)}`;
  if (LONE_SURROGATE.test(id)) return `must be well-formed Unicode text${got(id)}`;
  if (ID_BREAKERS.test(id)) return `must not hold control characters or invisible marks${got(id)}`;
  if (/[.,/]/.test(id)) return `must not hold ".", "," or "/", which separate paths and lists${got(id)}`;
  if (/^\d+$/.test(id)) return `must not be only digits, which would read as a position${got(id)}`;
  return undefined;
}

function nameProblem(name: string, blank = 'must not be blank: leave name out to use the id'): string | undefined {
  if (name.length <= LIMITS.nameLength && PLAIN_NAME.test(name) && /\S/.test(name)) return undefined;
  if (name.length > LIMITS.nameLength) return `must be at most ${LIMITS.nameLength} characters (got ${name.length})`;
  if (BLANK.test(name)) return blank;
  if (LONE_SURROGATE.test(name)) return `must be well-formed Unicode text${got(name)}`;
  if (NAME_BREAKERS.test(name)) return `must not hold control characters such as tabs or line breaks${got(name)}`;
  return undefined;
}

/** A rule's own wording, followed by the value that broke it. */
export const rule = (text: string) => ({ error: (iss: { input?: unknown }) => `${text}${got(iss.input)}` });

/** The rule of a name, in the OpenAPI document: not blank, no control characters. */
const NAME_PATTERN = `^(?=.*[^\\s${MARKS}])[^${CONTROLS}]+$`;

// How zod words a broken rule, for every schema, whichever a request makes first.
z.config({ customError: describeIssue });

/** The schemas every other one is made of. */
export const baseSchemas = once(() => {
  /** A string checked by one rule that gives one message: a bad value gets one error, never several. */
  const checkedString = (problem: (s: string) => string | undefined) =>
    z.string().check((ctx) => {
      const message = problem(ctx.value);
      if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
    });
  const BETWEEN_0_AND_1 = rule('must be between 0 and 1');
  return {
    Id: checkedString(idProblem).meta({ minLength: 1, maxLength: LIMITS.idLength, pattern: ID_PATTERN }),
    Name: checkedString((name) => nameProblem(name)).meta({ minLength: 1, maxLength: LIMITS.nameLength, pattern: NAME_PATTERN }),
    /** A saved case's title: the rules of a name (it is shown, stored and put in cells the same way). */
    Title: checkedString((title) => nameProblem(title, 'must not be blank: leave title out for none')).meta({
      minLength: 1,
      maxLength: LIMITS.nameLength,
      pattern: NAME_PATTERN,
    }),
    Money: z.number().min(0),
    Share: z.number().min(0, BETWEEN_0_AND_1).max(1, BETWEEN_0_AND_1),
    ComplaintRate: z.number().gt(0, rule('must be greater than 0 and at most 1')).max(1, rule('must be greater than 0 and at most 1')),
    RiskAdjustment: z.number().min(0, rule('must be at least 0 and less than 1')).lt(1, rule('must be at least 0 and less than 1')),
  };
});

/** Rejects ids that occur twice in one list, naming the second occurrence. */
export function uniqueIds(items: readonly { id: string }[], path: string, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicates the id of ${path}[${first}] ("${item.id}")` });
  });
}

// Problem details only describe error answers in the OpenAPI document, so they are built when it is.
function buildProblemDetails() {
  const FieldError = z
    .object({
      path: z.string().meta({ description: 'Where the error is, as a JSON path into the request', example: 'problems[1].outcomes' }),
      message: z.string().meta({ description: 'What is wrong there', example: 'shares must sum to 1 (they sum to 0.9)' }),
    })
    .meta({ id: 'FieldError' });

  return z
    .object({
      type: z.string().meta({ description: 'A URI reference naming the kind of problem', example: '/problems/invalid-input' }),
      title: z.string().meta({ description: 'A short summary of the kind of problem', example: 'Invalid input' }),
      status: z.int().meta({ description: 'The HTTP status code', example: 422 }),
      detail: z.string().meta({ description: 'What went wrong with this request', example: '1 field is invalid: problems[1].outcomes' }),
      errors: z.array(FieldError).max(50).meta({ description: 'Each offending field, the first 50 (empty when the problem is not about a field)' }),
      errorCount: z.int().min(0).meta({ description: 'How many fields are at fault; more than `errors` lists when over 50', example: 1 }),
    })
    .meta({ id: 'ProblemDetails', description: 'An error, as RFC 9457 problem details' });
}

/** Problem details, as the OpenAPI document describes every error answer. */
export const problemDetails = once(buildProblemDetails);
