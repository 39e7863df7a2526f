import type { BreakEven, BusinessCase, InvestmentResult, Spread, TornadoEntry } from '../model/business-case.ts';
import type { Assumption } from '../model/types.ts';
import { resultSchemas } from '../schemas/results.ts';
import type { Table, View } from './answer.ts';
import { noteText } from './words.ts';

// CSV columns are the JSON names, in the JSON order, so new fields only ever append columns.
const scalarColumns = (shape: object, nested: string[] = []) => Object.keys(shape).filter((k) => !nested.includes(k));

const ASSUMPTION_COLUMNS = ['field', 'value', 'source'];
/** Lists and objects that have tables of their own, or none: never a column. */
const NESTED = ['byProblem', 'cashFlows', 'breakEven', 'uncertainty', 'sensitivity', 'assumptions', 'simulation'];
const SENSITIVITY_COLUMNS = ['subject', 'figure', 'rank', 'field', 'low', 'high', 'figureAtLow', 'figureAtHigh', 'swing'];
const BREAK_EVEN_COLUMNS = ['investment', 'field', 'value', 'breakEven'];
const PORTFOLIO_COLUMNS = ['id', 'marginalNpv'];
const LADDER_COLUMNS = ['id', 'marginalNpv', 'npv', 'upfront', 'annual'];
/** The columns a simulated figure adds: its mean and percentiles. */
const spreadColumns = (name: string) => [`${name}Mean`, `${name}P10`, `${name}P50`, `${name}P90`];
const spreadCells = (name: string, s: Spread) => ({ [`${name}Mean`]: s.mean, [`${name}P10`]: s.p10, [`${name}P50`]: s.p50, [`${name}P90`]: s.p90 });
const CASH_FLOW_COLUMNS = ['year', 'benefit', 'cost', 'net', 'discountFactor', 'presentValue'];

const assumptionsTable = (rows: readonly Assumption[]): Table => ({ rows, columns: ASSUMPTION_COLUMNS });

/** A business case whose input paths (assumptions, break-evens, tornado entries) are named as a flat request named its inputs. */
export function renamed(result: BusinessCase, rename: (path: string) => string, renameEntry = rename): BusinessCase {
  const fields = <T extends { field: string }>(list: T[] | undefined, by = renameEntry) => list?.map((e) => ({ ...e, field: by(e.field) }));
  const totals = { ...result.totals };
  if (totals.sensitivity) totals.sensitivity = fields(totals.sensitivity);
  return {
    ...result,
    investments: result.investments.map((inv) => {
      const out = { ...inv, breakEven: fields(inv.breakEven)! };
      if (inv.sensitivity) out.sensitivity = fields(inv.sensitivity);
      return out;
    }),
    totals,
    assumptions: fields(result.assumptions, rename)!,
  };
}

/** The tornado entries as rows: whose figure, which figure, the entry's place. */
function sensitivityRows(subject: string, figure: string, entries: readonly TornadoEntry[] | undefined) {
  return (entries ?? []).map((e, i) => ({ subject, figure, rank: i + 1, ...e }));
}

function sensitivityTable(result: {
  investments: readonly { id: string; sensitivity?: TornadoEntry[] }[];
  totals?: { sensitivity?: TornadoEntry[] };
}): Table {
  const rows = [
    ...result.investments.flatMap((inv) => sensitivityRows(inv.id, 'npv', inv.sensitivity)),
    ...sensitivityRows('totals', 'totalAnnualDamage', result.totals?.sensitivity),
  ];
  return { rows, columns: SENSITIVITY_COLUMNS };
}

function breakEvenTable(investments: readonly { id: string; breakEven: readonly BreakEven[] }[]): Table {
  return { rows: investments.flatMap((inv) => inv.breakEven.map((b) => ({ investment: inv.id, ...b }))), columns: BREAK_EVEN_COLUMNS };
}

/** The answer as JSON: the model's codes in words. */
export function worded(result: BusinessCase) {
  const h = result.finance.horizonYears;
  return { ...result, investments: result.investments.map((inv) => ({ ...inv, notes: inv.notes.map((n) => noteText(n, h)) })) };
}

/** Rows with the simulated figure `name` flattened into columns, and the columns it adds; none when not simulated. */
function withSpread<T extends object>(
  rows: readonly T[],
  name: string,
  spreadOf: (row: T) => Spread | undefined,
  extra: (row: T) => object = () => ({}),
) {
  const simulated = rows.some((r) => spreadOf(r) !== undefined);
  if (!simulated) return { rows, columns: [] as string[] };
  return {
    rows: rows.map((r) => ({ ...r, ...spreadCells(name, spreadOf(r)!), ...extra(r) })),
    columns: spreadColumns(name),
  };
}

