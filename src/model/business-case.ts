import { damage, affectedCount, type Damage, type DamageContext, type ProblemState } from './damage.ts';
import { FINANCE, LOYALTY, MODEL_VERSION, OTHER, WORD_OF_MOUTH } from './defaults.ts';
import { applyEffects } from './effects.ts';
import { evaluateCashFlows, rampUpSeries, type YearFlow } from './finance.ts';
import { BEYOND_RANGE, ModelError, type ModelIssue } from './errors.ts';
import { customerLifetimeValue } from './lifetime-value.ts';
import { rankInvestments, rankProblems } from './rank.ts';
import type { Assumption, Finance, InvestmentInput, LoyaltyRates, ProblemInput, ScenarioInput, WordOfMouth } from './types.ts';

export interface ProblemResult extends Damage {
  id: string;
  name: string;
  rank: number;
  share: number | null;
  cumulativeShare: number | null;
}

export interface ProblemBenefit {
  problemId: string;
  damageBefore: number;
  damageAfter: number;
  benefit: number;
}

export interface InvestmentResult {
  id: string;
  name: string;
  rank: number;
  recommended: boolean;
  problems: string[];
  annualBenefit: number;
  riskAdjustedAnnualBenefit: number;
  pvBenefits: number;
  pvCosts: number;
  npv: number;
  roi: number | null;
  paybackMonths: number | null;
  costOfDelayPerMonth: number;
  byProblem: ProblemBenefit[];
  cashFlows: YearFlow[];
  notes: string[];
}

export interface Totals {
  customersLost: number;
  directRevenueAtRisk: number;
  wordOfMouthRevenueAtRisk: number;
  serviceCost: number;
  totalAnnualDamage: number;
}

