// The compact form of problems and investments in a GET URL: `id,key:value,key:value`, so that a business case of
// ten problems and five investments fits in Excel's 2,048-character URL. Lists inside a value are joined by `/`, and
// so is a range: `prevalence:0.1/0.12/0.15` or `upfront:200000/250000/400000/triangular`.
import type { FieldError } from '../present/problem.ts';
import { shortPath } from '../present/field-errors.ts';
import { invalidInput } from '../present/problem.ts';
import { LIMITS } from '../model/defaults.ts';
import { shown } from '../schemas/common.ts';
import { readNumber, readUncertain } from '../schemas/query.ts';

type Item = Record<string, unknown>;
type Kind = 'problem' | 'investment';

/**
 * How a key's value is read: `uncertain`, a number or a range low/likely/high[/distribution]; `text`; `outcomes`,
 * three shares s/m/d; `numbers`, shares joined by `/`; `ids`, problem ids joined by `/`, or all.
 */
type Reader = 'uncertain' | 'text' | 'outcomes' | 'numbers' | 'ids';
interface Key {
  /** The path inside the JSON item, e.g. ['effects', 'prevalenceReduction']. */
  at: readonly string[];
  read: Reader;
}

const LOYALTY = ['baseline', 'silent', 'satisfied', 'mollified', 'dissatisfied'];

const KEYS: Record<Kind, ReadonlyMap<string, Key>> = {
  problem: new Map<string, Key>([
    ['name', { at: ['name'], read: 'text' }],
    ['prevalence', { at: ['prevalence'], read: 'uncertain' }],
    ['affectedCustomers', { at: ['affectedCustomers'], read: 'uncertain' }],
    ['complaintsPerYear', { at: ['complaintsPerYear'], read: 'uncertain' }],
    ['complaintRate', { at: ['complaintRate'], read: 'uncertain' }],
    ['outcomes', { at: ['outcomes'], read: 'outcomes' }],
    ['costPerComplaint', { at: ['costPerComplaint'], read: 'uncertain' }],
    ...LOYALTY.map((k): [string, Key] => [`loyalty.${k}`, { at: ['loyalty', k], read: 'uncertain' }]),
  ]),
  investment: new Map<string, Key>([
    ['name', { at: ['name'], read: 'text' }],
    ['problems', { at: ['problems'], read: 'ids' }],
    ['prevalenceReduction', { at: ['effects', 'prevalenceReduction'], read: 'uncertain' }],
    ['complaintRateMultiplier', { at: ['effects', 'complaintRateMultiplier'], read: 'uncertain' }],
    ['outcomes', { at: ['effects', 'outcomes'], read: 'outcomes' }],
    ['costPerComplaintReduction', { at: ['effects', 'costPerComplaintReduction'], read: 'uncertain' }],
    ['upfront', { at: ['cost', 'upfront'], read: 'uncertain' }],
    ['annual', { at: ['cost', 'annual'], read: 'uncertain' }],
    ['rampUp', { at: ['rampUp'], read: 'numbers' }],
  ]),
};

/** The longest list a value may hold: a ramp-up has at most one share a year, a target list at most every problem. */
const LIST_LENGTH: Record<'numbers' | 'ids', number> = { numbers: LIMITS.maxHorizonYears, ids: LIMITS.problems };

function readValue(raw: string, read: Reader, at: string, errors: FieldError[]): unknown {
  const number = (text: string, path: string) => {
    const r = readNumber(text);
    if ('value' in r) return r.value;
    errors.push({ path, message: r.problem });
    return undefined;
  };
  switch (read) {
    case 'text':
      return raw;
    case 'uncertain': {
      const r = readUncertain(raw);
      if ('value' in r) return r.value;
      for (const p of r.problems) errors.push({ path: [at, ...p.path].join('.'), message: p.message });
      return undefined;
    }
    case 'ids':
    case 'numbers': {
      if (read === 'ids' && raw === 'all') return 'all';
      const parts = raw.split('/', LIST_LENGTH[read] + 1);
      if (parts.length > LIST_LENGTH[read]) {
        errors.push({ path: at, message: `must have at most ${LIST_LENGTH[read]} values joined by / (got more)` });
        return undefined;
      }
      return read === 'ids' ? parts : parts.map((part, i) => number(part, `${at}[${i}]`));
    }
    case 'outcomes': {
      const parts = raw.split('/', 4);
      if (parts.length !== 3) {
        errors.push({ path: at, message: `must be three shares satisfied/mollified/dissatisfied, such as 0.4/0.2/0.4 (got ${shown(raw)})` });
        return undefined;
      }
      const [satisfied, mollified, dissatisfied] = parts.map((part, i) => number(part, `${at}.${['satisfied', 'mollified', 'dissatisfied'][i]}`));
      return { satisfied, mollified, dissatisfied };
    }
  }
}

