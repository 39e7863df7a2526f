// The words for what the model says in codes: notes on investments and figures that cannot be computed.
import type { InvestmentNote } from '../model/business-case.ts';
import type { ModelIssue } from '../model/errors.ts';

const NOTES: Record<InvestmentNote, (horizonYears: number) => string> = {
  roiNull: () => 'roi is null: the investment costs nothing, so a return on cost cannot be stated.',
  paybackNull: (h) => `paybackMonths is null: the investment does not pay back within the ${h}-year horizon.`,
  irrNull: () => 'irr is null: its yearly flows do not change sign exactly once, so no single rate of return describes them.',
  notRecommended: () => 'Not recommended: its costs outweigh its benefits over the horizon (npv < 0).',
};

export function noteText(note: InvestmentNote, horizonYears: number): string {
  return NOTES[note](horizonYears);
}

const BEYOND_RANGE = 'exceeds the largest number that can be computed (about 1.8e308)';

/** One figure that cannot be computed, in words; `rename` names the inputs as the request named them. */
export function issueText(issue: ModelIssue, rename: (path: string) => string = (p) => p): string {
  const figures = issue.figures.join(', ');
  if (issue.total) return `the total of ${figures} ${BEYOND_RANGE}.`;
  const inputs = [...new Set(issue.inputs.map(rename))];
  const from = inputs.length > 1 ? `${inputs.slice(0, -1).join(', ')} and ${inputs.at(-1)}` : inputs[0];
  return `${figures} ${BEYOND_RANGE}; it comes from ${from}.`;
}
