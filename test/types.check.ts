// Compile-time checks, run by `npm run typecheck`: the model's plain types and the published schemas describe the
// same values, so a field added to one and not the other fails the build.
import type { z } from '@hono/zod-openapi';
import type { BusinessCase } from '../src/model/business-case.ts';
import type { AnnualFigures, Uncertain, UncertainScenario } from '../src/model/types.ts';
import type { worded } from '../src/present/views.ts';
import type { resultSchemas } from '../src/schemas/results.ts';
import type { scenarioSchemas } from '../src/schemas/scenario.ts';

/** True only when A and B are the same type. */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

type Results = ReturnType<typeof resultSchemas>;
type Schemas = ReturnType<typeof scenarioSchemas>;

export type Checks = [
  Assert<Equals<z.output<Schemas['Scenario']>, UncertainScenario>>,
  Assert<
    Equals<
      Required<Pick<z.output<Schemas['CustomerValue']>, 'annualRevenue' | 'grossMargin' | 'retentionRate'>>,
      Omit<AnnualFigures<Uncertain>, 'discountRate'>
    >
  >,
  Assert<Equals<z.output<Results['BusinessCase']>, ReturnType<typeof worded>>>,
  Assert<Equals<Omit<z.output<Results['BusinessCase']>, 'investments'>, Omit<BusinessCase, 'investments'>>>,
];
