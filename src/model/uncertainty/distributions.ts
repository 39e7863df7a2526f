// Draws from the three distributions an uncertain input may have, on [low, high] with mode `likely`.
import type { Uniform } from '../random.ts';
import type { Distribution } from '../types.ts';

export type { Distribution } from '../types.ts';

/** Uniform and standard normal draws from one seeded generator, in the order they are asked for. */
export class Stream {
  readonly uniform: Uniform;
  /** The polar method makes normals in pairs: the second waits here for the next call. */
  private spare = Number.NaN;

  constructor(uniform: Uniform) {
    this.uniform = uniform;
  }

  /** A standard normal draw (Marsaglia's polar method). */
  normal(): number {
    const spare = this.spare;
    if (!Number.isNaN(spare)) {
      this.spare = Number.NaN;
      return spare;
    }
    const u = this.uniform;
    for (;;) {
      const x = 2 * u() - 1;
      const y = 2 * u() - 1;
      const s = x * x + y * y;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = y * f;
        return x * f;
      }
    }
  }
}

/** A Gamma(shape, 1) draw for shape ≥ 1 (Marsaglia and Tsang, 2000), with d = shape − 1/3 and c = 1/√(9d). */
function gamma(d: number, c: number, s: Stream): number {
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = s.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = s.uniform();
    if (w < 1 - 0.0331 * x * x * x * x || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * One draw. PERT: low + (high − low)·Beta(α, β) with α = 1 + 4(likely − low)/(high − low), β = 1 + 4(high −
 * likely)/(high − low), the Beta from two Gamma draws; triangular by its inverse distribution function; uniform.
 * A range with low = high is that value.
 */
export function draw(distribution: Distribution, low: number, likely: number, high: number, u: Uniform): number {
  return sampler(distribution, low, likely, high)(new Stream(u));
}

/** Draws of one distribution, its constants worked out once. */
export function sampler(distribution: Distribution, low: number, likely: number, high: number): (s: Stream) => number {
  const width = high - low;
  if (width === 0) return () => low;
  switch (distribution) {
    case 'uniform':
      return (s) => low + width * s.uniform();
    case 'triangular': {
      const split = (likely - low) / width;
      const left = width * (likely - low);
      const right = width * (high - likely);
      // Ranges wider than about 1e154 overflow those products: their draws are taken by the width's square root.
      if (!Number.isFinite(left) || !Number.isFinite(right)) {
        return (s) => {
          const p = s.uniform();
          return p < split ? low + width * Math.sqrt(p * split) : high - width * Math.sqrt((1 - p) * (1 - split));
        };
      }
      return (s) => {
        const p = s.uniform();
        return p < split ? low + Math.sqrt(p * left) : high - Math.sqrt((1 - p) * right);
      };
    }
    case 'pert': {
      const dx = 1 + (4 * (likely - low)) / width - 1 / 3;
      const dy = 1 + (4 * (high - likely)) / width - 1 / 3;
      const cx = 1 / Math.sqrt(9 * dx);
      const cy = 1 / Math.sqrt(9 * dy);
      return (s) => {
        const x = gamma(dx, cx, s);
        const y = gamma(dy, cy, s);
        return low + (width * x) / (x + y);
      };
    }
  }
}
