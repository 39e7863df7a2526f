// Break-even: for each investment, the value of one input at which its npv is 0, the others as given. npv is affine
// in every such input but the complaint-rate multiplier, where it is piecewise affine; each is solved directly from
// a few evaluations of the damage of the investment's own problems, never by searching the whole catalogue.
import { damage, type Damage, type DamageContext } from '../damage.ts';
import { applyEffects } from '../effects.ts';
import type { InvestmentFigures } from '../evaluate.ts';
import type { Resolved } from '../resolve.ts';
import type { Effects } from '../types.ts';

/** The value of one input at which the investment's npv is 0; null where none lies in the input's legal range. */
export interface BreakEven {
  field: string;
  value: number;
  breakEven: number | null;
}

/** A root of a + slope·x, within [lo, hi]; null where there is none (a constant that is not 0 has none). */
function root(value: number, at: number, slope: number, lo: number, hi: number): number | null {
  if (value === 0) return at;
  if (slope === 0) return null;
  const x = at - value / slope;
  if (!Number.isFinite(x)) return null;
  // A root at an end of the range, computed as at − value/slope, may land a rounding error outside it: it is the end.
  const slack = 1e-12 * Math.max(Math.abs(at), Math.abs(value / slope), Number.isFinite(hi) ? Math.abs(hi) : 0);
  if (x < lo) return x >= lo - slack ? lo : null;
  if (x > hi) return x <= hi + slack ? hi : null;
  return x;
}

const EFFECT_SCALARS = ['prevalenceReduction', 'complaintRateMultiplier', 'costPerComplaintReduction'] as const;

/**
 * The break-even of each of the investment's given effect scalars, its upfront and annual costs, and the lifetime
 * value where it was given as such, in that order. `problems` are the damages before any investment.
 */
export function breakEvens(r: Resolved, k: number, f: InvestmentFigures, problems: readonly Damage[]): BreakEven[] {
  const inv = r.investments[k]!;
  const ctx: DamageContext = { lifetimeValue: r.lifetimeValue, newCustomerValue: r.newCustomerValue, wordOfMouth: r.wordOfMouth };
  // The annuity factor, and the pv of the benefits per unit of annual benefit: risk-adjusted, ramped, discounted.
  let annuity = 0;
  let ramped = 0;
  for (let t = 1; t < f.years.length; t++) {
    const factor = f.years[t]!.discountFactor;
    annuity += factor;
    ramped += inv.ramp[t - 1]! * factor;
  }
  const K = (1 - r.finance.riskAdjustment) * ramped;
  let before = 0;
  for (const p of f.byProblem) before += p.damageBefore;
  const npvAt = (benefit: number) => K * benefit - f.pvCosts;
  /** The damage of each targeted problem with these effects; with none, as it is. */
  const afterWith = (effects: Effects) =>
    Object.keys(effects).length === 0
      ? inv.targets.map((i) => problems[i]!)
      : inv.targets.map((i) => damage(applyEffects(r.problems[i]!, [effects]), ctx));
  const sum = (list: readonly Damage[], key: keyof Damage) => list.reduce((s, d) => s + d[key], 0);
  const out: BreakEven[] = [];
  const path = `investments[${k}]`;

  for (const name of EFFECT_SCALARS) {
    const value = inv.effects[name];
    if (value === undefined) continue;
    const field = `${path}.effects.${name}`;
    const { [name]: _left, ...others } = inv.effects;
    if (name === 'prevalenceReduction') {
      // Damage is proportional to the affected count: after(p) = (1 − p) · A.
      const A = sum(afterWith(others), 'totalAnnualDamage');
      // npv(p) = K·(before − (1 − p)·A) − pvCosts, affine in p with slope K·A.
      out.push({ field, value, breakEven: K === 0 ? root(-f.pvCosts, value, 0, 0, 1) : root(npvAt(before - (1 - value) * A), value, K * A, 0, 1) });
    } else if (name === 'costPerComplaintReduction') {
      // after(c) = X + (1 − c)·S, S the handling cost with no reduction.
      const base = afterWith(others);
      const S = sum(base, 'serviceCost');
      const X = sum(base, 'totalAnnualDamage') - S;
      out.push({ field, value, breakEven: root(npvAt(before - X - (1 - value) * S), value, K * S, 0, 1) });
    } else {
      out.push({ field, value, breakEven: multiplierBreakEven(r, inv.targets, others, ctx, before, K, f.pvCosts) });
    }
  }
  // npv = pvBenefits − upfront − annual·annuity: each cost's root from the other terms directly, not as the cost plus
  // npv, which would lose the digits that large costs and a small difference share.
  const inRange = (x: number) => (Number.isFinite(x) && x >= 0 ? x : null);
  const upfrontRoot = f.pvBenefits - inv.annual * annuity;
  out.push({ field: `${path}.cost.upfront`, value: inv.upfront, breakEven: inRange(upfrontRoot) });
  // The annuity is positive: a horizon of at least a year, discounted at a finite rate.
  out.push({ field: `${path}.cost.annual`, value: inv.annual, breakEven: inRange((f.pvBenefits - inv.upfront) / annuity) });
  if (r.lifetimeValueGiven) {
    // Damage is V·customersLost + V′·(prospectsLost − prospectsWon) + serviceCost, V′ = V unless given.
    const after = f.after;
    const lost = inv.targets.reduce((s, i) => s + problems[i]!.customersLost, 0) - sum(after, 'customersLost');
    const prospectsOf = (list: readonly Damage[]) => list.reduce((s, d) => s + d.prospectsLost - d.prospectsWon, 0);
    const prospects = prospectsOf(inv.targets.map((i) => problems[i]!)) - prospectsOf(after);
    const slope = K * (lost + (r.newCustomerValueFollows ? prospects : 0));
    out.push({
      field: 'customerValue.lifetimeValue',
      value: r.lifetimeValue,
      breakEven: root(f.npv, r.lifetimeValue, slope, 0, Number.POSITIVE_INFINITY),
    });
  }
  return out;
}

