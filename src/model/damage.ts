import type { LoyaltyRates, Outcomes, WordOfMouth } from './types.ts';

/** One problem as the damage formula sees it: counts and rates already resolved. */
export interface ProblemState {
  affected: number;
  complaintRate: number;
  outcomes: Outcomes;
  costPerComplaint: number;
  loyalty: LoyaltyRates;
}

export interface DamageContext {
  lifetimeValue: number;
  newCustomerValue: number;
  wordOfMouth: WordOfMouth;
}

/** Every quantity of the damage of one problem, per year (the method, /method#damage). */
export interface Damage {
  affected: number;
  complainants: number;
  silent: number;
  satisfiedComplainants: number;
  mollifiedComplainants: number;
  dissatisfiedComplainants: number;
  customersLost: number;
  directRevenueAtRisk: number;
  negativeListeners: number;
  positiveListeners: number;
  prospectsLost: number;
  prospectsWon: number;
  wordOfMouthRevenueAtRisk: number;
  serviceCost: number;
  totalAnnualDamage: number;
}

/** Affected customers from whichever of the three ways the problem was stated. */
export function affectedCount(
  problem: { prevalence?: number; affectedCustomers?: number; complaintsPerYear?: number; complaintRate: number },
  customers: number,
): number {
  if (problem.prevalence !== undefined) return customers * problem.prevalence;
  if (problem.affectedCustomers !== undefined) return problem.affectedCustomers;
  return (problem.complaintsPerYear ?? 0) / problem.complaintRate;
}

export function damage(p: ProblemState, ctx: DamageContext): Damage {
  const { loyalty: L, outcomes } = p;
  const b = L.baseline;
  const W = ctx.wordOfMouth;

  const affected = p.affected;
  const complainants = affected * p.complaintRate;
  const silent = affected - complainants;
  const satisfiedComplainants = complainants * outcomes.satisfied;
  const mollifiedComplainants = complainants * outcomes.mollified;
  const dissatisfiedComplainants = complainants * outcomes.dissatisfied;

  const customersLost =
    silent * (b - L.silent) +
    satisfiedComplainants * (b - L.satisfied) +
    mollifiedComplainants * (b - L.mollified) +
    dissatisfiedComplainants * (b - L.dissatisfied);
  const directRevenueAtRisk = customersLost * ctx.lifetimeValue;

  const negativeListeners = (silent + dissatisfiedComplainants) * W.negativeTold;
  const positiveListeners = satisfiedComplainants * W.positiveTold;
  const prospectsLost = negativeListeners * W.negativeInfluence;
  const prospectsWon = positiveListeners * W.positiveInfluence;
  const wordOfMouthRevenueAtRisk = (prospectsLost - prospectsWon) * ctx.newCustomerValue;

  const serviceCost = complainants * p.costPerComplaint;
  const totalAnnualDamage = directRevenueAtRisk + wordOfMouthRevenueAtRisk + serviceCost;

  return {
    affected,
    complainants,
    silent,
    satisfiedComplainants,
    mollifiedComplainants,
    dissatisfiedComplainants,
    customersLost,
    directRevenueAtRisk,
    negativeListeners,
    positiveListeners,
    prospectsLost,
    prospectsWon,
    wordOfMouthRevenueAtRisk,
    serviceCost,
    totalAnnualDamage,
  };
}
