import { z } from '@hono/zod-openapi';
import { LIMITS } from '../model/defaults.ts';

/** How a rule an input breaks is worded; a message given where a schema is defined wins over this. */
function describeIssue(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'is required';
      if (typeof iss.input === 'number' && !Number.isFinite(iss.input)) return 'must be a finite number';
      const expected: Record<string, string> = {
        number: 'a number',
        int: 'a whole number',
        string: 'text',
        object: 'an object',
        array: 'a list',
        boolean: 'true or false',
      };
      const got = iss.input === null ? 'null' : Array.isArray(iss.input) ? 'a list' : typeof iss.input;
      return `must be ${expected[iss.expected] ?? iss.expected}, not ${got}`;
    }
    case 'too_small':
      if (iss.origin === 'array') return `must have at least ${iss.minimum} item${iss.minimum === 1 ? '' : 's'}`;
      if (iss.origin === 'string') return Number(iss.minimum) === 1 ? 'must not be empty' : `must be at least ${iss.minimum} characters`;
      return iss.inclusive ? `must be at least ${iss.minimum}` : `must be greater than ${iss.minimum}`;
    case 'too_big':
      if (iss.origin === 'array') return `must have at most ${iss.maximum} items`;
      if (iss.origin === 'string') return `must be at most ${iss.maximum} characters`;
      return iss.inclusive ? `must be at most ${iss.maximum}` : `must be less than ${iss.maximum}`;
    case 'unrecognized_keys':
      return `is not a known field`;
    case 'invalid_value':
      return `must be ${iss.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_format':
      return 'is not in the expected format';
    default:
      return undefined;
  }
}

z.config({ customError: describeIssue });

export const Id = z.string().min(1).max(LIMITS.idLength);
export const Name = z.string().max(LIMITS.nameLength);
export const Money = z.number().min(0);
const BETWEEN_0_AND_1 = { error: 'must be between 0 and 1' };
export const Share = z.number().min(0, BETWEEN_0_AND_1).max(1, BETWEEN_0_AND_1);

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
      errors: z.array(FieldError).meta({ description: 'Each offending field (empty when the problem is not about a field)' }),
    })
    .meta({ id: 'ProblemDetails', description: 'An error, as RFC 9457 problem details' });
}

let problemDetails: ReturnType<typeof buildProblemDetails> | undefined;
export const ProblemDetails = z.lazy(() => (problemDetails ??= buildProblemDetails()));
