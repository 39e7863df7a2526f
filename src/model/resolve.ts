// A scenario as sent, with defaults filled in: plain numbers for `evaluate`, and the defaults it took, as assumptions.
import type { ProblemState } from './damage.ts';
import { affectedCount } from './damage.ts';
import { DEFAULTS, FINANCE, LOYALTY, OTHER, WORD_OF_MOUTH } from './defaults.ts';
import { rampUpSeries } from './finance.ts';
import { customerLifetimeValue } from './lifetime-value.ts';
import type { Assumption, Effects, Finance, InvestmentInput, LoyaltyRates, ScenarioInput, WordOfMouth } from './types.ts';

export interface ResolvedProblem extends ProblemState {
  id: string;
  name: string;
}

export interface ResolvedInvestment {
  id: string;
  name: string;
  /** Positions, in the scenario's problem list, of the problems it targets, in that list's order. */
  targets: number[];
  effects: Effects;
  upfront: number;
  annual: number;
  /** Share of the full benefit in each year 1 … horizonYears. */
  ramp: number[];
}

/** Everything `evaluate` needs, as plain numbers. */
export interface Resolved {
  currency: string;
  lifetimeValue: number;
  newCustomerValue: number;
  wordOfMouth: WordOfMouth;
  finance: Finance;
  problems: ResolvedProblem[];
  investments: ResolvedInvestment[];
  /** Where the lifetime value comes from, for an error that names the inputs of an overflow. */
  valueInputs: string[];
  /** The lifetime value was given as such (not from annual figures): an input a break-even can be stated in. */
  lifetimeValueGiven: boolean;
  /** A prospect is worth the lifetime value, whatever it is (newCustomerValue was not given). */
  newCustomerValueFollows: boolean;
}

/** Values given in `given` win over defaults; a key given as undefined counts as not given. */
const keysOf = new WeakMap<object, string[]>();

function withDefaults<T extends object>(defaults: { [K in keyof T]: { value: T[K] } }, ...given: (Partial<T> | undefined)[]): T {
  const out = {} as T;
  let keys = keysOf.get(defaults);
  if (!keys) keysOf.set(defaults, (keys = Object.keys(defaults)));
  for (const key of keys as (keyof T)[]) {
    let value = defaults[key].value;
    for (const g of given) if (g?.[key] !== undefined) value = g[key] as T[keyof T];
    out[key] = value;
  }
  return out;
}

/** The value at a path (its steps) of a plain object, or undefined. */
function at(root: unknown, steps: readonly string[]): unknown {
  let node = root;
  for (const step of steps) node = node === undefined || node === null ? undefined : (node as Record<string, unknown>)[step];
  return node;
}

type Default = (typeof DEFAULTS)[number];
/** DEFAULTS read once: a scenario-wide default with its path's steps, or a run of one list's defaults, item by item. */
type Step =
  | { kind: 'scenario'; d: Default; steps: string[] }
  | { kind: 'list'; list: 'problems' | 'investments'; run: { d: Default; rest: string; steps: string[] }[] };

let plan: Step[] | undefined;
function planOf(): Step[] {
  const out: Step[] = [];
  for (const d of DEFAULTS) {
    const [list, rest] = d.field.split('[].') as [string, string | undefined];
    const last = out.at(-1);
    if (rest === undefined) out.push({ kind: 'scenario', d, steps: d.field.split('.') });
    else if (last?.kind === 'list' && last.list === list) last.run.push({ d, rest, steps: rest.split('.') });
    else out.push({ kind: 'list', list: list as 'problems' | 'investments', run: [{ d, rest, steps: rest.split('.') }] });
  }
  return out;
}

/** Whether a default applies at all to this scenario, beyond its input being left out. */
function applies(field: string, steps: readonly string[], s: ScenarioInput, investments: readonly InvestmentInput[]): boolean {
  if (field.startsWith('finance.')) return investments.length > 0;
  if (field === 'customerValue.discountRate') return s.customerValue.lifetimeValue === undefined;
  // A loyalty rate every problem sets for itself is not assumed.
  if (field.startsWith('loyalty.')) return s.problems.some((p) => at(p, steps) === undefined);
  return true;
}

/**
 * Every parameter that came from a default, named by its path in the scenario as sent, in DEFAULTS' order; the
 * defaults of each problem or investment are listed item by item.
 */
function assumptionsOf(s: ScenarioInput, V: number, investments: readonly InvestmentInput[]): Assumption[] {
  const out: Assumption[] = [];
  const add = (field: string, value: Assumption['value'], source: string) =>
    out.push({ field, value: Array.isArray(value) ? [...value] : value, source });
  const lists = { problems: s.problems, investments };
  for (const step of (plan ??= planOf())) {
    if (step.kind === 'scenario') {
      const { d, steps } = step;
      if (at(s, steps) === undefined && applies(d.field, steps, s, investments)) add(d.field, d.field === 'newCustomerValue' ? V : d.value, d.source);
      continue;
    }
    lists[step.list].forEach((item: object, i: number) => {
      for (const r of step.run) if (at(item, r.steps) === undefined) add(`${step.list}[${i}].${r.rest}`, r.d.value, r.d.source);
    });
  }
  return out;
}

/** A valid scenario (the schemas' rules hold) as plain numbers, and the defaults it took. */
export function resolve(s: ScenarioInput): { inputs: Resolved; assumptions: Assumption[] } {
  const investments = s.investments ?? [];
  const lifetimeValue = customerLifetimeValue(s.customerValue);
  const finance = withDefaults<Finance>(FINANCE, s.finance);
  const position = new Map(s.problems.map((p, i) => [p.id, i]));
  const inputs: Resolved = {
    currency: s.currency ?? OTHER.currency.value,
    lifetimeValue,
    newCustomerValue: s.newCustomerValue ?? lifetimeValue,
    wordOfMouth: withDefaults<WordOfMouth>(WORD_OF_MOUTH, s.wordOfMouth),
    finance,
    problems: s.problems.map((p) => ({
      id: p.id,
      name: p.name ?? p.id,
      affected: affectedCount(p, s.customers),
      complaintRate: p.complaintRate,
      outcomes: p.outcomes,
      costPerComplaint: p.costPerComplaint ?? OTHER.costPerComplaint.value,
      loyalty: withDefaults<LoyaltyRates>(LOYALTY, s.loyalty, p.loyalty),
    })),
    investments: investments.map((inv) => ({
      id: inv.id,
      name: inv.name ?? inv.id,
      targets: inv.problems === 'all' ? s.problems.map((_, i) => i) : inv.problems.map((id) => position.get(id)!).sort((a, b) => a - b),
      effects: inv.effects,
      upfront: inv.cost.upfront ?? OTHER.upfrontCost.value,
      annual: inv.cost.annual ?? OTHER.annualCost.value,
      ramp: rampUpSeries(inv.rampUp ?? OTHER.rampUp.value, finance.horizonYears),
    })),
    valueInputs: s.newCustomerValue === undefined ? ['customerValue'] : ['customerValue', 'newCustomerValue'],
    lifetimeValueGiven: s.customerValue.lifetimeValue !== undefined,
    newCustomerValueFollows: s.newCustomerValue === undefined,
  };
  return { inputs, assumptions: assumptionsOf(s, lifetimeValue, investments) };
}
