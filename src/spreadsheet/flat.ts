// A flat request (query parameters) as a validated scenario, and the model run with errors named as the request
// named its inputs.
import type { z } from '@hono/zod-openapi';
import { ModelError, type ModelIssue } from '../model/errors.ts';
import type { UncertainScenario } from '../model/types.ts';
import { fieldErrors } from '../present/field-errors.ts';
import { invalidInput, uncomputable, type FieldError } from '../present/problem.ts';
import { scenarioSchemas } from '../schemas/scenario.ts';

export function renameErrors(errors: FieldError[], rename: (path: string) => string): FieldError[] {
  return errors.map((e) => ({ ...e, path: rename(e.path) }));
}

/** Validates a candidate against `schema` (the scenario's, by default); its errors name what `rename` makes of each path. */
export function parseFlat<T = UncertainScenario>(
  candidate: unknown,
  rename: (path: string) => string,
  schema: z.ZodType<T> = scenarioSchemas().Scenario as unknown as z.ZodType<T>,
): T {
  const result = schema.safeParse(candidate);
  if (!result.success) throw invalidInput(renameErrors(fieldErrors(result.error), rename));
  return result.data;
}

/**
 * Runs the model, naming parameters instead of scenario paths should its figures not be computable. On a route whose
 * one problem or investment is given by parameters, a figure of that item is named by the parameters it comes from.
 */
export function withNames<T>(rename: (path: string) => string, run: () => T): T {
  const where = (issue: ModelIssue) =>
    /^(problems|investments)\[0\]$/.test(issue.path) && rename(issue.path) !== issue.path
      ? [...new Set(issue.inputs.map(rename))].join('/')
      : rename(issue.path);
  try {
    return run();
  } catch (e) {
    if (e instanceof ModelError) throw uncomputable(e, rename, where);
    throw e;
  }
}
