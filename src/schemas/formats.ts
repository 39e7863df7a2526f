/** The formats every answer can be had in: JSON, CSV and TSV tables, and one bare value as text. */
export const FORMATS = ['json', 'csv', 'tsv', 'txt'] as const;
export type Format = (typeof FORMATS)[number];
