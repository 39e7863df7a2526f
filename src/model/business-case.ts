// The whole business case: resolve the scenario, evaluate it, and rank what it finds.
import type { Damage } from './damage.ts';
import { MODEL_VERSION } from './defaults.ts';
import { evaluate, type InvestmentFigures, type Totals } from './evaluate.ts';
import type { YearFlow } from './finance.ts';
import { rankInvestments, rankProblems } from './rank.ts';
import { resolve } from './resolve.ts';
import type { Assumption, Finance, ScenarioInput } from './types.ts';

export type { Totals } from './evaluate.ts';

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

/** Why a figure of an investment is null, or why it is not recommended; the presentation words it. */
export type InvestmentNote = 'roiNull' | 'paybackNull' | 'notRecommended';

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
  notes: InvestmentNote[];
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

function notesOf(f: InvestmentFigures): InvestmentNote[] {
  const notes: InvestmentNote[] = [];
  if (f.roi === null) notes.push('roiNull');
  if (f.paybackMonths === null) notes.push('paybackNull');
  if (f.npv < 0) notes.push('notRecommended');
  return notes;
}

/** Every problem's damage, every investment's worth, ranked, and the defaults taken. */
export function businessCase(s: ScenarioInput): BusinessCase {
  const { inputs, assumptions } = resolve(s);
  const e = evaluate(inputs);
  const problems = rankProblems(
    e.ranking.map((i): ProblemResult => {
      const p = inputs.problems[i]!;
      return { id: p.id, name: p.name, rank: 0, share: null, cumulativeShare: null, ...e.problems[i]! };
    }),
  );
  const investments = e.investments.map((f, k): InvestmentResult => {
    const inv = inputs.investments[k]!;
    return {
      id: inv.id,
      name: inv.name,
      rank: 0,
      recommended: f.npv >= 0,
      problems: inv.targets.map((i) => inputs.problems[i]!.id),
      annualBenefit: f.annualBenefit,
      riskAdjustedAnnualBenefit: f.riskAdjustedAnnualBenefit,
      pvBenefits: f.pvBenefits,
      pvCosts: f.pvCosts,
      npv: f.npv,
      roi: f.roi,
      paybackMonths: f.paybackMonths,
      costOfDelayPerMonth: f.costOfDelayPerMonth,
      byProblem: f.byProblem.map((b) => ({
        problemId: inputs.problems[b.problem]!.id,
        damageBefore: b.damageBefore,
        damageAfter: b.damageAfter,
        benefit: b.benefit,
      })),
      cashFlows: f.years,
      notes: notesOf(f),
    };
  });
  return {
    modelVersion: MODEL_VERSION,
    currency: inputs.currency,
    lifetimeValue: inputs.lifetimeValue,
    newCustomerValue: inputs.newCustomerValue,
    finance: inputs.finance,
    problems,
    investments: rankInvestments(investments),
    totals: e.totals,
    assumptions,
  };
}
