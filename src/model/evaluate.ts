// Plain numbers in, figures out: the only arithmetic of the business case, cheap to call again with a few inputs
// changed. No names, no words: problems and investments are positions in the resolved lists.
import { damage, type Damage, type DamageContext } from './damage.ts';
import { applyEffects } from './effects.ts';
import { ModelError, type ModelIssue } from './errors.ts';
import { evaluateCashFlows, type FinanceResult } from './finance.ts';
import type { Resolved } from './resolve.ts';

export interface ProblemBenefit {
  /** Position of the problem in the scenario's list. */
  problem: number;
  damageBefore: number;
  damageAfter: number;
  benefit: number;
}

export interface InvestmentFigures extends FinanceResult {
  annualBenefit: number;
  riskAdjustedAnnualBenefit: number;
  byProblem: ProblemBenefit[];
  /** Each targeted problem's damage with the investment's effects, in the order of byProblem. */
  after: Damage[];
}

export interface Totals {
  customersLost: number;
  directRevenueAtRisk: number;
  wordOfMouthRevenueAtRisk: number;
  serviceCost: number;
  totalAnnualDamage: number;
}

export interface Evaluation {
  /** In the scenario's order. */
  problems: Damage[];
  /** Positions of the problems by totalAnnualDamage, largest first; ties keep the scenario's order. */
  ranking: number[];
  /** In the scenario's order. */
  investments: InvestmentFigures[];
  totals: Totals;
}

function nonFinite(figures: object): string[] {
  const broken: string[] = [];
  for (const key in figures) {
    const v = (figures as Record<string, unknown>)[key];
    if (typeof v === 'number' && !Number.isFinite(v)) broken.push(key);
  }
  return broken;
}

function investmentFigures(r: Resolved, k: number, problems: readonly Damage[], ctx: DamageContext): InvestmentFigures {
  const inv = r.investments[k]!;
  const after = inv.targets.map((i) => damage(applyEffects(r.problems[i]!, [inv.effects]), ctx));
  const byProblem = inv.targets.map((i, j): ProblemBenefit => {
    const before = problems[i]!.totalAnnualDamage;
    const afterTotal = after[j]!.totalAnnualDamage;
    return { problem: i, damageBefore: before, damageAfter: afterTotal, benefit: before - afterTotal };
  });
  let annualBenefit = 0;
  for (const p of byProblem) annualBenefit += p.benefit;
  const riskAdjustedAnnualBenefit = annualBenefit * (1 - r.finance.riskAdjustment);
  const f = evaluateCashFlows({
    upfront: inv.upfront,
    benefits: inv.ramp.map((share) => riskAdjustedAnnualBenefit * share),
    costs: inv.ramp.map(() => inv.annual),
    discountRate: r.finance.discountRate,
  });
  const result = { annualBenefit, riskAdjustedAnnualBenefit, ...f, byProblem, after };
  // Every figure derives from npv's terms and the yearly flows: were one not finite, one of these would not be.
  let finite = Number.isFinite(result.npv) && Number.isFinite(annualBenefit) && (result.roi === null || Number.isFinite(result.roi));
  for (const y of f.years) finite &&= Number.isFinite(y.presentValue) && Number.isFinite(y.net);
  for (const p of byProblem) finite &&= Number.isFinite(p.benefit);
  const broken = finite ? [] : [...nonFinite(result), ...byProblem.flatMap(nonFinite), ...f.years.flatMap(nonFinite)];
  if (broken.length > 0) {
    throw new ModelError([
      { path: `investments[${k}]`, figures: [...new Set(broken)], inputs: [`investments[${k}].cost`, `investments[${k}].problems`] },
    ]);
  }
  return result;
}

/** Every problem's damage, every investment's worth and the totals, from resolved inputs. */
export function evaluate(r: Resolved): Evaluation {
  const ctx: DamageContext = { lifetimeValue: r.lifetimeValue, newCustomerValue: r.newCustomerValue, wordOfMouth: r.wordOfMouth };
  const issues: ModelIssue[] = [];
  const problems = r.problems.map((p, i) => {
    const d = damage(p, ctx);
    const broken = nonFinite(d);
    if (broken.length > 0) {
      issues.push({
        path: `problems[${i}]`,
        figures: broken,
        inputs: ['customers', ...r.valueInputs, 'wordOfMouth', `problems[${i}].costPerComplaint`],
      });
    }
    return d;
  });
  if (issues.length > 0) throw new ModelError(issues);

  const ranking = problems.map((_, i) => i).sort((a, b) => problems[b]!.totalAnnualDamage - problems[a]!.totalAnnualDamage);
  const totals: Totals = { customersLost: 0, directRevenueAtRisk: 0, wordOfMouthRevenueAtRisk: 0, serviceCost: 0, totalAnnualDamage: 0 };
  for (const i of ranking) for (const key of Object.keys(totals) as (keyof Totals)[]) totals[key] += problems[i]![key];
  const brokenTotals = nonFinite(totals);
  if (brokenTotals.length > 0) throw new ModelError([{ path: 'problems', figures: brokenTotals, inputs: [], total: true }]);

  return { problems, ranking, investments: r.investments.map((_, k) => investmentFigures(r, k, problems, ctx)), totals };
}
