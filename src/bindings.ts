/**
 * What the Worker is given by its configuration (`Env`, generated from wrangler.toml by `npm run types`), and what a
 * request carries between middleware and handler: its JSON body, parsed once; for an edit of a saved case, the
 * access its edit key gave; for a saved case's answer, the version its ETag names.
 */
export type AppEnv = {
  Bindings: Env;
  Variables: { json: unknown; caseAccess: { expected: number | null; editKeyHash: string }; etag: { id: string; version: number } };
};
