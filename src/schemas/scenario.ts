import { z } from '@hono/zod-openapi';
import { FINANCE, LIMITS, LOYALTY, maxSamples, OTHER, SENSITIVITY, SIMULATION, WORD_OF_MOUTH } from '../model/defaults.ts';
import { hasRanges, likelyOf } from '../model/uncertainty/inputs.ts';
import type { Uncertain, UncertainScenario } from '../model/types.ts';
import { baseSchemas, rule, shown, uniqueIds } from './common.ts';
import { once } from './once.ts';
import { portfolioExample, rangedExample, sensitivityExample, subscriptionExample, workedExample } from './examples.ts';

const defaultNote = (d: { value: unknown; source: string }) => `Default ${JSON.stringify(d.value)} (${d.source}).`;

/** The lowest and highest value an input as sent may take: a number's own, a range's ends. */
const lowest = (v: Uncertain) => (typeof v === 'number' ? v : v.low);
const highest = (v: Uncertain) => (typeof v === 'number' ? v : v.high);
/** Where a rule about an input's highest (or lowest) value is broken: the input, or its range's end. */
const end = (v: Uncertain, which: 'low' | 'high') => (typeof v === 'number' ? [] : [which]);
/** A range's ends, as an error message shows the worst case. */
const atEnd = (v: Uncertain, which: 'low' | 'high') => (typeof v === 'number' ? '' : ` at the ${which} end of its range`);

/** A portfolio's ids name investments, none in both lists, and what must be in fits the budget (at likely costs). */
function portfolioRules(s: UncertainScenario, ctx: z.RefinementCtx): void {
  const portfolio = s.portfolio!;
  const investments = s.investments ?? [];
  const byId = new Map(investments.map((inv) => [inv.id, inv]));
  const included = new Set(portfolio.include ?? []);
  for (const list of ['include', 'exclude'] as const) {
    const seen = new Set<string>();
    (portfolio[list] ?? []).forEach((id, j) => {
      const at = ['portfolio', list, j];
      if (!byId.has(id)) ctx.addIssue({ code: 'custom', path: at, message: `names no investment of this scenario ("${id}")` });
      else if (seen.has(id)) ctx.addIssue({ code: 'custom', path: at, message: `names "${id}" twice` });
      else if (list === 'exclude' && included.has(id)) ctx.addIssue({ code: 'custom', path: at, message: `names "${id}", which include names too` });
      seen.add(id);
    });
  }
  const budget = portfolio.budget ?? {};
  for (const part of ['upfront', 'annual'] as const) {
    const cap = budget[part];
    // A cap that breaks its own rule is said so once, where it is.
    if (cap === undefined || !(cap >= 0)) continue;
    let sum = 0;
    for (const id of [...included].filter((x) => byId.has(x))) sum += likelyOf(byId.get(id)!.cost[part] ?? 0);
    if (sum > cap * (1 + 1e-9)) {
      ctx.addIssue({
        code: 'custom',
        path: ['portfolio', 'include'],
        message: `costs ${Number(sum.toPrecision(12))} ${part === 'upfront' ? 'upfront' : 'a year'} together, more than budget.${part} (${cap})`,
      });
    }
  }
}

const RANGE_NOTE =
  'A number, or a range `{low, likely, high, distribution?}` (each end obeying the same rule, low ≤ likely ≤ high; distribution pert, the default, triangular or uniform): figures use likely; a simulation draws from the range.';

/**
 * The scenario and its parts, the public contract of a request body, made on first use (see once.ts): validation,
 * the OpenAPI document and the model's types all come from these.
 */
/** The limits of a saved case: its title, and the body that saves it. */
export const CASE_LIMITS = { titleLength: LIMITS.nameLength, bodyBytes: 256 * 1024 } as const;

