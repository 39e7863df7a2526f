import type { ProblemState } from './damage.ts';
import type { Effects } from './types.ts';

/**
 * A problem's state with one or more investments' effects applied (the method, /method#investment). The affected count is
 * already fixed from the problem's own inputs. Reductions and multipliers compose by multiplication; of
 * several outcome mixes the one with the highest satisfied share holds (the first, on a tie).
 */
export function applyEffects(state: ProblemState, effects: readonly Effects[]): ProblemState {
  let affected = state.affected;
  let complaintRate = state.complaintRate;
  let costPerComplaint = state.costPerComplaint;
  let outcomes = state.outcomes;
  let replaced = false;
  for (const e of effects) {
    if (e.prevalenceReduction !== undefined) affected *= 1 - e.prevalenceReduction;
    if (e.complaintRateMultiplier !== undefined) complaintRate *= e.complaintRateMultiplier;
    if (e.costPerComplaintReduction !== undefined) costPerComplaint *= 1 - e.costPerComplaintReduction;
    if (e.outcomes !== undefined && (!replaced || e.outcomes.satisfied > outcomes.satisfied)) {
      outcomes = e.outcomes;
      replaced = true;
    }
  }
  return { ...state, affected, complaintRate: Math.min(complaintRate, 1), costPerComplaint, outcomes };
}