/** One `problem` or `investment` parameter as the JSON object it stands for; `at` is its path, e.g. `problems[1]`. */
function parseItem(text: string, at: string, kind: Kind, errors: FieldError[]): Item {
  const [id, ...pairs] = text.split(',');
  const item: Item = { id };
  if (kind === 'investment') Object.assign(item, { effects: {}, cost: {} });
  const keys = KEYS[kind];
  const seen = new Set<string>();
  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    if (colon < 1) {
      errors.push({ path: at, message: `each part after the id must be key:value (got ${shown(pair)})` });
      continue;
    }
    const name = pair.slice(0, colon);
    const key = keys.get(name);
    if (!key) {
      errors.push({
        path: shortPath(`${at}.${name}`),
        message: `is not a key of ${kind === 'problem' ? 'a problem' : 'an investment'}; the keys are ${[...keys.keys()].join(', ')}`,
      });
      continue;
    }
    const path = `${at}.${key.at.join('.')}`;
    if (seen.has(name)) {
      errors.push({ path, message: `is given twice in this ${kind}` });
      continue;
    }
    seen.add(name);
    const value = readValue(pair.slice(colon + 1), key.read, path, errors);
    let node = item;
    for (const step of key.at.slice(0, -1)) node = (node[step] ??= {}) as Item;
    node[key.at.at(-1)!] = value;
  }
  return item;
}

/** The portfolio parameter's keys, and where each goes in the JSON form's portfolio. */
const PORTFOLIO_KEYS = new Map<string, { at: readonly string[]; read: 'number' | 'ids' }>([
  ['budgetUpfront', { at: ['budget', 'upfront'], read: 'number' }],
  ['budgetAnnual', { at: ['budget', 'annual'], read: 'number' }],
  ['include', { at: ['include'], read: 'ids' }],
  ['exclude', { at: ['exclude'], read: 'ids' }],
]);

/** `portfolio=budgetAnnual:100000,include:fix-billing` as the JSON form's portfolio; empty, a portfolio with no budget. */
function parsePortfolio(text: string, errors: FieldError[]): Item {
  const portfolio: Item = {};
  if (text.trim() === '') return portfolio;
  const seen = new Set<string>();
  for (const pair of text.split(',', PORTFOLIO_KEYS.size + 1)) {
    const colon = pair.indexOf(':');
    const name = colon < 1 ? pair : pair.slice(0, colon);
    const key = PORTFOLIO_KEYS.get(name);
    if (colon < 1 || !key) {
      errors.push({
        path: 'portfolio',
        message: `each part must be key:value with a key of ${[...PORTFOLIO_KEYS.keys()].join(', ')} (got ${shown(pair)})`,
      });
      continue;
    }
    if (seen.has(name)) {
      errors.push({ path: `portfolio.${key.at.join('.')}`, message: 'is given twice' });
      continue;
    }
    seen.add(name);
    const raw = pair.slice(colon + 1);
    let value: unknown;
    if (key.read === 'ids') value = raw === '' ? [] : raw.split('/', LIMITS.investments + 1);
    else {
      const r = readNumber(raw);
      if ('value' in r) value = r.value;
      else errors.push({ path: `portfolio.${key.at.join('.')}`, message: r.problem });
    }
    let node = portfolio;
    for (const step of key.at.slice(0, -1)) node = (node[step] ??= {}) as Item;
    node[key.at.at(-1)!] = value;
  }
  return portfolio;
}

/** The problems and investments of a GET business case (parameter n, from 1, becomes problems[n − 1]), and its portfolio. */
export function parseCompact(
  problems: readonly string[],
  investments: readonly string[],
  portfolio?: string,
): { problems: Item[]; investments: Item[]; portfolio?: Item } {
  const errors: FieldError[] = [];
  const result: { problems: Item[]; investments: Item[]; portfolio?: Item } = {
    problems: problems.map((p, i) => parseItem(p, `problems[${i}]`, 'problem', errors)),
    investments: investments.map((p, i) => parseItem(p, `investments[${i}]`, 'investment', errors)),
  };
  if (portfolio !== undefined) result.portfolio = parsePortfolio(portfolio, errors);
  if (errors.length > 0) throw invalidInput(errors);
  return result;
}
