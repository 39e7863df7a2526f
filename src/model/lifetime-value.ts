import { MODEL_VERSION, OTHER } from './defaults.ts';
import { ModelError } from './errors.ts';
import type { AnnualFigures, Assumption, CustomerValueInput } from './types.ts';

/**
 * Customer lifetime value from annual figures (Gupta & Lehmann): V = annualRevenue · grossMargin · r / (1 + d − r),
 * d the default when not given. The one place this rule and its default live.
 */
export function lifetimeValue({ annualRevenue, grossMargin, retentionRate, discountRate }: AnnualFigures): number {
  const d = discountRate ?? OTHER.lifetimeValueDiscountRate.value;
  return (annualRevenue * grossMargin * retentionRate) / (1 + d - retentionRate);
}

/** The lifetime value a scenario gives, directly or through annual figures (the schemas require one or the other). */
export function customerLifetimeValue(cv: CustomerValueInput, path = 'customerValue', inputs = ['customerValue']): number {
  if (cv.lifetimeValue !== undefined) return cv.lifetimeValue;
  const v = lifetimeValue(cv as AnnualFigures);
  if (!Number.isFinite(v)) throw new ModelError([{ path, figures: ['lifetimeValue'], inputs }]);
  return v;
}

/** Lifetime value from annual figures, with the figures used and the default it assumed, if any. */
export function lifetimeValueCase(figures: AnnualFigures) {
  const value = customerLifetimeValue(figures, 'annualRevenue', ['annualRevenue', 'grossMargin', 'retentionRate', 'discountRate']);
  const discountRate = figures.discountRate ?? OTHER.lifetimeValueDiscountRate.value;
  const assumptions: Assumption[] =
    figures.discountRate === undefined ? [{ field: 'discountRate', value: discountRate, source: OTHER.lifetimeValueDiscountRate.source }] : [];
  return { lifetimeValue: value, ...figures, discountRate, modelVersion: MODEL_VERSION, assumptions };
}
