/**
 * Figures that cannot be computed from valid inputs: `figures` would pass the largest number a double holds
 * (about 1.8e308). `inputs` are the input paths they come from; `total` marks a sum over problems.
 */
export interface ModelIssue {
  path: string;
  figures: string[];
  inputs: string[];
  total?: boolean;
}

/** Inputs the model cannot compute with: figures that overflow. The words for it are the presentation's. */
export class ModelError extends Error {
  readonly issues: ModelIssue[];

  constructor(issues: ModelIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.figures.join(', ')} out of range`).join('; '));
    this.name = 'ModelError';
    this.issues = issues;
  }
}
