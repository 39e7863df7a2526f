import { describe, expect, it } from 'vitest';
import { applyEffects } from '../../src/model/effects.ts';
import type { ProblemState } from '../../src/model/damage.ts';

const state: ProblemState = {
  affected: 1000,
  complaintRate: 0.4,
  outcomes: { satisfied: 0.3, mollified: 0.3, dissatisfied: 0.4 },
  costPerComplaint: 20,
  loyalty: { baseline: 0.85, silent: 0.09, satisfied: 0.82, mollified: 0.54, dissatisfied: 0.19 },
};

describe('applyEffects (the method, Investment)', () => {
  it('applies each kind of effect', () => {
    const after = applyEffects(state, [
      {
        prevalenceReduction: 0.25,
        complaintRateMultiplier: 1.5,
        costPerComplaintReduction: 0.1,
        outcomes: { satisfied: 0.6, mollified: 0.3, dissatisfied: 0.1 },
      },
    ]);
    expect(after.affected).toBeCloseTo(750, 12);
    expect(after.complaintRate).toBeCloseTo(0.6, 12);
    expect(after.costPerComplaint).toBeCloseTo(18, 12);
    expect(after.outcomes).toEqual({ satisfied: 0.6, mollified: 0.3, dissatisfied: 0.1 });
    expect(after.loyalty).toBe(state.loyalty);
  });

  it('caps the complaint rate at 1', () => {
    expect(applyEffects(state, [{ complaintRateMultiplier: 5 }]).complaintRate).toBe(1);
  });

  it('composes several investments by multiplication; the outcome mix with the highest satisfied share holds', () => {
    const after = applyEffects(state, [
      { prevalenceReduction: 0.5, outcomes: { satisfied: 0.5, mollified: 0.3, dissatisfied: 0.2 } },
      { prevalenceReduction: 0.2, complaintRateMultiplier: 2, outcomes: { satisfied: 0.7, mollified: 0.2, dissatisfied: 0.1 } },
      { complaintRateMultiplier: 1.1, costPerComplaintReduction: 0.5, outcomes: { satisfied: 0.6, mollified: 0.4, dissatisfied: 0 } },
      { costPerComplaintReduction: 0.5 },
    ]);
    expect(after.affected).toBeCloseTo(1000 * 0.5 * 0.8, 12);
    expect(after.complaintRate).toBeCloseTo(0.4 * 2 * 1.1, 12);
    expect(after.costPerComplaint).toBeCloseTo(20 * 0.5 * 0.5, 12);
    expect(after.outcomes.satisfied).toBe(0.7);
  });

  it('leaves the state as it is with no effects', () => {
    expect(applyEffects(state, [])).toEqual(state);
  });
});
