import { MODEL_VERSION, OTHER } from './defaults.ts';
import { BEYOND_RANGE, ModelError } from './errors.ts';
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
  if (annualRevenue === undefined || grossMargin === undefined || retentionRate === undefined) {
    throw new ModelError([
      { path: 'customerValue', message: 'give either lifetimeValue, or annualRevenue, grossMargin and retentionRate' },
    ]);
  }
  const v = lifetimeValue({ annualRevenue, grossMargin, retentionRate, discountRate });
  if (!Number.isFinite(v)) throw new ModelError([{ path: 'customerValue', message: `the lifetime value from these figures ${BEYOND_RANGE}` }]);
  return v;
}

/** Lifetime value from annual figures, with the figures used and the default it assumed, if any. */
export function lifetimeValueCase(figures: AnnualFigures) {
  const discountRate = figures.discountRate ?? OTHER.lifetimeValueDiscountRate.value;
  const value = lifetimeValue({ ...figures, discountRate });
  if (!Number.isFinite(value)) throw new ModelError([{ path: 'annualRevenue', message: `the lifetime value from these figures ${BEYOND_RANGE}` }]);
  const assumptions: Assumption[] =
    figures.discountRate === undefined ? [{ field: 'discountRate', value: discountRate, source: OTHER.lifetimeValueDiscountRate.source }] : [];
  return { lifetimeValue: value, ...figures, discountRate, modelVersion: MODEL_VERSION, assumptions };
}
