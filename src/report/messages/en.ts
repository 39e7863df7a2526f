// Every word of the report in English. vi.ts has the same keys (its type is this one's).

const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** Names, and how many more there are that are not named. */
const listMore = (items: readonly string[], more: number) => (more > 0 ? `${items.join(', ')} and ${more} more` : list(items));

const yearsText = (n: number) => `${n} ${n === 1 ? 'year' : 'years'}`;

export const en = {
  lang: 'en',
  locale: 'en-US',
  title: 'The business case for customer service',
  made: (date: string, model: string, currency: string) => `Made ${date} · model version ${model} · figures in ${currency}`,
  months: (n: number) => `${n} ${n === 1 ? 'month' : 'months'}`,
  sections: {
    summary: 'Summary',
    problems: 'What each problem costs a year',
    investments: 'What each investment is worth',
    cashFlow: 'Cumulative cash flow, month by month',
    tornado: 'Which assumption decides it',
    assumptions: 'Assumptions and their sources',
  },
  summary: {
    damage: (total: string, count: number) =>
      `Service problems cost ${total} a year in customers lost, word of mouth and handling, across ${count} ${count === 1 ? 'problem' : 'problems'}.`,
    noNetDamage: (total: string, count: number) =>
      `As described, the ${count === 1 ? 'problem costs' : `${count} problems cost`} nothing on balance: the annual damage adds up to ${total}.`,
    pareto: (few: number, share: string, names: readonly string[]) =>
      few === 1
        ? `One problem makes ${share} of it: ${names[0]}.`
        : `${few} problems make ${share} of it${names.length < few ? `, the largest ${list(names)}` : `: ${list(names)}`}.`,
    noDamage: 'None of the problems does damage as described.',
    portfolio: (names: readonly string[], more: number, npv: string, years: number, roi: string | null, budgeted: boolean) =>
      `${budgeted ? 'Within the budget, fund' : 'Fund'} ${listMore(names, more)}: ${names.length + more === 1 ? 'it returns' : 'together they return'} ${npv} net present value over ${yearsText(years)}${roi ? ` (ROI ${roi})` : ''}`,
    portfolioLoss: (names: readonly string[], more: number, npv: string, years: number) =>
      `The set of investments asked for, ${listMore(names, more)}, does not pay for itself: its net present value over ${yearsText(years)} is ${npv}`,
    top: (name: string, npv: string, years: number, roi: string | null) =>
      `Ranked by return on cost, ${name} comes first: ${npv} net present value over ${yearsText(years)}${roi ? ` (ROI ${roi})` : ''}`,
    payback: (months: string, plural: boolean) => `, and ${plural ? 'they pay' : 'it pays'} back in ${months}.`,
    noPayback: (years: number, plural: boolean) => `, but ${plural ? 'they do' : 'it does'} not pay back within ${yearsText(years)}.`,
    worthDoing: (worth: number, all: number) =>
      worth === all
        ? all === 1
          ? 'It is the one investment proposed.'
          : `${all === 2 ? 'Both' : `All ${all}`} investments proposed are worth doing.`
        : `${worth} of the ${all} investments proposed ${worth === 1 ? 'is' : 'are'} worth doing.`,
    noneWorthIt: (all: number) =>
      all === 1
        ? 'The one investment proposed does not pay for itself over the horizon.'
        : `None of the ${all} investments proposed pays for itself over the horizon.`,
    noInvestments: 'No investment was proposed: the figures show where the money is lost.',
    emptyPortfolio: 'No set of the investments fits the budget and adds value.',
    spread: (p10: string, p90: string, samples: string, probability: string) =>
      `With the ranges given, its net present value lies between ${p10} and ${p90} in 80% of ${samples} simulations, and is positive in ${probability} of them.`,
  },
  problems: {
    description: (shown: number, all: number) =>
      `Annual damage of each problem, largest first${shown < all ? ` (the ${shown} largest, then the rest together)` : ''}, and the cumulative share of the total.`,
    chart: 'Annual damage by problem, and the cumulative share',
    damageAxis: 'Annual damage',
    cumulativeAxis: 'Cumulative share',
    eightyLine: '80% of the damage',
    others: (n: number) => `${n} others`,
    table: { problem: 'Problem', damage: 'Annual damage', share: 'Share', customersLost: 'Customers lost a year' },
  },
  investments: {
    description: 'Net present value of each investment on its own, in the ranking’s order (return on cost, highest first).',
    whiskers: 'The whiskers span P10 to P90 of the simulation.',
    inPortfolio: 'in the portfolio',
    chart: 'Net present value of each investment on its own',
    tableLabel: 'The investments, figure by figure',
    notWorthIt: 'Not worth doing (npv below zero)',
    whiskerNote: 'P10–P90',
    table: {
      investment: 'Investment',
      npv: 'NPV',
      roi: 'ROI',
      payback: 'Payback',
      irr: 'IRR',
      decidedBy: 'Decided most by',
      breakEven: 'Breaks even when',
    },
    noPayback: 'not within the horizon',
    none: '—',
    breakEven: (input: string, value: string) => `${input} = ${value}`,
  },
  cashFlow: {
    portfolio: 'The chosen portfolio: upfront costs at month 0, then each month’s benefits less running costs, undiscounted.',
    single: (name: string) => `${name}: upfront cost at month 0, then each month’s benefits less running costs, undiscounted.`,
    chartPortfolio: 'The chosen portfolio: cumulative net cash',
    chart: (name: string) => `${name}: cumulative net cash`,
    monthAxis: 'Month',
    payback: (months: string) => `Pays back: ${months}`,
  },
  tornado: {
    description: (name: string) =>
      `How far the net present value of ${name} moves when each assumption moves to the ends of its range, largest first.`,
    chart: (name: string) => `Net present value of ${name}: each assumption at its low and high end`,
    baseLabel: 'At the likely values',
    swing: (share: string) => `Each assumption without a range is moved ${share} either way.`,
  },
  assumptions: {
    description: 'Every figure that came from a default rather than from the inputs, with its source.',
    none: 'Every figure came from the inputs.',
    tableLabel: 'The assumptions and their sources',
    field: 'Input',
    what: 'What it is',
    value: 'Value',
    source: 'Source',
  },
  footer: {
    json: 'The same figures as JSON',
    method:
      'The model behind them: TARP/CCMC market damage model (John Goodman, Strategic Customer Service) and Forrester Total Economic Impact finance conventions.',
  },
  /** Inputs by path with the positions taken out (`problems[0].prevalence` → `problems.prevalence`). */
  inputs: {
    'customerValue.lifetimeValue': 'customer lifetime value',
    'customerValue.annualRevenue': 'annual revenue per customer',
    'customerValue.grossMargin': 'gross margin',
    'customerValue.retentionRate': 'retention rate',
    'customerValue.discountRate': 'discount rate of the lifetime value',
    newCustomerValue: 'value of a new customer',
    'loyalty.baseline': 'loyalty of customers with no problem',
    'loyalty.silent': 'loyalty of those who do not complain',
    'loyalty.satisfied': 'loyalty of complainants satisfied quickly',
    'loyalty.mollified': 'loyalty of complainants mollified',
    'loyalty.dissatisfied': 'loyalty of dissatisfied complainants',
    'wordOfMouth.positiveTold': 'people told good news',
    'wordOfMouth.negativeTold': 'people told bad news',
    'wordOfMouth.positiveInfluence': 'listeners who act on good news',
    'wordOfMouth.negativeInfluence': 'listeners who act on bad news',
    'finance.discountRate': 'discount rate',
    'finance.riskAdjustment': 'risk adjustment',
    'finance.horizonYears': 'horizon (years)',
    currency: 'currency',
    'problems.prevalence': 'prevalence',
    'problems.affectedCustomers': 'customers affected',
    'problems.complaintsPerYear': 'complaints a year',
    'problems.complaintRate': 'complaint rate',
    'problems.costPerComplaint': 'cost per complaint',
    'problems.loyalty.baseline': 'loyalty with no problem',
    'problems.loyalty.silent': 'loyalty of the silent',
    'problems.loyalty.satisfied': 'loyalty of the satisfied',
    'problems.loyalty.mollified': 'loyalty of the mollified',
    'problems.loyalty.dissatisfied': 'loyalty of the dissatisfied',
    'investments.effects.prevalenceReduction': 'prevalence reduction',
    'investments.effects.complaintRateMultiplier': 'complaint rate multiplier',
    'investments.effects.costPerComplaintReduction': 'cost per complaint reduction',
    'investments.cost.upfront': 'upfront cost',
    'investments.cost.annual': 'annual cost',
    'investments.rampUp': 'ramp-up',
  } as Record<string, string>,
  /** The sources of the defaults, by their English text: English is the source itself. */
  sources: {} as Record<string, string>,
  errorPage: {
    title: 'The report cannot be made',
    intro: 'The request has a problem:',
  },
};

export type Messages = typeof en;
