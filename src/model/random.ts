import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Uniform draws in [0, 1), 53 bits each. */
export type Uniform = () => number;

/**
 * A seeded generator of uniform draws: xoroshiro128+ (pure-rand), the same sequence for the same seed on every
 * runtime. Never Math.random: a simulated figure must be reproducible from its seed.
 */
export function seeded(seed: number): Uniform {
  const rng = xoroshiro128plus(seed >>> 0);
  return () => uniformFloat64(rng);
}
