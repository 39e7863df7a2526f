import type { BusinessCase, InvestmentResult } from '../model/business-case.ts';
import type { Assumption } from '../model/types.ts';
import { resultSchemas } from '../schemas/results.ts';
import type { Table, View } from './answer.ts';
import { noteText } from './words.ts';

// CSV columns are the JSON names, in the JSON order, so new fields only ever append columns.
const scalarColumns = (shape: object, nested: string[] = []) => Object.keys(shape).filter((k) => !nested.includes(k));

const ASSUMPTION_COLUMNS = ['field', 'value', 'source'];
const CASH_FLOW_COLUMNS = ['year', 'benefit', 'cost', 'net', 'discountFactor', 'presentValue'];

const assumptionsTable = (rows: readonly Assumption[]): Table => ({ rows, columns: ASSUMPTION_COLUMNS });

/** A business case whose input paths (its assumptions) are named as a flat request named its inputs. */
export function renamed(result: BusinessCase, rename: (path: string) => string): BusinessCase {
  return { ...result, assumptions: result.assumptions.map((a) => ({ ...a, field: rename(a.field) })) };
}

/** The answer as JSON: the model's codes in words. */
export function worded(result: BusinessCase) {
  const h = result.finance.horizonYears;
  return { ...result, investments: result.investments.map((inv) => ({ ...inv, notes: inv.notes.map((n) => noteText(n, h)) })) };
}

export function businessCaseView(result: BusinessCase): View {
  const json = worded(result);
  return {
    json,
    tables: {
      problems: { rows: result.problems, columns: () => scalarColumns(resultSchemas().ProblemDamage.shape) },
      investments: {
        rows: json.investments,
        columns: () => scalarColumns(resultSchemas().InvestmentResult.shape, ['byProblem', 'cashFlows']),
      },
      assumptions: assumptionsTable(result.assumptions),
    },
  };
}

/** A one-row answer: the fields of its schema, but for lists of objects, form the default table `result`. */
export function singleView(json: { assumptions: Assumption[] }, shape: () => object, extra: Record<string, Table> = {}): View {
  const columns = () => scalarColumns(shape(), ['assumptions', 'cashFlows']);
  return { json, tables: { result: { rows: [json], columns }, ...extra, assumptions: assumptionsTable(json.assumptions) } };
}

export function cashFlowsTable(investment: Pick<InvestmentResult, 'cashFlows'>): Table {
  return { rows: investment.cashFlows, columns: CASH_FLOW_COLUMNS };
}