export const scenarioSchemas = once(() => {
  const { Id, Name, Money: Amount, Share: ShareValue, ComplaintRate: ComplaintRateValue, RiskAdjustment: RiskAdjustmentValue } = baseSchemas();

  /** A range whose three values each obey `rule`, in order. */
  const rangeOf = (rule: z.ZodNumber, id: string, what: string) =>
    z
      .strictObject({
        low: rule.meta({ description: 'The lowest plausible value' }),
        likely: rule.meta({ description: 'The most likely value: every deterministic figure uses it' }),
        high: rule.meta({ description: 'The highest plausible value' }),
        distribution: z
          .enum(['pert', 'triangular', 'uniform'])
          .optional()
          .meta({ description: 'How a simulation draws the value: pert (the default; Beta-PERT), triangular or uniform' }),
      })
      .superRefine((r, ctx) => {
        // A likely value that breaks the rule is said so once; the ends are not measured against it.
        if (!rule.safeParse(r.likely).success) return;
        if (r.low > r.likely) ctx.addIssue({ code: 'custom', path: ['low'], message: `must be at most likely (${r.likely}) (got ${r.low})` });
        if (r.high < r.likely) ctx.addIssue({ code: 'custom', path: ['high'], message: `must be at least likely (${r.likely}) (got ${r.high})` });
      })
      .meta({ id, description: `An uncertain ${what}: three-point estimate, each value obeying the input's rule, low ≤ likely ≤ high.` });

  const ranges = {
    Share: rangeOf(ShareValue, 'ShareRange', 'share, each value in [0, 1]'),
    Amount: rangeOf(Amount, 'AmountRange', 'amount, each value ≥ 0'),
    ComplaintRate: rangeOf(ComplaintRateValue, 'ComplaintRateRange', 'complaint rate, each value in (0, 1]'),
    RiskAdjustment: rangeOf(RiskAdjustmentValue, 'RiskAdjustmentRange', 'risk adjustment, each value in [0, 1)'),
  };
  /** An input that may be a number or a range; a value that is neither is told both forms. */
  const rangeable = (kind: keyof typeof ranges, rule: z.ZodNumber) =>
    z.union([rule, ranges[kind]], {
      error: (iss) => {
        const input = iss.input;
        if (typeof input === 'number') return 'must be a finite number, at most about 1.8e308 in size';
        const kind = input === null ? 'null' : Array.isArray(input) ? 'a list' : typeof input;
        return `must be a number or a range {low, likely, high}, not ${kind}${typeof input === 'string' ? ` (got ${shown(input)})` : ''}`;
      },
    });
  const Share = rangeable('Share', ShareValue);
  const Money = rangeable('Amount', Amount);
  const Outcomes = z
    .strictObject({
      satisfied: ShareValue.meta({ description: 'Share of complainants satisfied (quickly)', example: 0.4 }),
      mollified: ShareValue.meta({ description: 'Share of complainants mollified: satisfied, but not fully or not quickly', example: 0.2 }),
      dissatisfied: ShareValue.meta({ description: 'Share of complainants left dissatisfied', example: 0.4 }),
    })
    .superRefine((o, ctx) => {
      const sum = o.satisfied + o.mollified + o.dissatisfied;
      if (Math.abs(sum - 1) > LIMITS.outcomeSumTolerance) {
        ctx.addIssue({ code: 'custom', message: `shares must sum to 1 (they sum to ${Number(sum.toPrecision(12))})` });
      }
    })
    .openapi('Outcomes', {
      description: 'How complaints end, as shares of complainants that sum to 1 (within 1e-6).',
      example: { satisfied: 0.4, mollified: 0.2, dissatisfied: 0.4 },
    });

  const loyaltyField = (key: keyof typeof LOYALTY, text: string) => Share.optional().meta({ description: `${text} ${defaultNote(LOYALTY[key])}` });

  const Loyalty = z
    .strictObject({
      baseline: loyaltyField('baseline', 'Share of customers with no problem still loyal a year later.'),
      silent: loyaltyField('silent', 'Share loyal of those who had the problem and did not complain.'),
      satisfied: loyaltyField('satisfied', 'Share loyal of satisfied complainants.'),
      mollified: loyaltyField('mollified', 'Share loyal of mollified complainants.'),
      dissatisfied: loyaltyField('dissatisfied', 'Share loyal of dissatisfied complainants.'),
    })
    .openapi('Loyalty', {
      description: 'Share of each group still loyal (would buy again) a year later. Give any subset; the rest come from defaults.',
      example: { baseline: 0.85, silent: 0.09 },
    });

  const WordOfMouth = z
    .strictObject({
      positiveTold: Money.optional().meta({ description: `People each satisfied complainant tells. ${defaultNote(WORD_OF_MOUTH.positiveTold)}` }),
      negativeTold: Money.optional().meta({ description: `People each unhappy customer tells. ${defaultNote(WORD_OF_MOUTH.negativeTold)}` }),
      positiveInfluence: Share.optional().meta({
        description: `Share of listeners won by good news. ${defaultNote(WORD_OF_MOUTH.positiveInfluence)}`,
      }),
      negativeInfluence: Share.optional().meta({
        description: `Share of listeners lost to bad news. ${defaultNote(WORD_OF_MOUTH.negativeInfluence)}`,
      }),
    })
    .meta({
      id: 'WordOfMouth',
      description: 'How far news of a problem travels and how many listeners it sways.',
      example: { positiveTold: 4.5, negativeTold: 10 },
    });

  const Finance = z
    .strictObject({
      horizonYears: z
        .int()
        .min(1)
        .max(LIMITS.maxHorizonYears)
        .optional()
        .meta({ description: `Years of benefits and costs counted. ${defaultNote(FINANCE.horizonYears)}` }),
      discountRate: Share.optional().meta({ description: `Yearly discount rate of the cash flows. ${defaultNote(FINANCE.discountRate)}` }),
      riskAdjustment: rangeable('RiskAdjustment', RiskAdjustmentValue)
        .optional()
        .meta({ description: `Share of every benefit withheld for risk. ${defaultNote(FINANCE.riskAdjustment)}` }),
    })
    .meta({
      id: 'Finance',
      description: 'Finance settings, Forrester TEI style.',
      example: { horizonYears: 3, discountRate: 0.1, riskAdjustment: 0.1 },
    });

  const CustomerValue = z
    .strictObject({
      lifetimeValue: Money.optional().meta({ description: 'Customer lifetime value, as margin, in the scenario currency', example: 500 }),
      annualRevenue: Money.optional().meta({ description: 'Revenue of one customer per year', example: 420 }),
      grossMargin: Share.optional().meta({ description: 'Gross margin on that revenue', example: 0.35 }),
      retentionRate: Share.optional().meta({ description: 'Share of customers kept each year', example: 0.8 }),
      discountRate: Share.optional().meta({
        description: `Discount rate of the lifetime-value formula. ${defaultNote(OTHER.lifetimeValueDiscountRate)}`,
      }),
    })
    .superRefine((v, ctx) => {
      const annual = (['annualRevenue', 'grossMargin', 'retentionRate', 'discountRate'] as const).filter((k) => v[k] !== undefined);
      if (v.lifetimeValue !== undefined) {
        for (const k of annual) ctx.addIssue({ code: 'custom', path: [k], message: 'give either lifetimeValue or the annual figures, not both' });
        return;
      }
      const missing = (['annualRevenue', 'grossMargin', 'retentionRate'] as const).filter((k) => v[k] === undefined);
      if (missing.length === 3) {
        ctx.addIssue({ code: 'custom', message: 'give either lifetimeValue, or annualRevenue, grossMargin and retentionRate' });
        return;
      }
      for (const k of missing) ctx.addIssue({ code: 'custom', path: [k], message: 'is required with annual figures' });
      // At the worst ends of the ranges: the highest retention against the lowest discount rate.
      const d = v.discountRate === undefined ? OTHER.lifetimeValueDiscountRate.value : lowest(v.discountRate);
      if (v.retentionRate !== undefined && highest(v.retentionRate) >= 1 + d) {
        const rangedRate = v.discountRate !== undefined && typeof v.discountRate !== 'number';
        if (rangedRate && typeof v.retentionRate === 'number') {
          // Only the discount rate is a range: its low end is what breaks the rule.
          ctx.addIssue({
            code: 'custom',
            path: ['discountRate', 'low'],
            message: `must be more than retentionRate − 1 (${v.retentionRate - 1}) (got ${d})`,
          });
        } else {
          ctx.addIssue({
            code: 'custom',
            path: ['retentionRate', ...end(v.retentionRate, 'high')],
            message: `must be less than 1 + discountRate${rangedRate ? ' (its low end)' : ''} (${1 + d})${atEnd(v.retentionRate, 'high')} (got ${highest(v.retentionRate)})`,
          });
        }
      }
    })
    .meta({
      id: 'CustomerValue',
      description:
        'Either `lifetimeValue`, or `annualRevenue`, `grossMargin` and `retentionRate` (and optionally `discountRate`), from which ' +
        'the lifetime value is annualRevenue · grossMargin · r / (1 + d − r) (Gupta & Lehmann).',
      example: { lifetimeValue: 500 },
    });

  const STATED_BY = ['prevalence', 'affectedCustomers', 'complaintsPerYear'] as const;

  const Problem = z
    .strictObject({
      id: Id.meta({
        description:
          'Unique id of the problem: 1 to 100 characters; not only digits (a position in a `field` path), none of `.` `,` `/` (they separate paths and lists), no control characters or invisible marks, no space at either end.',
        example: 'billing-errors',
      }),
      name: Name.optional().meta({
        description: 'Label for reports (default: the id); not blank, no control characters such as tabs or line breaks',
        example: 'Billing errors',
      }),
      prevalence: Share.optional().meta({ description: 'Share of customers who meet the problem in a year', example: 0.12 }),
      affectedCustomers: Money.optional().meta({ description: 'Customers who meet the problem in a year (at most `customers`)', example: 12000 }),
      complaintsPerYear: Money.optional().meta({
        description: 'Complaints received a year; affected customers are then complaintsPerYear ÷ complaintRate (the CCMC multiplier)',
        example: 6000,
      }),
      complaintRate: rangeable('ComplaintRate', ComplaintRateValue).meta({
        description: 'Share of affected customers who complain, in (0, 1]',
        example: 0.5,
      }),
      outcomes: Outcomes,
      costPerComplaint: Money.optional().meta({
        description: `Handling plus rework cost of one complaint. ${defaultNote(OTHER.costPerComplaint)}`,
        example: 8,
      }),
      loyalty: Loyalty.optional().openapi({ description: 'Loyalty rates for this problem only, over the scenario ones' }),
    })
    .superRefine((p, ctx) => {
      const given = STATED_BY.filter((k) => p[k] !== undefined);
      if (given.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: `give exactly one of prevalence, affectedCustomers or complaintsPerYear (${given.length === 0 ? 'none was given' : `got ${given.join(' and ')}`})`,
        });
      }
    })
    .meta({
      id: 'Problem',
      description: 'One problem of the catalogue. State how many customers it affects in exactly one of three ways.',
      example: workedExample.problems[0],
    });

  const Effects = z
    .strictObject({
      prevalenceReduction: Share.optional().meta({
        description: 'Prevention: share of affected customers who no longer meet the problem',
        example: 0.6,
      }),
      complaintRateMultiplier: Money.optional().meta({
        description: 'Easier complaint access: the complaint rate is multiplied by this (the result is capped at 1)',
        example: 1.3,
      }),
      outcomes: Outcomes.optional().openapi({ description: 'Better handling: the complainants’ outcome mix after the investment' }),
      costPerComplaintReduction: Share.optional().meta({
        description: 'Cheaper handling: share by which the cost per complaint falls',
        example: 0.5,
      }),
    })
    .refine((e) => Object.values(e).some((v) => v !== undefined), { message: 'give at least one effect' })
    .meta({
      id: 'Effects',
      description: 'What the investment changes on each problem it targets; at least one effect.',
      example: { prevalenceReduction: 0.6 },
    });

  const Cost = z
    .strictObject({
      upfront: Money.optional().meta({ description: `Paid once at the start (t = 0). ${defaultNote(OTHER.upfrontCost)}`, example: 250000 }),
      annual: Money.optional().meta({ description: `Paid every year of the horizon. ${defaultNote(OTHER.annualCost)}`, example: 50000 }),
    })
    .meta({ id: 'Cost', description: 'What the investment costs, in the scenario currency.', example: { upfront: 250000, annual: 50000 } });

  const Investment = z
    .strictObject({
      id: Id.meta({
        description:
          'Unique id of the investment: 1 to 100 characters; not only digits (a position in a `field` path), none of `.` `,` `/` (they separate paths and lists), no control characters or invisible marks, no space at either end.',
        example: 'fix-billing',
      }),
      name: Name.optional().meta({
        description: 'Label for reports (default: the id); not blank, no control characters such as tabs or line breaks',
        example: 'Fix the billing system',
      }),
      problems: z
        .union([z.literal('all'), z.array(Id).min(1).max(LIMITS.problems)], { error: 'must be "all" or a list of problem ids' })
        .meta({ description: 'Ids of the problems it acts on, or "all"', example: ['billing-errors'] }),
      effects: Effects,
      cost: Cost,
      rampUp: z
        .array(ShareValue)
        .min(1)
        .max(LIMITS.maxHorizonYears)
        .optional()
        .meta({
          description: `Share of the full benefit reached in each year; a list shorter than the horizon repeats its last value, values past the horizon are not used. ${defaultNote(OTHER.rampUp)}`,
          example: [0.5, 1],
        }),
    })
    .meta({ id: 'Investment', description: 'A candidate service investment.', example: workedExample.investments[0] });

  const Simulation = z
    .strictObject({
      samples: z
        .int()
        .min(LIMITS.minSamples)
        .max(LIMITS.maxSamples)
        .optional()
        .meta({
          description: `Samples drawn, ${LIMITS.minSamples} to ${LIMITS.maxSamples} (default ${SIMULATION.samples}); samples × (problems + investments + 1) may be at most ${LIMITS.simulatedValues}`,
          example: 10000,
        }),
      seed: z
        .int()
        .min(0)
        .max(2 ** 32 - 1)
        .optional()
        .meta({
          description: `Seed of the generator, an integer in [0, 2^32) (default ${SIMULATION.seed}): the same seed gives the same figures`,
          example: 1,
        }),
    })
    .meta({
      id: 'Simulation',
      description:
        'Monte Carlo settings. With at least one range, every ranged input is drawn independently in each sample, and the answer carries the mean, P10, P50 and P90 of each problem’s damage, the total damage and each investment’s npv, with probabilityPositiveNpv. Inputs that move together in reality make a wider spread than independent draws show. Without a range the settings are echoed and nothing is simulated.',
      example: { samples: 10000, seed: 1 },
    });

  const Sensitivity = z
    .strictObject({
      swing: z.number().gt(0, rule('must be greater than 0 and less than 1')).lt(1, rule('must be greater than 0 and less than 1')).optional().meta({
        description:
          'Relative swing of every input without a range (but retentionRate, customerValue.discountRate and finance.riskAdjustment): swept from likely × (1 − swing) to likely × (1 + swing), clipped to its legal values',
        example: 0.2,
      }),
      top: z
        .int()
        .min(1)
        .max(LIMITS.maxTop)
        .optional()
        .meta({ description: `Entries listed per figure, 1 to ${LIMITS.maxTop} (default ${SENSITIVITY.top})`, example: 10 }),
    })
    .meta({
      id: 'Sensitivity',
      description:
        'Tornado settings. Ranged inputs are swept between their ends; with `swing`, the other inputs too. Each investment’s npv and the total damage list the inputs that move them most.',
      example: { swing: 0.2, top: 10 },
    });

  const Portfolio = z
    .strictObject({
      budget: z
        .strictObject({
          upfront: Amount.optional().meta({ description: 'Most the set may cost upfront, in total (no cap when left out)', example: 300000 }),
          annual: Amount.optional().meta({ description: 'Most the set may cost a year, in total (no cap when left out)', example: 100000 }),
        })
        .meta({ id: 'Budget', description: 'The caps; a set fits when its sums are at most the caps × (1 + 1e-9)' })
        .optional(),
      include: z
        .array(Id)
        .max(LIMITS.investments)
        .optional()
        .meta({ description: 'Ids of investments the set must contain (they must fit the budget together)', example: ['fix-billing'] }),
      exclude: z.array(Id).max(LIMITS.investments).optional().meta({ description: 'Ids of investments the set must leave out', example: [] }),
    })
    .meta({
      id: 'PortfolioRequest',
      description:
        'Choose the set of investments with the highest npv within the budget ([the method](/method)): every problem’s damage counted once, effects composed, costs added. Exact (every set tried) when at most 16 investments are free to choose; else the funding ladder improved by single additions and removals.',
      example: { budget: { annual: 100000 } },
    });

  const scenarioShape = {
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, rule('must be a 3-letter ISO 4217 code such as USD'))
      .optional()
      .meta({ description: `ISO 4217 code; a label only. ${defaultNote(OTHER.currency)}`, example: 'USD' }),
    customers: z
      .int()
      .min(1)
      .max(Number.MAX_SAFE_INTEGER)
      .meta({ description: 'Active customers (a whole number; at most 2^53 − 1, the largest a double holds exactly)', example: 100000 }),
    customerValue: CustomerValue,
    newCustomerValue: Money.optional().meta({
      description: 'Value of one prospect won or lost through word of mouth (default: the lifetime value)',
      example: 500,
    }),
    loyalty: Loyalty.optional(),
    wordOfMouth: WordOfMouth.optional(),
    finance: Finance.optional(),
    problems: z
      .array(Problem)
      .min(1)
      .max(LIMITS.problems)
      .meta({ description: `The problem catalogue, 1 to ${LIMITS.problems} problems with unique ids` }),
    investments: z
      .array(Investment)
      .max(LIMITS.investments)
      .optional()
      .meta({ description: `Candidate investments, 0 to ${LIMITS.investments} with unique ids` }),
    simulation: Simulation.optional(),
    sensitivity: Sensitivity.optional(),
    portfolio: Portfolio.optional(),
  };

  /** The rules between a scenario's inputs, for a scenario sent alone or saved as a case. */
  const scenarioRules = (s: z.output<z.ZodObject<typeof scenarioShape>>, ctx: z.RefinementCtx) => {
    uniqueIds(s.problems, 'problems', ctx);
    uniqueIds(s.investments ?? [], 'investments', ctx);
    // Each rule holds at the worst ends of the ranges, so that every draw is a legal scenario.
    s.problems.forEach((p, i) => {
      if (p.affectedCustomers !== undefined && highest(p.affectedCustomers) > s.customers) {
        ctx.addIssue({
          code: 'custom',
          path: ['problems', i, 'affectedCustomers', ...end(p.affectedCustomers, 'high')],
          message: `must not exceed customers (${s.customers})${atEnd(p.affectedCustomers, 'high')} (got ${highest(p.affectedCustomers)})`,
        });
      }
      // A relative margin of 1e-9 keeps rounding in the division from rejecting an exact fit.
      if (p.complaintsPerYear !== undefined && highest(p.complaintsPerYear) / lowest(p.complaintRate) > s.customers * (1 + 1e-9)) {
        const implied = highest(p.complaintsPerYear) / lowest(p.complaintRate);
        const worst =
          typeof p.complaintsPerYear !== 'number' || typeof p.complaintRate !== 'number'
            ? ' at the worst ends of the ranges (most complaints, lowest rate)'
            : '';
        // The end that breaks it: the rate's low end when only the rate is a range, else the count (its high end).
        const at =
          typeof p.complaintsPerYear === 'number' && typeof p.complaintRate !== 'number'
            ? ['complaintRate', 'low']
            : ['complaintsPerYear', ...end(p.complaintsPerYear, 'high')];
        ctx.addIssue({
          code: 'custom',
          path: ['problems', i, ...at],
          message: `implies ${Number.isFinite(implied) ? Number(implied.toPrecision(12)) : 'more'} affected customers (complaintsPerYear ÷ complaintRate)${worst}, more than customers (${s.customers})`,
        });
      }
    });
    const most = maxSamples(s.problems.length, s.investments?.length ?? 0);
    const samples = s.simulation?.samples ?? SIMULATION.samples;
    // Only a scenario with a range is simulated, and so capped.
    if (samples > most && hasRanges(s)) {
      const asked = s.simulation?.samples !== undefined ? `got ${samples}` : `got none, so the default ${SIMULATION.samples}`;
      ctx.addIssue({
        code: 'custom',
        path: ['simulation', 'samples'],
        message: `must be at most ${most} for ${s.problems.length} problems and ${s.investments?.length ?? 0} investments: samples × (problems + investments + 1) may be at most ${LIMITS.simulatedValues} (${asked})`,
      });
    }
    if (s.portfolio) portfolioRules(s, ctx);
    const known = new Set(s.problems.map((p) => p.id));
    s.investments?.forEach((inv, i) => {
      if (inv.problems === 'all') return;
      const seen = new Set<string>();
      inv.problems.forEach((id, j) => {
        if (!known.has(id))
          ctx.addIssue({ code: 'custom', path: ['investments', i, 'problems', j], message: `names no problem of this scenario ("${id}")` });
        else if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['investments', i, 'problems', j], message: `names "${id}" twice` });
        seen.add(id);
      });
    });
  };

  const Scenario = z
    .strictObject(scenarioShape)
    .superRefine(scenarioRules)
    .meta({
      id: 'Scenario',
      description: `A company’s problem catalogue, customer value, word of mouth and candidate investments ([the method](/method#inputs)). Every rangeable input (customer value, newCustomerValue, loyalty, word of mouth, finance.discountRate and riskAdjustment; a problem’s prevalence, affectedCustomers, complaintsPerYear, complaintRate, costPerComplaint and loyalty; an investment’s effect scalars and costs) is ${RANGE_NOTE.charAt(0).toLowerCase()}${RANGE_NOTE.slice(1)} Every rule between inputs holds at the worst ends of the ranges (say, retentionRate’s high end below 1 + discountRate’s low end). Not rangeable: customers, outcomes, horizonYears, rampUp, ids.`,
      example: workedExample,
    });

  const CaseRequest = z
    .strictObject({
      title: baseSchemas()
        .Title.optional()
        .meta({
          description: `A name for people: at most ${CASE_LIMITS.titleLength} characters, not blank, no control characters`,
          example: 'Acme: billing and delivery, Q3 review',
        }),
      ...scenarioShape,
    })
    .superRefine(scenarioRules)
    .meta({
      id: 'CaseRequest',
      description: `A scenario to save as a case: every field of a Scenario, its settings (simulation, sensitivity, portfolio) included, and an optional title. At most ${CASE_LIMITS.bodyBytes / 1024} KiB.`,
      example: { title: 'Acme: billing and delivery', ...workedExample },
    });

  const scenarioExamples = {
    workedExample: { summary: 'The worked example of the method (/method#worked-example): two problems, two investments', value: workedExample },
    subscription: { summary: 'Subscription business: CLV from annual figures, complaint counts, a ramp-up', value: subscriptionExample },
    ranged: {
      summary: 'The worked example with ranges: Monte Carlo P10/P50/P90 of each npv and damage, a tornado of the ranged inputs',
      value: rangedExample,
    },
    sensitivity: { summary: 'The worked example, every input swung ±20%: which assumption decides each investment', value: sensitivityExample },
    portfolio: {
      summary: 'Three fixes, money for two: the chosen portfolio leaves out a good one whose benefit a chosen one already claims',
      value: portfolioExample,
    },
  };
  return {
    Outcomes,
    Loyalty,
    WordOfMouth,
    Finance,
    CustomerValue,
    Problem,
    Effects,
    Cost,
    Investment,
    Simulation,
    Sensitivity,
    Portfolio,
    Scenario,
    CaseRequest,
    scenarioExamples,
    ranges,
  };
});
