/**
 * What the Worker is given by its configuration (`Env`, generated from wrangler.toml by `npm run types`), and what a
 * request carries between middleware and handler: its JSON body, parsed once.
 */
export type AppEnv = { Bindings: Env; Variables: { json: unknown } };
