/** What the Worker is given by its configuration (wrangler.toml). */
export interface Bindings {
  /** Per-client rate limit (Workers' rate-limiting binding); absent where none is configured. */
  RATE_LIMITER?: { limit(options: { key: string }): Promise<{ success: boolean }> };
  /** The rate limit's period in seconds, for Retry-After. */
  RATE_LIMIT_PERIOD_SECONDS?: string;
}

export type AppEnv = { Bindings: Bindings };
