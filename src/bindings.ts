/** What the Worker is given by its configuration: `Env`, generated from wrangler.toml by `npm run types`. */
export type AppEnv = { Bindings: Env };
