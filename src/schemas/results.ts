import { z } from '@hono/zod-openapi';
import { LIMITS } from '../model/defaults.ts';
import { once } from './once.ts';
import { PROBLEM_TYPES } from './problem-types.ts';

// The answers' schemas only describe them, for the OpenAPI document and the CSV headers: no answer is validated
// against them. So they are built on first use rather than when the Worker starts.
function build() {
  const settings = {
    simulation: z
      .object({ samples: z.int(), seed: z.int() })
      .optional()
      .meta({ id: 'SimulationUsed', description: 'The simulation’s settings, echoed (when asked for, or when an input is a range)' }),
    sensitivity: z
      .object({ swing: z.number().optional(), top: z.int() })
      .optional()
      .meta({ id: 'SensitivityUsed', description: 'The tornado’s settings, echoed (when given)' }),
  };
  const figure = (description: string, example: number) => z.number().meta({ description, example });
  const perYear = (what: string, example: number) => figure(`${what}, per year`, example);

  const Assumption = z
    .object({
      field: z.string().meta({ description: 'The input the default stands for, as a JSON path', example: 'loyalty.silent' }),
      value: z.union([z.number(), z.string(), z.array(z.number())]).meta({ description: 'The value used', example: 0.09 }),
      source: z.string().meta({
        description: 'Where the value comes from',
        example: 'TARP/CCMC (Goodman, Strategic Customer Service), problems over $100: 9% of those who did not complain would buy again',
      }),
    })
    .meta({ id: 'Assumption', description: 'A parameter taken from a default rather than from the request.' });

  const Spread = z
    .object({
      mean: z.number().meta({ description: 'Mean over the samples', example: 5280852.2 }),
      p10: z.number().meta({ description: '10th percentile: 9 samples in 10 are above it', example: 4512237.01 }),
      p50: z.number().meta({ description: 'Median', example: 5244709.94 }),
      p90: z.number().meta({ description: '90th percentile: 1 sample in 10 is above it', example: 6099608.54 }),
    })
    .meta({
      id: 'Spread',
      description:
        'A simulated figure: mean and percentiles over the samples, interpolated linearly between order statistics (Excel PERCENTILE.INC).',
    });

  const SensitivityEntry = z
    .object({
      field: z.string().meta({
        description: 'The input swept, by its path in the request (`problems[0]` is the first problem sent)',
        example: 'loyalty.baseline',
      }),
      low: z.number().meta({ description: 'The low end: the range’s low, or likely × (1 − swing) clipped to the legal values', example: 0.68 }),
      high: z.number().meta({ description: 'The high end', example: 1 }),
      figureAtLow: z.number().meta({ description: 'The figure with this input at low, every other at likely', example: 3726874.23 }),
      figureAtHigh: z.number().meta({ description: 'The figure with this input at high', example: 6305242.37 }),
      swing: z.number().meta({ description: '|figureAtHigh − figureAtLow|', example: 2578368.14 }),
    })
    .meta({ id: 'SensitivityEntry', description: 'One bar of a tornado: how far one input moves one figure.' });

  const BreakEven = z
    .object({
      field: z.string().meta({ description: 'The input, by its path in the request', example: 'investments[0].effects.prevalenceReduction' }),
      value: z.number().meta({ description: 'Its likely value', example: 0.6 }),
      breakEven: z.number().nullable().meta({
        description: 'The value at which npv is 0, the other inputs at likely; null when npv has no root within the input’s legal values',
        example: 0.041054,
      }),
    })
    .meta({ id: 'BreakEven', description: 'How far one input may move before the investment no longer pays.' });

  const DamageUncertainty = z
    .object({ totalAnnualDamage: Spread })
    .meta({ id: 'DamageUncertainty', description: 'The simulated totalAnnualDamage (when the scenario holds a range).' });

  const ProblemDamage = z
    .object({
      id: z.string().meta({ example: 'late-delivery' }),
      name: z.string().meta({ example: 'Late delivery' }),
      rank: z.int().meta({ description: 'Rank by totalAnnualDamage, largest first (1 = attack first); ties keep input order', example: 1 }),
      share: z.number().nullable().meta({
        description:
          'Share of the damage done by the problems that do damage (the sum of positive totalAnnualDamage); null for a problem whose damage is zero or negative',
        example: 0.6663,
      }),
      cumulativeShare: z.number().nullable().meta({
        description:
          'Running sum of shares down the ranking to this problem (the Pareto view); exactly 1 at the last problem that does damage; null where share is',
        example: 0.6663,
      }),
      affected: perYear('Customers who meet the problem', 20000),
      complainants: perYear('Affected customers who complain', 5000),
      silent: perYear('Affected customers who do not complain', 15000),
      satisfiedComplainants: perYear('Complainants satisfied', 1500),
      mollifiedComplainants: perYear('Complainants mollified', 2000),
      dissatisfiedComplainants: perYear('Complainants dissatisfied', 1500),
      customersLost: perYear('Customers lost: loyalty below the baseline, summed over the segments', 13055),
      directRevenueAtRisk: perYear('customersLost × lifetime value', 6527500),
      negativeListeners: perYear('People told bad news: (silent + dissatisfied) × negativeTold', 165000),
      positiveListeners: perYear('People told good news: satisfied × positiveTold', 6750),
      prospectsLost: perYear('Prospects lost: negativeListeners × negativeInfluence', 3300),
      prospectsWon: perYear('Prospects won: positiveListeners × positiveInfluence', 135),
      wordOfMouthRevenueAtRisk: perYear('(prospectsLost − prospectsWon) × newCustomerValue', 1582500),
      serviceCost: perYear('complainants × costPerComplaint', 25000),
      totalAnnualDamage: perYear('directRevenueAtRisk + wordOfMouthRevenueAtRisk + serviceCost', 8135000),
      uncertainty: DamageUncertainty.optional(),
    })
    .meta({
      id: 'ProblemDamage',
      description: 'The annual damage of one problem ([the method](/method#damage)). A term may be negative; it is reported as it is.',
    });

  const ProblemBenefit = z
    .object({
      problemId: z.string().meta({ example: 'billing-errors' }),
      damageBefore: figure('totalAnnualDamage of the problem as it is', 4074000),
      damageAfter: figure('totalAnnualDamage with the investment’s effects applied', 1629600),
      benefit: figure('damageBefore − damageAfter', 2444400),
    })
    .meta({ id: 'ProblemBenefit', description: 'What an investment saves on one problem it targets, per year.' });

  const CashFlow = z
    .object({
      year: z.int().meta({ description: '0 for the upfront cost, then 1 … horizonYears', example: 1 }),
      benefit: figure('Risk-adjusted benefit of the year, after ramp-up', 2199960),
      cost: figure('Cost of the year (the upfront cost in year 0)', 50000),
      net: figure('benefit − cost', 2149960),
      discountFactor: figure('1 / (1 + discountRate)^year', 0.9090909),
      presentValue: figure('net × discountFactor', 1954509.09),
    })
    .meta({ id: 'CashFlow' });

  const InvestmentResult = z
    .object({
      id: z.string().meta({ example: 'fix-billing' }),
      name: z.string().meta({ example: 'Fix the billing system' }),
      rank: z.int().meta({
        description: 'Rank by roi, highest first, then npv, then input order; a null roi ranks first when npv > 0 and last otherwise',
        example: 1,
      }),
      recommended: z.boolean().meta({ description: 'false when npv < 0: not worth doing', example: true }),
      problems: z.array(z.string()).meta({ description: 'Ids of the problems it acts on', example: ['billing-errors'] }),
      annualBenefit: figure('Σ over targeted problems of (damage before − damage after), per year; may be negative', 2444400),
      riskAdjustedAnnualBenefit: figure('annualBenefit × (1 − riskAdjustment)', 2199960),
      pvBenefits: figure('Present value of the yearly benefits over the horizon', 5470974.92),
      pvCosts: figure('upfront + present value of the annual costs', 374342.61),
      npv: figure('pvBenefits − pvCosts', 5096632.31),
      roi: z.number().nullable().meta({ description: 'npv / pvCosts; null when pvCosts is 0 (see notes)', example: 13.6149 }),
      paybackMonths: z.int().nullable().meta({
        description:
          'First whole month at which the undiscounted cumulative net reaches 0; 0 when there is no upfront cost and the first month gains; null when not within the horizon',
        example: 2,
      }),
      costOfDelayPerMonth: figure('(benefit of year 1 − annual cost) / 12: what each month of waiting forgoes', 179163.33),
      byProblem: z.array(ProblemBenefit),
      cashFlows: z.array(CashFlow).meta({ description: 'Year 0 (upfront) to the horizon' }),
      notes: z.array(z.string()).meta({ description: 'Why a figure is null, or why the investment is not recommended', example: [] }),
      irr: z.number().nullable().meta({
        description:
          'Internal rate of return: the rate at which the yearly flows (−upfront, then benefit − annual cost) have npv 0; null unless they change sign exactly once',
        example: 8.5901,
      }),
      breakEven: z.array(BreakEven).meta({
        description:
          'Break-even of each given effect, the upfront and annual costs and a given lifetimeValue, in that order; addressed in `field` by position or by the input path',
      }),
      uncertainty: z
        .object({
          npv: Spread,
          probabilityPositiveNpv: z.number().meta({ description: 'Share of the samples with npv > 0', example: 1 }),
        })
        .optional()
        .meta({ id: 'InvestmentUncertainty', description: 'The simulated npv (when the scenario holds a range).' }),
      sensitivity: z
        .array(SensitivityEntry)
        .optional()
        .meta({ description: 'The tornado of npv, largest swing first (when anything is swept): the first `sensitivity.top` entries' }),
    })
    .meta({ id: 'InvestmentResult', description: 'What one investment is worth ([the method](/method#investment)).' });

  const Totals = z
    .object({
      customersLost: figure('Σ customersLost over all problems (a customer with two problems counts in both)', 19643),
      directRevenueAtRisk: figure('Σ directRevenueAtRisk', 9821500),
      wordOfMouthRevenueAtRisk: figure('Σ wordOfMouthRevenueAtRisk', 2314500),
      serviceCost: figure('Σ serviceCost', 73000),
      totalAnnualDamage: figure('Σ totalAnnualDamage', 12209000),
      uncertainty: DamageUncertainty.optional(),
      sensitivity: z
        .array(SensitivityEntry)
        .optional()
        .meta({ description: 'The tornado of the total damage, largest swing first (when anything is swept)' }),
    })
    .meta({ id: 'Totals', description: 'Damage of all problems by kind, per year.' });

  const NpvUncertainty = z
    .object({
      npv: Spread,
      probabilityPositiveNpv: z.number().meta({ description: 'Share of the samples with npv > 0', example: 1 }),
    })
    .meta({ id: 'NpvUncertainty', description: 'A simulated npv (when the scenario holds a range).' });

  const Portfolio = z
    .object({
      method: z.enum(['exact', 'heuristic']).meta({
        description:
          'exact: every set of the free investments was tried (whenever at most 16 are free); heuristic: the funding ladder improved by single additions and removals',
        example: 'exact',
      }),
      investments: z
        .array(z.string())
        .meta({ description: 'Ids of the chosen investments, in input order', example: ['fix-billing', 'better-handling'] }),
      upfront: figure('Σ upfront cost of the set', 350000),
      annual: figure('Σ annual cost of the set', 170000),
      annualBenefit: figure('Combined annual benefit: every problem’s damage before, less with the set’s effects composed', 3420600),
      standaloneBenefitSum: figure('Σ of the members’ stand-alone annualBenefit', 3917400),
      overlap: figure(
        'standaloneBenefitSum − annualBenefit: positive where members claim the same damage, negative where they reinforce each other',
        496800,
      ),
      pvBenefits: figure('Present value of the set’s yearly benefits (risk-adjusted, its ramp weighted by the members’ benefits)', 7655873.33),
      pvCosts: figure('upfront + present value of the annual costs', 772764.84),
      npv: figure('pvBenefits − pvCosts', 6883108.49),
      roi: z.number().nullable().meta({ description: 'npv / pvCosts; null when pvCosts is 0', example: 8.9071 }),
      paybackMonths: z.int().nullable().meta({ description: 'As for one investment', example: 2 }),
      irr: z.number().nullable().meta({ description: 'As for one investment', example: 8.2998 }),
      cashFlows: z.array(CashFlow).meta({ description: 'The set’s cash flows, year 0 (the upfront costs) to the horizon' }),
      ladder: z
        .array(
          z
            .object({
              id: z.string().meta({ example: 'fix-billing' }),
              marginalNpv: figure('What adding it adds to the set’s npv', 5096632.31),
              npv: figure('The set’s npv with it', 5096632.31),
              upfront: figure('The set’s upfront cost with it', 250000),
              annual: figure('The set’s annual cost with it', 50000),
            })
            .meta({ id: 'LadderStep' }),
        )
        .meta({
          description:
            'If we can fund one more, which? From include, the budget-fitting investment with the most marginal npv per unit of its PV(costs) (costless ones first), again and again while one adds npv',
        }),
      members: z
        .array(
          z
            .object({ id: z.string(), marginalNpv: figure('The set’s npv less that of the set without it', 1786476.18) })
            .meta({ id: 'PortfolioMember' }),
        )
        .meta({ description: 'Each chosen investment, and what the set would lose without it' }),
      uncertainty: NpvUncertainty.optional(),
    })
    .meta({ id: 'Portfolio', description: 'The chosen set of investments and what it is worth together ([the method](/method)).' });

  const BusinessCase = z
    .object({
      modelVersion: z.string().meta({
        description: 'Version of the model the figures follow; the ETag names it, so a new model never matches an old answer',
        example: '2',
      }),
      currency: z.string().meta({ example: 'USD' }),
      lifetimeValue: figure('Customer lifetime value used (given, or from the annual figures)', 500),
      newCustomerValue: figure('Value of a prospect used for word of mouth', 500),
      finance: z
        .object({ horizonYears: z.int(), discountRate: z.number(), riskAdjustment: z.number() })
        .meta({ id: 'FinanceUsed', description: 'Finance settings used', example: { horizonYears: 3, discountRate: 0.1, riskAdjustment: 0.1 } }),
      problems: z.array(ProblemDamage).meta({ description: 'Every problem, in rank order' }),
      investments: z.array(InvestmentResult).meta({ description: 'Every investment, in rank order' }),
      totals: Totals,
      assumptions: z.array(Assumption).meta({ description: 'Every parameter that came from a default, with its value and source' }),
      simulation: settings.simulation,
      sensitivity: settings.sensitivity,
      portfolio: Portfolio.optional(),
    })
    .meta({ id: 'BusinessCase', description: 'The business case: problems ranked by damage, investments ranked by return.' });

  const Defaults = z
    .object({
      modelVersion: z.string().meta({ example: '2' }),
      defaults: z.array(Assumption).meta({ description: 'Every default the model may use; `[]` in a field stands for each item' }),
      limits: z
        .object({
          problems: z.int(),
          investments: z.int(),
          maxHorizonYears: z.int(),
          idLength: z.int(),
          nameLength: z.int(),
          bodyBytes: z.int(),
          outcomeSumTolerance: z.number(),
          minSamples: z.int().meta({ description: 'Fewest Monte Carlo samples a request may ask for' }),
          maxSamples: z.int().meta({ description: 'Most Monte Carlo samples a request may ask for' }),
          simulatedValues: z.int().meta({ description: 'Most samples × (problems + investments + 1) a simulation may keep' }),
          maxTop: z.int().meta({ description: 'Most tornado entries listed per figure' }),
        })
        .meta({ id: 'Limits', description: 'Limits on a scenario', example: { ...LIMITS } }),
    })
    .meta({ id: 'Defaults', description: 'The default assumptions and their sources, and the limits on a scenario.' });

  const Health = z
    .object({
      status: z.literal('ok').meta({ example: 'ok' }),
      modelVersion: z.string().meta({ example: '2' }),
    })
    .meta({ id: 'Health' });

  const meta = {
    simulation: settings.simulation,
    lifetimeValue: figure('Customer lifetime value used', 500),
    newCustomerValue: figure('Value of a prospect used for word of mouth', 500),
    currency: z.string().meta({ example: 'USD' }),
    modelVersion: z.string().meta({ example: '2' }),
    assumptions: z.array(Assumption).meta({ description: 'Every parameter that came from a default' }),
  };

  const ProblemDamageAnswer = ProblemDamage.omit({ id: true, name: true, rank: true, share: true, cumulativeShare: true })
    .extend({
      sensitivity: z
        .array(SensitivityEntry)
        .optional()
        .meta({ description: 'The tornado of totalAnnualDamage, largest swing first (when anything is swept)' }),
      ...meta,
    })
    .meta({ id: 'ProblemDamageAnswer', description: 'The annual damage of one problem ([the method](/method#damage)), with what it assumed.' });

  const InvestmentRoiAnswer = InvestmentResult.omit({ id: true, name: true, rank: true, problems: true, byProblem: true })
    .extend({
      damageBefore: figure('totalAnnualDamage of the problem as it is', 4074000),
      damageAfter: figure('totalAnnualDamage with the investment’s effects applied', 1629600),
      ...meta,
    })
    .meta({
      id: 'InvestmentRoiAnswer',
      description: 'What one investment on one problem is worth ([the method](/method#investment)), with what it assumed.',
    });

  const LifetimeValueAnswer = z
    .object({
      lifetimeValue: figure('annualRevenue · grossMargin · r / (1 + d − r)', 392),
      annualRevenue: figure('As given', 420),
      grossMargin: figure('As given', 0.35),
      retentionRate: figure('As given', 0.8),
      discountRate: figure('As given, or the default', 0.1),
      modelVersion: meta.modelVersion,
      assumptions: meta.assumptions,
    })
    .meta({ id: 'LifetimeValueAnswer', description: 'Customer lifetime value from annual figures (Gupta & Lehmann).' });

  const ProblemType = z
    .object({
      type: z.string().meta({ example: '/problems/invalid-input' }),
      title: z.string().meta({ example: PROBLEM_TYPES['invalid-input'].title }),
      status: z.int().meta({ example: 422 }),
      description: z.string().meta({ example: PROBLEM_TYPES['invalid-input'].description }),
    })
    .meta({ id: 'ProblemType', description: 'What one `type` of problem details means.' });

  const OpenApiDocument = z
    .looseObject({
      openapi: z.string().meta({ example: '3.1.0' }),
      info: z.looseObject({ title: z.string(), version: z.string() }).meta({ id: 'Info' }),
    })
    .meta({ id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document' });

  return {
    ProblemType,
    OpenApiDocument,
    Assumption,
    Spread,
    SensitivityEntry,
    BreakEven,
    ProblemDamage,
    ProblemBenefit,
    CashFlow,
    InvestmentResult,
    Totals,
    BusinessCase,
    Defaults,
    Health,
    ProblemDamageAnswer,
    InvestmentRoiAnswer,
    LifetimeValueAnswer,
  };
}

type ResultSchemas = ReturnType<typeof build>;

export const resultSchemas = once(build);

const lazies = new Map<keyof ResultSchemas, z.ZodLazy>();

/** A result schema for a route's `responses`, built when the document is. */
export function resultSchema<K extends keyof ResultSchemas>(name: K): z.ZodLazy<ResultSchemas[K]> {
  let lazy = lazies.get(name);
  if (!lazy) lazies.set(name, (lazy = z.lazy(() => resultSchemas()[name])));
  return lazy as z.ZodLazy<ResultSchemas[K]>;
}
