// The compact form of problems and investments in a GET URL: `id,key:value,key:value`, so that a business case of
// ten problems and five investments fits in Excel's 2,048-character URL. Lists inside a value are joined by `/`.
import type { FieldError } from '../present/problem.ts';
import { invalidInput } from '../present/problem.ts';
import { DECIMAL } from '../schemas/query.ts';

type Item = Record<string, unknown>;

const EFFECTS = new Set(['prevalenceReduction', 'complaintRateMultiplier', 'costPerComplaintReduction']);
const COSTS = new Set(['upfront', 'annual']);

function parseList(raw: string, at: string, errors: FieldError[]): number[] {
  return raw.split('/').map((part, i) => {
    if (DECIMAL.test(part)) return Number(part);
    errors.push({ path: `${at}[${i}]`, message: `must be a number (got "${part}")` });
    return Number.NaN;
  });
}

function outcomes(raw: string, at: string, errors: FieldError[]): Item {
  const shares = parseList(raw, at, errors);
  if (shares.length !== 3) errors.push({ path: at, message: `must be three shares satisfied/mollified/dissatisfied (got "${raw}")` });
  return { satisfied: shares[0], mollified: shares[1], dissatisfied: shares[2] };
}

/** One `problem` or `investment` parameter as the JSON object it stands for; `at` is its path, e.g. `problems[1]`. */
function parseItem(text: string, at: string, kind: 'problem' | 'investment', errors: FieldError[]): Item {
  const [id, ...pairs] = text.split(',');
  const item: Item = { id };
  if (kind === 'investment') Object.assign(item, { effects: {}, cost: {} });
  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    if (colon < 1) {
      errors.push({ path: at, message: `"${pair}" is not key:value` });
      continue;
    }
    const key = pair.slice(0, colon);
    const raw = pair.slice(colon + 1);
    const here = `${at}.${key}`;
    const number = () => {
      if (DECIMAL.test(raw)) return Number(raw);
      errors.push({ path: here, message: `must be a number (got "${raw}")` });
      return undefined;
    };
    if (key === 'name') item.name = raw;
    else if (key === 'outcomes' && kind === 'problem') item.outcomes = outcomes(raw, here, errors);
    else if (key.startsWith('loyalty.') && kind === 'problem') item.loyalty = { ...(item.loyalty as Item), [key.slice(8)]: number() };
    else if (key === 'problems' && kind === 'investment') item.problems = raw === 'all' ? 'all' : raw.split('/');
    else if (key === 'outcomes' && kind === 'investment') (item.effects as Item).outcomes = outcomes(raw, `${at}.effects.outcomes`, errors);
    else if (EFFECTS.has(key) && kind === 'investment') (item.effects as Item)[key] = number();
    else if (COSTS.has(key) && kind === 'investment') (item.cost as Item)[key] = number();
    else if (key === 'rampUp' && kind === 'investment') item.rampUp = parseList(raw, here, errors);
    else item[key] = DECIMAL.test(raw) ? Number(raw) : raw;
  }
  return item;
}

/** The problems and investments of a GET business case; parameter n (from 1) becomes problems[n − 1]. */
export function parseCompact(problems: readonly string[], investments: readonly string[]): { problems: Item[]; investments: Item[] } {
  const errors: FieldError[] = [];
  const result = {
    problems: problems.map((p, i) => parseItem(p, `problems[${i}]`, 'problem', errors)),
    investments: investments.map((p, i) => parseItem(p, `investments[${i}]`, 'investment', errors)),
  };
  if (errors.length > 0) throw invalidInput(errors);
  return result;
}
