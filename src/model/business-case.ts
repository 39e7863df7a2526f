// The whole business case: resolve the scenario, evaluate it, and rank what it finds.
import type { Damage } from './damage.ts';
import { MODEL_VERSION, SENSITIVITY, SIMULATION } from './defaults.ts';
import { type Evaluation, evaluate, type InvestmentFigures, type Totals } from './evaluate.ts';
import { irr, type YearFlow } from './finance.ts';
import { rankInvestments, rankProblems } from './rank.ts';
import { type Resolved, resolve } from './resolve.ts';
import type { Assumption, Finance, PortfolioRequest, ScenarioInput, SensitivitySettings, SimulationSettings, UncertainScenario } from './types.ts';
import { Optimiser, type Portfolio } from './portfolio/optimise.ts';
import { type BreakEven, breakEvens } from './uncertainty/break-even.ts';
import { atLikely, hasRanges, inputsOf, pointOf } from './uncertainty/inputs.ts';
import { Kernel } from './uncertainty/kernel.ts';
import { type Simulated, type Spread, simulate } from './uncertainty/simulate.ts';
import { type Tornado, type TornadoEntry, tornado } from './uncertainty/tornado.ts';

export type { Totals } from './evaluate.ts';

export type { BreakEven } from './uncertainty/break-even.ts';
export type { Spread } from './uncertainty/simulate.ts';
export type { TornadoEntry } from './uncertainty/tornado.ts';

export interface ProblemResult extends Damage {
  id: string;
  name: string;
  rank: number;
  share: number | null;
  cumulativeShare: number | null;
  /** When simulated. */
  uncertainty?: { totalAnnualDamage: Spread };
}

export interface ProblemBenefit {
  problemId: string;
  damageBefore: number;
  damageAfter: number;
  benefit: number;
}

/** Why a figure of an investment is null, or why it is not recommended; the presentation words it. */
export type InvestmentNote = 'roiNull' | 'paybackNull' | 'irrNull' | 'notRecommended';

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
  /** The rate at which npv is 0, when the yearly flows change sign once; else null. */
  irr: number | null;
  breakEven: BreakEven[];
  /** When simulated. */
  uncertainty?: { npv: Spread; probabilityPositiveNpv: number };
  /** When anything is swept: the inputs that move npv most. */
  sensitivity?: TornadoEntry[];
}

export interface TotalsResult extends Totals {
  uncertainty?: { totalAnnualDamage: Spread };
  sensitivity?: TornadoEntry[];
}

export interface BusinessCase {
  modelVersion: string;
  currency: string;
  lifetimeValue: number;
  newCustomerValue: number;
  finance: Finance;
  problems: ProblemResult[];
  investments: InvestmentResult[];
  totals: TotalsResult;
  assumptions: Assumption[];
  /** The simulation's settings, when the scenario asked for one or has a range. */
  simulation?: SimulationSettings;
  /** The tornado's settings, when the scenario gave them. */
  sensitivity?: SensitivitySettings;
  /** The chosen portfolio, when one was asked for. */
  portfolio?: PortfolioResult;
}

export interface PortfolioResult {
  method: 'exact' | 'heuristic';
  /** Ids of the chosen investments, in input order. */
  investments: string[];
  upfront: number;
  annual: number;
  annualBenefit: number;
  standaloneBenefitSum: number;
  overlap: number;
  pvBenefits: number;
  pvCosts: number;
  npv: number;
  roi: number | null;
  paybackMonths: number | null;
  irr: number | null;
  /** Year 0 (the upfront costs) to the horizon. */
  cashFlows: YearFlow[];
  ladder: { id: string; marginalNpv: number; npv: number; upfront: number; annual: number }[];
  /** Each chosen investment and what the set would lose without it. */
  members: { id: string; marginalNpv: number }[];
  /** When simulated: the npv of this set over the samples. */
  uncertainty?: { npv: Spread; probabilityPositiveNpv: number };
}

function notesOf(f: InvestmentFigures, irr: number | null): InvestmentNote[] {
  const notes: InvestmentNote[] = [];
  if (f.roi === null) notes.push('roiNull');
  if (f.paybackMonths === null) notes.push('paybackNull');
  if (irr === null) notes.push('irrNull');
  if (f.npv < 0) notes.push('notRecommended');
  return notes;
}

/** The settings as given, their defaults where left out. */
const simulationOf = (s: UncertainScenario): SimulationSettings => ({ ...SIMULATION, ...s.simulation });
const sensitivityOf = (s: UncertainScenario): SensitivitySettings => ({ ...SENSITIVITY, ...s.sensitivity });

