// A scenario as sent, with defaults filled in: plain numbers for `evaluate`, and the defaults it took, as assumptions.
import type { ProblemState } from './damage.ts';
import { affectedCount } from './damage.ts';
import { FINANCE, LOYALTY, OTHER, WORD_OF_MOUTH } from './defaults.ts';
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
}

/** Values given in `given` win over defaults; a key given as undefined counts as not given. */
function withDefaults<T extends object>(defaults: { [K in keyof T]: { value: T[K] } }, ...given: (Partial<T> | undefined)[]): T {
  const out = {} as T;
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    let value = defaults[key].value;
    for (const g of given) if (g?.[key] !== undefined) value = g[key] as T[keyof T];
    out[key] = value;
  }
  return out;
}

/** Every parameter that came from a default, named by its path in the scenario as sent. */
function assumptionsOf(s: ScenarioInput, V: number, investments: readonly InvestmentInput[]): Assumption[] {
  const out: Assumption[] = [];
  const add = (field: string, d: { value: Assumption['value']; source: string }, value = d.value) =>
    out.push({ field, value: Array.isArray(value) ? [...value] : value, source: d.source });

  if (s.currency === undefined) add('currency', OTHER.currency);
  if (s.customerValue.lifetimeValue === undefined && s.customerValue.discountRate === undefined) {
    add('customerValue.discountRate', OTHER.lifetimeValueDiscountRate);
  }
  if (s.newCustomerValue === undefined) add('newCustomerValue', OTHER.newCustomerValue, V);
  for (const key of Object.keys(LOYALTY) as (keyof LoyaltyRates)[]) {
    if (s.loyalty?.[key] === undefined && s.problems.some((p) => p.loyalty?.[key] === undefined)) {
      add(`loyalty.${key}`, LOYALTY[key]);
    }
  }
  for (const key of Object.keys(WORD_OF_MOUTH) as (keyof WordOfMouth)[]) {
    if (s.wordOfMouth?.[key] === undefined) add(`wordOfMouth.${key}`, WORD_OF_MOUTH[key]);
  }
  s.problems.forEach((p, i) => {
    if (p.costPerComplaint === undefined) add(`problems[${i}].costPerComplaint`, OTHER.costPerComplaint);
  });
  if (investments.length > 0) {
    for (const key of Object.keys(FINANCE) as (keyof Finance)[]) {
      if (s.finance?.[key] === undefined) add(`finance.${key}`, FINANCE[key]);
    }
  }
  investments.forEach((inv, i) => {
    if (inv.cost.upfront === undefined) add(`investments[${i}].cost.upfront`, OTHER.upfrontCost);
    if (inv.cost.annual === undefined) add(`investments[${i}].cost.annual`, OTHER.annualCost);
    if (inv.rampUp === undefined) add(`investments[${i}].rampUp`, OTHER.rampUp);
  });
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
  };
  return { inputs, assumptions: assumptionsOf(s, lifetimeValue, investments) };
}
