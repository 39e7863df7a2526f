// Each distribution's draws against its closed-form distribution function (Kolmogorov–Smirnov), the PERT's through
// the regularized incomplete beta function, written here independently of the sampler.
import { describe, expect, it } from 'vitest';
import { seeded } from '../../src/model/random.ts';
import { type Distribution, draw } from '../../src/model/uncertainty/distributions.ts';

/** ln Γ(x), Lanczos (g = 7, n = 9). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularized incomplete beta I_x(a, b), by its continued fraction (modified Lentz). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 400; i++) {
    const m = Math.floor(i / 2);
    let numerator: number;
    if (i === 0) numerator = 1;
    else if (i % 2 === 0) numerator = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    else numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + numerator * d;
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    c = 1 + numerator / c;
    c = Math.abs(c) < tiny ? tiny : c;
    const cd = c * d;
    f *= cd;
    if (Math.abs(1 - cd) < 1e-14) break;
  }
  return front * (f - 1);
}

function cdf(distribution: Distribution, a: number, m: number, c: number): (x: number) => number {
  const w = c - a;
  switch (distribution) {
    case 'uniform':
      return (x) => Math.min(1, Math.max(0, (x - a) / w));
    case 'triangular':
      return (x) => (x <= a ? 0 : x >= c ? 1 : x <= m ? ((x - a) * (x - a)) / (w * (m - a)) : 1 - ((c - x) * (c - x)) / (w * (c - m)));
    case 'pert': {
      const alpha = 1 + (4 * (m - a)) / w;
      const beta = 1 + (4 * (c - m)) / w;
      return (x) => incompleteBeta((x - a) / w, alpha, beta);
    }
  }
}

/** The Kolmogorov–Smirnov statistic: the largest gap between the draws' empirical distribution and F. */
function ks(draws: number[], F: (x: number) => number): number {
  const sorted = [...draws].sort((p, q) => p - q);
  const n = sorted.length;
  let d = 0;
  sorted.forEach((x, i) => {
    const f = F(x);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  });
  return d;
}

const N = 20_000;
/** The 0.1% critical value of the KS statistic for N draws: a correct sampler fails one seed in a thousand. */
const CRITICAL = 1.95 / Math.sqrt(N);

describe('draws', () => {
  const ranges: [number, number, number][] = [
    [0, 0.3, 1],
    [100, 150, 400],
    [0.2, 0.2, 0.9],
    [5, 9, 9],
  ];
  for (const distribution of ['pert', 'triangular', 'uniform'] as const) {
    for (const [a, m, c] of ranges) {
      it(`${distribution}(${a}, ${m}, ${c}) follows its distribution function`, () => {
        const u = seeded(20261126);
        const draws = Array.from({ length: N }, () => draw(distribution, a, m, c, u));
        expect(Math.min(...draws)).toBeGreaterThanOrEqual(a);
        expect(Math.max(...draws)).toBeLessThanOrEqual(c);
        expect(ks(draws, cdf(distribution, a, m, c))).toBeLessThan(CRITICAL);
      });
    }
  }

  it('a PERT of the wrong shape fails the same test', () => {
    const u = seeded(7);
    const draws = Array.from({ length: N }, () => draw('pert', 0, 0.3, 1, u));
    expect(ks(draws, cdf('pert', 0, 0.5, 1))).toBeGreaterThan(CRITICAL);
    expect(ks(draws, cdf('triangular', 0, 0.3, 1))).toBeGreaterThan(CRITICAL);
  });

  it('the incomplete beta is right where it has a closed form', () => {
    // I_x(1, b) = 1 − (1 − x)^b; I_x(a, 1) = x^a; I_x(2, 2) = 3x² − 2x³
    expect(incompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 12);
    expect(incompleteBeta(0.6, 3, 1)).toBeCloseTo(0.6 ** 3, 12);
    expect(incompleteBeta(0.25, 2, 2)).toBeCloseTo(3 * 0.0625 - 2 * 0.015625, 12);
  });

  it('a range with low = high is that value', () => {
    const u = seeded(1);
    for (const d of ['pert', 'triangular', 'uniform'] as const) expect(draw(d, 4, 4, 4, u)).toBe(4);
  });
});

describe('the seeded generator', () => {
  it('gives the same draws for the same seed, other draws for another, all in [0, 1)', () => {
    const take = (seed: number) => {
      const u = seeded(seed);
      return Array.from({ length: 1000 }, () => u());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    for (const x of take(2 ** 32 - 1)) expect(x >= 0 && x < 1).toBe(true);
  });
});