/**
 * The complaint-rate multiplier m at which npv is 0, the smallest in [0, ∞). Each problem's damage after is affine in
 * its complaint rate, which is min(rate·m, 1): npv is affine in m between the kinks 1/rate, found in order.
 */
function multiplierBreakEven(
  r: Resolved,
  targets: readonly number[],
  others: Effects,
  ctx: DamageContext,
  before: number,
  K: number,
  pvCosts: number,
): number | null {
  const parts = targets.map((i) => {
    const state = applyEffects(r.problems[i]!, [others]);
    const alpha = damage({ ...state, complaintRate: 0 }, ctx).totalAnnualDamage;
    const beta = damage({ ...state, complaintRate: 1 }, ctx).totalAnnualDamage - alpha;
    return { rate: state.complaintRate, alpha, beta, kink: 1 / state.complaintRate };
  });
  parts.sort((a, b) => a.kink - b.kink);
  // Between kinks j − 1 and j, problems 0 … j − 1 are capped at rate 1 and the others still scale with m:
  //   npv(m) = K·(before − Σ α − Σ_{capped} β − m·Σ_{uncapped} β·rate) − pvCosts
  // The slope's sums run from the last problem back, so that past the last kink the slope is exactly 0 and rounding
  // cannot make a root there.
  const alphas = parts.reduce((s, p) => s + p.alpha, 0);
  const uncapped = new Float64Array(parts.length + 1); // uncapped[j] = Σ_{q ≥ j} β·rate; uncapped[n] = 0 exactly
  for (let q = parts.length - 1; q >= 0; q--) uncapped[q] = uncapped[q + 1]! + parts[q]!.beta * parts[q]!.rate;
  let capped = 0;
  for (let j = 0; j <= parts.length; j++) {
    const lo = j === 0 ? 0 : parts[j - 1]!.kink;
    const hi = j < parts.length ? parts[j]!.kink : Number.POSITIVE_INFINITY;
    if (j > 0) capped += parts[j - 1]!.beta;
    const scaling = uncapped[j]!;
    const constant = before - alphas - capped;
    const found = root(K * (constant - scaling * lo) - pvCosts, lo, -K * scaling, lo, hi);
    if (found !== null) return found;
  }
  return null;
}
