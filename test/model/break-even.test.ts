import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/model/types.ts';
import { runs, scenario } from '../arbitraries.ts';
import { businessCase } from '../../src/model/business-case.ts';
import { irr } from '../../src/model/finance.ts';
import { workedExample } from '../../src/schemas/examples.ts';

describe('irr', () => {
  it('solves −100, 60, 60 as the quadratic does: 13.066%', () => {
    // −100 + 60x + 60x² = 0 with x = 1/(1 + r): x = (−60 + √27600) / 120
    const x = (-60 + Math.sqrt(27600)) / 120;
    expect(irr([-100, 60, 60])).toBeCloseTo(1 / x - 1, 12);
    expect(irr([-100, 60, 60])).toBeCloseTo(0.13066, 5);
  });

  it('is null when the flows change sign more or less than once', () => {
    expect(irr([-100, 230, -132])).toBeNull();
    expect(irr([100, 60, 60])).toBeNull();
    expect(irr([0, 0, 0])).toBeNull();
    expect(irr([-100, 0, 121])).toBeCloseTo(0.1, 12);
    expect(irr([0, -100, 110])).toBeCloseTo(0.1, 12);
  });
});

describe('the worked example’s break-even and irr', () => {
  const result = businessCase(workedExample);
  const fix = result.investments.find((i) => i.id === 'fix-billing')!;
  const at = (field: string) => fix.breakEven.find((b) => b.field === field)!;

  it('matches the figures of the method', () => {
    expect(fix.irr).toBeCloseTo(8.5901, 4);
    expect(fix.breakEven.map((b) => b.field)).toEqual([
      'investments[0].effects.prevalenceReduction',
      'investments[0].cost.upfront',
      'investments[0].cost.annual',
      'customerValue.lifetimeValue',
    ]);
    expect(at('investments[0].effects.prevalenceReduction')).toMatchObject({ value: 0.6 });
    expect(at('investments[0].effects.prevalenceReduction').breakEven).toBeCloseTo(0.041054, 6);
    expect(at('investments[0].cost.upfront').breakEven).toBeCloseTo(5346632.31, 2);
    expect(at('investments[0].cost.annual').breakEven).toBeCloseTo(2099431.3, 2);
    expect(at('customerValue.lifetimeValue').breakEven).toBeCloseTo(28.6583, 4);
  });

  it('puts npv at 0, checked by computing the case again at each break-even', () => {
    for (const b of fix.breakEven) {
      const s = structuredClone(workedExample) as unknown as Record<string, any>;
      const path = b.field.replace(/\[(\d+)\]/g, '.$1').split('.');
      let node = s;
      for (const step of path.slice(0, -1)) node = node[step] ??= {};
      node[path.at(-1)!] = b.breakEven;
      const again = businessCase(s as typeof workedExample).investments.find((i) => i.id === 'fix-billing')!;
      expect(Math.abs(again.npv), b.field).toBeLessThan(1e-6 * 5096632);
    }
  });
});

describe('break-even on generated scenarios', () => {
  /** Investment k's figures with one input set to x, computed again from the whole scenario. */
  function figuresWith(s: ScenarioInput, field: string, x: number, k: number) {
    const copy = structuredClone(s) as unknown as Record<string, any>;
    const path = field.replace(/\[(\d+)\]/g, '.$1').split('.');
    let node = copy;
    for (const step of path.slice(0, -1)) node = node[step] ??= {};
    node[path.at(-1)!] = x;
    const id = s.investments![k]!.id;
    return businessCase(copy as ScenarioInput).investments.find((i) => i.id === id)!;
  }
  const npvWith = (s: ScenarioInput, field: string, x: number, k: number) => figuresWith(s, field, x, k).npv;

  it('puts npv at 0 where it gives a value, and finds no root in the legal range where it gives none', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = businessCase(s);
        s.investments?.forEach((inv, k) => {
          const figures = result.investments.find((i) => i.id === inv.id)!;
          for (const b of figures.breakEven) {
            expect(b.field.startsWith(`investments[${k}].`) || b.field === 'customerValue.lifetimeValue').toBe(true);
            if (b.breakEven !== null) {
              // npv is a difference of terms as large as the damage it compares: rounding is relative to them.
              const again = figuresWith(s, b.field, b.breakEven, k);
              const terms = again.byProblem.reduce((sum, p) => sum + Math.abs(p.damageBefore) + Math.abs(p.damageAfter), 0);
              const scale = Math.max(again.pvCosts, again.pvBenefits, terms * again.cashFlows.length, 1);
              expect(Math.abs(again.npv), b.field).toBeLessThan(1e-9 * scale);
              continue;
            }
            // No root: npv keeps one sign over a grid of the legal range.
            const share = /prevalenceReduction|costPerComplaintReduction/.test(b.field);
            const grid = share ? [0, 0.25, 0.5, 0.75, 1] : [0, 0.5, 1, 2, 10, 1e3, 1e6].map((m) => m * Math.max(b.value, 1));
            const signs = new Set(grid.map((x) => Math.sign(npvWith(s, b.field, x, k))).filter((sign) => sign !== 0));
            expect(signs.size, `${b.field} has no break-even, yet npv changes sign`).toBeLessThanOrEqual(1);
          }
        });
      }),
      runs(),
    );
  });
});