export interface BusinessCase {
  modelVersion: string;
  currency: string;
  lifetimeValue: number;
  newCustomerValue: number;
  finance: Finance;
  problems: ProblemResult[];
  investments: InvestmentResult[];
  totals: Totals;
  assumptions: Assumption[];
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

function nonFinite(figures: object): string[] {
  const broken: string[] = [];
  for (const key in figures) {
    const v = (figures as Record<string, unknown>)[key];
    if (typeof v === 'number' && !Number.isFinite(v)) broken.push(key);
  }
  return broken;
}

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

function problemState(p: ProblemInput, s: ScenarioInput): ProblemState {
  return {
    affected: affectedCount(p, s.customers),
    complaintRate: p.complaintRate,
    outcomes: p.outcomes,
    costPerComplaint: p.costPerComplaint ?? OTHER.costPerComplaint.value,
    loyalty: withDefaults<LoyaltyRates>(LOYALTY, s.loyalty, p.loyalty),
  };
}

function evaluateInvestment(
  inv: InvestmentInput,
  index: number,
  problems: readonly { input: ProblemInput; state: ProblemState; damage: Damage }[],
  ctx: DamageContext,
  finance: Finance,
): InvestmentResult {
  const targets = inv.problems === 'all' ? problems : problems.filter((p) => inv.problems.includes(p.input.id));
  const byProblem = targets.map(({ input, state, damage: before }) => {
    const after = damage(applyEffects(state, [inv.effects]), ctx);
    return {
      problemId: input.id,
      damageBefore: before.totalAnnualDamage,
      damageAfter: after.totalAnnualDamage,
      benefit: before.totalAnnualDamage - after.totalAnnualDamage,
    };
  });
  const annualBenefit = byProblem.reduce((sum, p) => sum + p.benefit, 0);
  const riskAdjustedAnnualBenefit = annualBenefit * (1 - finance.riskAdjustment);
  const upfront = inv.cost.upfront ?? OTHER.upfrontCost.value;
  const annual = inv.cost.annual ?? OTHER.annualCost.value;
  const ramp = rampUpSeries(inv.rampUp ?? OTHER.rampUp.value, finance.horizonYears);
  const f = evaluateCashFlows({
    upfront,
    benefits: ramp.map((share) => riskAdjustedAnnualBenefit * share),
    costs: ramp.map(() => annual),
    discountRate: finance.discountRate,
  });

  const notes: string[] = [];
  if (f.roi === null) notes.push('roi is null: the investment costs nothing, so a return on cost cannot be stated.');
  if (f.paybackMonths === null) {
    notes.push(`paybackMonths is null: the investment does not pay back within the ${finance.horizonYears}-year horizon.`);
  }
  if (f.npv < 0) notes.push('Not recommended: its costs outweigh its benefits over the horizon (npv < 0).');

  const result = {
    id: inv.id,
    name: inv.name ?? inv.id,
    rank: 0,
    recommended: f.npv >= 0,
    problems: targets.map((p) => p.input.id),
    annualBenefit,
    riskAdjustedAnnualBenefit,
    pvBenefits: f.pvBenefits,
    pvCosts: f.pvCosts,
    npv: f.npv,
    roi: f.roi,
    paybackMonths: f.paybackMonths,
    costOfDelayPerMonth: f.costOfDelayPerMonth,
    byProblem,
    cashFlows: f.years,
    notes,
  };
  const broken = [...nonFinite(result), ...byProblem.flatMap(nonFinite), ...f.years.flatMap(nonFinite)];
  if (broken.length > 0) {
    throw new ModelError([
      {
        path: `investments[${index}]`,
        message: `${[...new Set(broken)].join(', ')} ${BEYOND_RANGE}; it comes from investments[${index}].cost and the damage of the problems it targets.`,
      },
    ]);
  }
  return result;
}

/** The whole business case of MODEL.md: every problem's damage, every investment's worth, ranked. */
export function businessCase(s: ScenarioInput): BusinessCase {
  const investments = s.investments ?? [];
  const V = customerLifetimeValue(s.customerValue);
  const ctx: DamageContext = {
    lifetimeValue: V,
    newCustomerValue: s.newCustomerValue ?? V,
    wordOfMouth: withDefaults<WordOfMouth>(WORD_OF_MOUTH, s.wordOfMouth),
  };
  const finance = withDefaults<Finance>(FINANCE, s.finance);
  const valueInputs = s.newCustomerValue === undefined ? 'customerValue' : 'customerValue, newCustomerValue';

  const issues: ModelIssue[] = [];
  const problems = s.problems.map((input, i) => {
    const state = problemState(input, s);
    const d = damage(state, ctx);
    const broken = nonFinite(d);
    if (broken.length > 0) {
      issues.push({
        path: `problems[${i}]`,
        message: `${broken.join(', ')} ${BEYOND_RANGE}; it comes from customers, ${valueInputs}, wordOfMouth and problems[${i}].costPerComplaint.`,
      });
    }
    return { input, state, damage: d };
  });
  if (issues.length > 0) throw new ModelError(issues);

  const ranked = rankProblems(
    problems.map(({ input, damage: d }): ProblemResult => ({ id: input.id, name: input.name ?? input.id, rank: 0, share: null, cumulativeShare: null, ...d })),
  );
  const totals: Totals = { customersLost: 0, directRevenueAtRisk: 0, wordOfMouthRevenueAtRisk: 0, serviceCost: 0, totalAnnualDamage: 0 };
  for (const p of ranked) for (const key of Object.keys(totals) as (keyof Totals)[]) totals[key] += p[key];
  const brokenTotals = nonFinite(totals);
  if (brokenTotals.length > 0) {
    throw new ModelError([{ path: 'problems', message: `the total of ${brokenTotals.join(', ')} ${BEYOND_RANGE}.` }]);
  }

  return {
    modelVersion: MODEL_VERSION,
    currency: s.currency ?? OTHER.currency.value,
    lifetimeValue: V,
    newCustomerValue: ctx.newCustomerValue,
    finance,
    problems: ranked,
    investments: rankInvestments(investments.map((inv, i) => evaluateInvestment(inv, i, problems, ctx, finance))),
    totals,
    assumptions: assumptionsOf(s, V, investments),
  };
}
