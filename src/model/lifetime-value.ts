import { MODEL_VERSION, OTHER } from './defaults.ts';
import { ModelError } from './errors.ts';
import type { AnnualFigures, Assumption, CustomerValueInput } from './types.ts';

/**
 * Customer lifetime value from annual figures (Gupta & Lehmann):
 * V = annualRevenue · grossMargin · r / (1 + d − r).
 */
export function lifetimeValue({ annualRevenue, grossMargin, retentionRate, discountRate }: AnnualFigures): number {
  const d = discountRate ?? OTHER.lifetimeValueDiscountRate.value;
  return (annualRevenue * grossMargin * retentionRate) / (1 + d - retentionRate);
}

/** The lifetime value a scenario gives, directly or through annual figures. */
export function customerLifetimeValue(cv: CustomerValueInput): number {
  if (cv.lifetimeValue !== undefined) return cv.lifetimeValue;
  const { annualRevenue, grossMargin, retentionRate, discountRate } = cv;
  // The schemas require either lifetimeValue or all three annual figures.
  const v = lifetimeValue({ annualRevenue: annualRevenue!, grossMargin: grossMargin!, retentionRate: retentionRate!, discountRate });
  if (!Number.isFinite(v)) throw new ModelError([{ path: 'customerValue', figures: ['lifetimeValue'], inputs: ['customerValue'] }]);
  return v;
}

/** Lifetime value from annual figures, with the figures used and the default it assumed, if any. */
export function lifetimeValueCase(figures: AnnualFigures) {
  const discountRate = figures.discountRate ?? OTHER.lifetimeValueDiscountRate.value;
  const value = lifetimeValue({ ...figures, discountRate });
  if (!Number.isFinite(value)) {
    throw new ModelError([{ path: 'annualRevenue', figures: ['lifetimeValue'], inputs: ['annualRevenue', 'grossMargin', 'retentionRate', 'discountRate'] }]);
  }
  const assumptions: Assumption[] =
    figures.discountRate === undefined ? [{ field: 'discountRate', value: discountRate, source: OTHER.lifetimeValueDiscountRate.source }] : [];
  return { lifetimeValue: value, ...figures, discountRate, modelVersion: MODEL_VERSION, assumptions };
}
