// Draws from the three distributions an uncertain input may have, on [low, high] with mode `likely`.
import type { Uniform } from '../random.ts';

export type Distribution = 'pert' | 'triangular' | 'uniform';

/** A standard normal draw (Marsaglia's polar method). */
function normal(u: Uniform): number {
  for (;;) {
    const x = 2 * u() - 1;
    const y = 2 * u() - 1;
    const s = x * x + y * y;
    if (s > 0 && s < 1) return x * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** A Gamma(shape, 1) draw for shape ≥ 1 (Marsaglia and Tsang, 2000). */
function gamma(shape: number, u: Uniform): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x * x * x * x || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * One draw. PERT: low + (high − low)·Beta(α, β) with α = 1 + 4(likely − low)/(high − low), β = 1 + 4(high −
 * likely)/(high − low), the Beta from two Gamma draws; triangular by its inverse distribution function; uniform.
 * A range with low = high is that value.
 */
export function draw(distribution: Distribution, low: number, likely: number, high: number, u: Uniform): number {
  const width = high - low;
  if (width === 0) return low;
  switch (distribution) {
    case 'uniform':
      return low + width * u();
    case 'triangular': {
      const p = u();
      const split = (likely - low) / width;
      return p < split ? low + Math.sqrt(p * width * (likely - low)) : high - Math.sqrt((1 - p) * width * (high - likely));
    }
    case 'pert': {
      const x = gamma(1 + (4 * (likely - low)) / width, u);
      const y = gamma(1 + (4 * (high - likely)) / width, u);
      return low + (width * x) / (x + y);
    }
  }
}