/** Investment rows with their simulated npv and probabilityPositiveNpv as columns, when simulated. */
function withNpvSpread<T extends { uncertainty?: { npv: Spread; probabilityPositiveNpv: number } }>(rows: readonly T[]) {
  const spread = withSpread(
    rows,
    'npv',
    (inv) => inv.uncertainty?.npv,
    (inv) => ({ probabilityPositiveNpv: inv.uncertainty?.probabilityPositiveNpv }),
  );
  return { rows: spread.rows, columns: spread.columns.length > 0 ? [...spread.columns, 'probabilityPositiveNpv'] : [] };
}

/** What a one-problem answer carries besides its figures, with assumptions named by the parameters. */
function context(result: BusinessCase) {
  return {
    ...(result.simulation ? { simulation: result.simulation } : {}),
    lifetimeValue: result.lifetimeValue,
    newCustomerValue: result.newCustomerValue,
    currency: result.currency,
    modelVersion: result.modelVersion,
    assumptions: result.assumptions,
  };
}

/** The one problem of a one-problem business case: its damage, its tornado, and what it assumed. */
export function problemDamageView(result: BusinessCase): View {
  const { id: _id, name: _name, rank: _rank, share: _share, cumulativeShare: _cumulative, ...damage } = result.problems[0]!;
  const json = { ...damage, ...(result.totals.sensitivity ? { sensitivity: result.totals.sensitivity } : {}), ...context(result) };
  const row = () => {
    const spread = withSpread([json], 'totalAnnualDamage', (d) => d.uncertainty?.totalAnnualDamage);
    return { row: spread.rows[0]!, added: spread.columns };
  };
  const tables = () => ({ sensitivity: sensitivityTable({ investments: [], totals: result.totals }) });
  return singleView(json, () => resultSchemas().ProblemDamageAnswer.shape, tables, row);
}

/** The one investment of a one-investment business case, on its one problem, and what it assumed. */
export function investmentRoiView(result: BusinessCase): View {
  const investment = worded(result).investments[0]!;
  const { id: _id, name: _name, rank: _rank, problems: _problems, byProblem, ...figures } = investment;
  const json = { ...figures, damageBefore: byProblem[0]!.damageBefore, damageAfter: byProblem[0]!.damageAfter, ...context(result) };
  const row = () => {
    const spread = withNpvSpread([json]);
    return { row: spread.rows[0]!, added: spread.columns };
  };
  const tables = () => ({
    cashFlows: cashFlowsTable(investment),
    sensitivity: sensitivityTable({ investments: [investment] }),
    breakEven: breakEvenTable([investment]),
  });
  return singleView(json, () => resultSchemas().InvestmentRoiAnswer.shape, tables, row);
}

export function businessCaseView(result: BusinessCase): View {
  const json = worded(result);
  return { json, tables: () => businessCaseTables(result, json) };
}

function businessCaseTables(result: BusinessCase, json: ReturnType<typeof worded>): Record<string, Table> {
  const problems = withSpread(result.problems, 'totalAnnualDamage', (p) => p.uncertainty?.totalAnnualDamage);
  const investments = withNpvSpread(json.investments);
  return {
    problems: { rows: problems.rows, columns: () => [...scalarColumns(resultSchemas().ProblemDamage.shape, NESTED), ...problems.columns] },
    investments: {
      rows: investments.rows,
      columns: () => [...scalarColumns(resultSchemas().InvestmentResult.shape, NESTED), ...investments.columns],
    },
    sensitivity: sensitivityTable(result),
    breakEven: breakEvenTable(result.investments),
    portfolio: { rows: result.portfolio?.members ?? [], columns: PORTFOLIO_COLUMNS },
    ladder: { rows: result.portfolio?.ladder ?? [], columns: LADDER_COLUMNS },
    assumptions: assumptionsTable(result.assumptions),
  };
}

/** A one-row answer: the fields of its schema, but for lists and objects, form the default table `result`. */
export function singleView(
  json: { assumptions: Assumption[] },
  shape: () => object,
  extra: () => Record<string, Table> = () => ({}),
  row: () => { row: object; added: string[] } = () => ({ row: json, added: [] }),
): View {
  return {
    json,
    tables: () => {
      const { row: one, added } = row();
      const columns = () => [...scalarColumns(shape(), NESTED), ...added];
      return { result: { rows: [one], columns }, ...extra(), assumptions: assumptionsTable(json.assumptions) };
    },
  };
}

function cashFlowsTable(investment: Pick<InvestmentResult, 'cashFlows'>): Table {
  return { rows: investment.cashFlows, columns: CASH_FLOW_COLUMNS };
}