/** The tornado and the simulation a scenario asks for: none without a range or a swing. */
function uncertainty(
  sent: UncertainScenario,
  s: ScenarioInput,
  r: Resolved,
  ranged: boolean,
  chosen?: readonly number[],
): { simulated?: Simulated; swept?: Tornado } {
  if (!ranged && sent.sensitivity?.swing === undefined) return {};
  const inputs = inputsOf(sent);
  const kernel = new Kernel(s, r);
  const swept = tornado(kernel, inputs, sensitivityOf(sent));
  if (!ranged) return { swept };
  const portfolio = chosen && { set: chosen, problems: [...new Set(chosen.flatMap((k) => r.investments[k]!.targets))].sort((a, b) => a - b) };
  return { swept, simulated: simulate(kernel, inputs, simulationOf(sent), portfolio) };
}

/** The chosen portfolio as the answer gives it: investments by id, and its simulated npv when there is one. */
function portfolioResult(chosen: Portfolio, r: Resolved, simulated: Simulated | undefined): PortfolioResult {
  const id = (k: number) => r.investments[k]!.id;
  const { method, investments, upfront, annual, annualBenefit, standaloneBenefitSum, overlap } = chosen;
  const { pvBenefits, pvCosts, npv, roi, paybackMonths, irr: setIrr, ladder, marginalNpvs, years } = chosen;
  const result: PortfolioResult = {
    method,
    investments: investments.map(id),
    upfront,
    annual,
    annualBenefit,
    standaloneBenefitSum,
    overlap,
    pvBenefits,
    pvCosts,
    npv,
    roi,
    paybackMonths,
    irr: setIrr,
    cashFlows: years,
    ladder: ladder.map(({ investment, marginalNpv, npv, upfront, annual }) => ({ id: id(investment), marginalNpv, npv, upfront, annual })),
    members: investments.map((k, j) => ({ id: id(k), marginalNpv: marginalNpvs[j]! })),
  };
  if (simulated?.portfolio) result.uncertainty = simulated.portfolio;
  return result;
}

/** The portfolio a scenario asks for, chosen at the likely values; ids as sent. */
function portfolioOf(request: PortfolioRequest, r: Resolved, e: Evaluation): Portfolio {
  const position = new Map(r.investments.map((inv, k) => [inv.id, k]));
  const positions = (ids: string[] = []) => ids.map((id) => position.get(id)!);
  return new Optimiser(r, e, request.budget).choose(positions(request.include), positions(request.exclude));
}

/**
 * Every problem's damage, every investment's worth, ranked, and the defaults taken, at the likely values; with
 * ranges or a swing, the simulation and the tornado besides.
 */
export function businessCase(sent: UncertainScenario): BusinessCase {
  const ranged = hasRanges(sent);
  const s = ranged ? atLikely(sent) : pointOf(sent);
  const { inputs, assumptions } = resolve(s);
  const e = evaluate(inputs);
  const chosen = sent.portfolio && portfolioOf(sent.portfolio, inputs, e);
  const { simulated, swept } = uncertainty(sent, s, inputs, ranged, chosen?.investments);
  const problems = rankProblems(
    e.ranking.map((i): ProblemResult => {
      const p = inputs.problems[i]!;
      const result: ProblemResult = { id: p.id, name: p.name, rank: 0, share: null, cumulativeShare: null, ...e.problems[i]! };
      if (simulated) result.uncertainty = { totalAnnualDamage: simulated.problems[i]! };
      return result;
    }),
  );
  const investments = e.investments.map((f, k): InvestmentResult => {
    const inv = inputs.investments[k]!;
    const irrOf = irr(f.years.map((y) => y.net));
    const result: InvestmentResult = {
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
      notes: notesOf(f, irrOf),
      irr: irrOf,
      breakEven: breakEvens(inputs, k, f, e.problems),
    };
    if (simulated) result.uncertainty = simulated.investments[k]!;
    if (swept) result.sensitivity = swept.investments[k]!;
    return result;
  });
  const totals: TotalsResult = { ...e.totals };
  if (simulated) totals.uncertainty = { totalAnnualDamage: simulated.totalAnnualDamage };
  if (swept) totals.sensitivity = swept.totalAnnualDamage;
  const result: BusinessCase = {
    modelVersion: MODEL_VERSION,
    currency: inputs.currency,
    lifetimeValue: inputs.lifetimeValue,
    newCustomerValue: inputs.newCustomerValue,
    finance: inputs.finance,
    problems,
    investments: rankInvestments(investments),
    totals,
    assumptions,
  };
  if (chosen) result.portfolio = portfolioResult(chosen, inputs, simulated);
  if (simulated || sent.simulation) result.simulation = simulationOf(sent);
  if (sent.sensitivity) result.sensitivity = sensitivityOf(sent);
  return result;
}
