export interface ModelIssue {
  path: string;
  message: string;
}

/** Inputs the model cannot compute with: incomplete, or figures that overflow. */
export class ModelError extends Error {
  readonly issues: ModelIssue[];

  constructor(issues: ModelIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'ModelError';
    this.issues = issues;
  }
}

export const BEYOND_RANGE = 'exceeds the largest number that can be computed (about 1.8e308)';
