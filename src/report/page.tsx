/** @jsxImportSource hono/jsx */
// The report: one self-contained HTML page from a business case's figures, in one language. It reads figures and
// computes none (the month-by-month cash flow is the model's too).
import type { BusinessCase, InvestmentResult } from '../model/business-case.ts';
import { monthlyCumulative } from '../model/finance.ts';
import type { Assumption, UncertainScenario } from '../model/types.ts';
import { PARETO_MAX_BARS, PARETO_TOP } from './charts.ts';
import { CashFlowChart, NpvChart, ParetoChart, TornadoChart } from './charts.tsx';
import { formatsFor } from './format.ts';
import type { Messages } from './messages/en.ts';
import { REPORT_CSS } from './style.ts';
import type { Formats } from './types.ts';

export interface ReportInput {
  /** The business case, computed with a tornado. */
  result: BusinessCase;
  /** The scenario as validated: the names of its problems and investments, in input order. */
  scenario: UncertainScenario;
  messages: Messages;
  /** The title of a saved case. */
  title?: string;
  /** Where the same figures are as JSON (GET forms and saved cases). */
  jsonLink?: string;
  /** The swing applied to inputs without a range, when one was. */
  swing?: number;
  madeAt: Date;
}

const MONEY_INPUTS = new Set(['lifetimeValue', 'annualRevenue', 'newCustomerValue', 'costPerComplaint', 'upfront', 'annual']);
const SHARE_INPUTS = new Set([
  'grossMargin',
  'retentionRate',
  'discountRate',
  'riskAdjustment',
  'prevalence',
  'complaintRate',
  'prevalenceReduction',
  'costPerComplaintReduction',
  'baseline',
  'silent',
  'satisfied',
  'mollified',
  'dissatisfied',
  'positiveInfluence',
  'negativeInfluence',
]);

/** An input's value as the report writes it: money, a share, or a plain number. */
function inputValue(path: string, value: number, f: Formats): string {
  const key = path.split('.').at(-1)!;
  if (MONEY_INPUTS.has(key)) return f.money(value);
  if (SHARE_INPUTS.has(key)) return f.percent(value);
  return f.number(value);
}

/** An input in words: `problems[1].prevalence` is "Late delivery: prevalence". */
function inputLabel(path: string, scenario: UncertainScenario, m: Messages): string {
  const item = /^(problems|investments)\[(\d+)\]\.(.+)$/.exec(path);
  const key = path.replace(/\[\d+\]/g, '');
  const words = m.inputs[key] ?? path;
  if (!item) return words;
  const list = item[1] === 'problems' ? scenario.problems : (scenario.investments ?? []);
  const it = list[Number(item[2])] as { id: string; name?: string } | undefined;
  return it ? `${it.name ?? it.id}: ${words}` : words;
}

const nameOf = (x: { id: string; name: string }) => x.name || x.id;

/** The few problems that make 80% of the damage: down the ranking until the cumulative share reaches 80%. */
function vitalFew(result: BusinessCase) {
  const few = [];
  for (const p of result.problems) {
    if (p.cumulativeShare === null) break;
    few.push(p);
    if (p.cumulativeShare >= 0.8 - 1e-9) break;
  }
  return few;
}

/** Where a figure goes in a translated sentence: the sentence is made with MARK there, then split around it. */
const MARK = '\u0000';

/** A sentence made with MARK for one figure, with `children` (the figure, marked up) in its place. */
function Slot({ sentence, children }: { sentence: string; children: unknown }) {
  const [before, after] = sentence.split(MARK);
  return (
    <>
      {before}
      {children}
      {after}
    </>
  );
}

function Paid({ months, years, plural, m, f }: { months: number | null; years: number; plural: boolean; m: Messages; f: Formats }) {
  if (months === null) return <>{m.summary.noPayback(years, plural)}</>;
  return (
    <Slot sentence={m.summary.payback(MARK, plural)}>
      <span data-figure="paybackMonths">{f.months(months)}</span>
    </Slot>
  );
}

/** A name inside a sentence, isolated: a right-to-left mark in it cannot turn the words and figures around it. */
const isolated = (name: string) => `\u2068${name}\u2069`;

/** At most this many names in a sentence of the summary; the rest are counted. */
const NAMED = 5;

function Summary({ result, scenario, m, f }: { result: BusinessCase; scenario: UncertainScenario; m: Messages; f: Formats }) {
  const H = result.finance.horizonYears;
  const few = vitalFew(result);
  const top = result.investments[0];
  const portfolio = result.portfolio;
  const worth = result.investments.filter((i) => i.recommended).length;
  const roi = (v: number | null) => (v === null ? null : f.percent(v));
  const budget = scenario.portfolio?.budget;
  const budgeted = budget !== undefined && (budget.upfront !== undefined || budget.annual !== undefined);
  let outlook: unknown;
  let spread: { npv: { p10: number; p90: number }; probabilityPositiveNpv: number } | undefined;
  if (!top) outlook = m.summary.noInvestments;
  else if (portfolio && portfolio.investments.length === 0) outlook = m.summary.emptyPortfolio;
  else if (portfolio) {
    const names = portfolio.investments.slice(0, NAMED).map((id) => isolated(nameOf(result.investments.find((i) => i.id === id)!)));
    const more = portfolio.investments.length - names.length;
    const plural = portfolio.investments.length > 1;
    const sentence =
      portfolio.npv < 0 ? m.summary.portfolioLoss(names, more, MARK, H) : m.summary.portfolio(names, more, MARK, H, roi(portfolio.roi), budgeted);
    outlook = (
      <>
        <Slot sentence={sentence}>
          <strong data-figure="portfolioNpv">{f.money(portfolio.npv)}</strong>
        </Slot>
        {portfolio.npv < 0 ? '.' : <Paid months={portfolio.paybackMonths} years={H} plural={plural} m={m} f={f} />}
      </>
    );
    spread = portfolio.uncertainty;
  } else if (worth === 0) outlook = m.summary.noneWorthIt(result.investments.length);
  else {
    outlook = (
      <>
        <Slot sentence={m.summary.top(isolated(nameOf(top)), MARK, H, roi(top.roi))}>
          <strong data-figure="topInvestmentNpv">{f.money(top.npv)}</strong>
        </Slot>
        <Paid months={top.paybackMonths} years={H} plural={false} m={m} f={f} /> {m.summary.worthDoing(worth, result.investments.length)}
      </>
    );
    spread = top.uncertainty;
  }
  const samples = result.simulation?.samples;
  const total = result.totals.totalAnnualDamage;
  const damage = total > 0 ? m.summary.damage(MARK, result.problems.length) : m.summary.noNetDamage(MARK, result.problems.length);
  const fewNames = few.slice(0, NAMED).map((p) => isolated(nameOf(p)));
  return (
    <section class="summary" aria-labelledby="summary">
      <h2 id="summary">{m.sections.summary}</h2>
      <p>
        <Slot sentence={damage}>
          <strong data-figure="totalAnnualDamage">{f.money(total)}</strong>
        </Slot>{' '}
        {few.length === 0 ? m.summary.noDamage : m.summary.pareto(few.length, f.percent(few.at(-1)!.cumulativeShare!), fewNames)}
      </p>
      <p>
        {outlook}
        {spread && samples !== undefined
          ? ` ${m.summary.spread(f.money(spread.npv.p10), f.money(spread.npv.p90), f.number(samples), f.percent(spread.probabilityPositiveNpv))}`
          : ''}
      </p>
    </section>
  );
}

/** A chart's frame: on a narrow screen it scrolls sideways, so a keyboard can reach it, and it is named by its title. */
function Chart({ label, children }: { label: string; children: unknown }) {
  return (
    <figure class="chart" tabindex={0} aria-label={label}>
      {children}
    </figure>
  );
}

function Problems({ result, m, f }: { result: BusinessCase; m: Messages; f: Formats }) {
  const items = result.problems.map((p) => ({ label: nameOf(p), damage: p.totalAnnualDamage, cumulativeShare: p.cumulativeShare }));
  const shown = items.length <= PARETO_MAX_BARS ? items.length : PARETO_TOP;
  return (
    <section aria-labelledby="problems">
      <h2 id="problems">{m.sections.problems}</h2>
      <Chart label={m.problems.chart}>
        <ParetoChart
          items={items}
          f={f}
          text={{
            title: m.problems.chart,
            description: m.problems.description(shown, items.length),
            damageAxis: m.problems.damageAxis,
            cumulativeAxis: m.problems.cumulativeAxis,
            eightyLine: m.problems.eightyLine,
            others: m.problems.others,
          }}
        />
      </Chart>
      <p class="note">{m.problems.description(shown, items.length)}</p>
    </section>
  );
}

/** The input that moves an investment's npv most, and the break-even of the first swept input that has one. */
function decisive(inv: InvestmentResult) {
  const top = inv.sensitivity?.[0];
  const byField = new Map(inv.breakEven.filter((b) => b.breakEven !== null).map((b) => [b.field, b]));
  const swept = inv.sensitivity?.find((e) => byField.has(e.field));
  const breakEven = swept ? byField.get(swept.field) : inv.breakEven.find((b) => b.breakEven !== null);
  return { top, breakEven };
}

function Investments({ result, scenario, m, f }: { result: BusinessCase; scenario: UncertainScenario; m: Messages; f: Formats }) {
  if (result.investments.length === 0) return null;
  const items = result.investments.map((inv) => ({
    label: nameOf(inv),
    npv: inv.npv,
    recommended: inv.recommended,
    ...(inv.uncertainty ? { p10: inv.uncertainty.npv.p10, p90: inv.uncertainty.npv.p90 } : {}),
  }));
  const t = m.investments.table;
  const simulated = items.some((i) => i.p10 !== undefined);
  const members = new Set(result.portfolio?.investments ?? []);
  return (
    <section class="page" aria-labelledby="investments">
      <h2 id="investments">{m.sections.investments}</h2>
      <Chart label={m.investments.chart}>
        <NpvChart
          items={items}
          f={f}
          text={{
            title: m.investments.chart,
            description: simulated ? `${m.investments.description} ${m.investments.whiskers}` : m.investments.description,
            notWorthIt: m.investments.notWorthIt,
            whiskerNote: m.investments.whiskerNote,
          }}
        />
      </Chart>
      <section class="table wide" tabindex={0} aria-label={m.investments.tableLabel}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.investment}</th>
              <th scope="col" class="num">
                {t.npv}
              </th>
              <th scope="col" class="num">
                {t.roi}
              </th>
              <th scope="col" class="num">
                {t.payback}
              </th>
              <th scope="col" class="num">
                {t.irr}
              </th>
              <th scope="col">{t.decidedBy}</th>
              <th scope="col">{t.breakEven}</th>
            </tr>
          </thead>
          <tbody>
            {result.investments.map((inv) => {
              const { top, breakEven } = decisive(inv);
              return (
                <tr class={inv.recommended ? undefined : 'muted'}>
                  <th scope="row">
                    <bdi>{nameOf(inv)}</bdi>
                    {members.has(inv.id) && <span class="tag"> · {m.investments.inPortfolio}</span>}
                  </th>
                  <td class="num" data-investment-npv={inv.id}>
                    {f.money(inv.npv)}
                  </td>
                  <td class="num">{inv.roi === null ? m.investments.none : f.percent(inv.roi)}</td>
                  <td class="num">{inv.paybackMonths === null ? m.investments.noPayback : f.months(inv.paybackMonths)}</td>
                  <td class="num">{inv.irr === null ? m.investments.none : f.percent(inv.irr)}</td>
                  <td>{top ? <bdi>{inputLabel(top.field, scenario, m)}</bdi> : m.investments.none}</td>
                  <td>
                    {breakEven ? (
                      <bdi>
                        {m.investments.breakEven(inputLabel(breakEven.field, scenario, m), inputValue(breakEven.field, breakEven.breakEven!, f))}
                      </bdi>
                    ) : (
                      m.investments.none
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function CashFlow({ result, m, f }: { result: BusinessCase; m: Messages; f: Formats }) {
  const portfolio = result.portfolio && result.portfolio.investments.length > 0 ? result.portfolio : undefined;
  const top = result.investments[0];
  if (!portfolio && !top) return null;
  const points = monthlyCumulative(portfolio ? portfolio.cashFlows : top!.cashFlows);
  const description = portfolio ? m.cashFlow.portfolio : m.cashFlow.single(isolated(nameOf(top!)));
  const title = portfolio ? m.cashFlow.chartPortfolio : m.cashFlow.chart(isolated(nameOf(top!)));
  return (
    <section class="page" aria-labelledby="cash-flow">
      <h2 id="cash-flow">{m.sections.cashFlow}</h2>
      <Chart label={title}>
        <CashFlowChart
          points={points}
          paybackMonths={portfolio ? portfolio.paybackMonths : top!.paybackMonths}
          f={f}
          text={{
            title,
            description,
            monthAxis: m.cashFlow.monthAxis,
            payback: (n: number) => m.cashFlow.payback(f.months(n)),
          }}
        />
      </Chart>
      <p class="note">{description}</p>
    </section>
  );
}

function Tornado({ result, scenario, swing, m, f }: { result: BusinessCase; scenario: UncertainScenario; swing?: number; m: Messages; f: Formats }) {
  const top = result.investments[0];
  if (!top?.sensitivity || top.sensitivity.length === 0) return null;
  const items = top.sensitivity.map((e) => ({
    label: inputLabel(e.field, scenario, m),
    lowText: inputValue(e.field, e.low, f),
    highText: inputValue(e.field, e.high, f),
    low: e.low,
    high: e.high,
    figureAtLow: e.figureAtLow,
    figureAtHigh: e.figureAtHigh,
  }));
  const description = m.tornado.description(isolated(nameOf(top)));
  const title = m.tornado.chart(isolated(nameOf(top)));
  return (
    <section aria-labelledby="tornado">
      <h2 id="tornado">{m.sections.tornado}</h2>
      <Chart label={title}>
        <TornadoChart items={items} base={top.npv} f={f} text={{ title, description, baseLabel: m.tornado.baseLabel }} />
      </Chart>
      <p class="note">
        {description}
        {swing !== undefined ? ` ${m.tornado.swing(f.percent(swing))}` : ''}
      </p>
    </section>
  );
}

function assumptionValue(a: Assumption, f: Formats): string {
  if (typeof a.value === 'number') return inputValue(a.field, a.value, f);
  if (Array.isArray(a.value)) return a.value.map((v) => f.percent(v)).join(' / ');
  return a.value;
}

function Assumptions({ result, scenario, m, f }: { result: BusinessCase; scenario: UncertainScenario; m: Messages; f: Formats }) {
  const t = m.assumptions;
  return (
    <section class="page" aria-labelledby="assumptions">
      <h2 id="assumptions">{m.sections.assumptions}</h2>
      <p class="note">{result.assumptions.length === 0 ? t.none : t.description}</p>
      {result.assumptions.length > 0 && (
        <section class="table" tabindex={0} aria-label={t.tableLabel}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.what}</th>
                <th scope="col">{t.field}</th>
                <th scope="col">{t.value}</th>
                <th scope="col">{t.source}</th>
              </tr>
            </thead>
            <tbody>
              {result.assumptions.map((a) => (
                <tr>
                  <td>
                    <bdi>{inputLabel(a.field, scenario, m)}</bdi>
                  </td>
                  <td>
                    <code>{a.field}</code>
                  </td>
                  <td class="num">{assumptionValue(a, f)}</td>
                  <td>{m.sources[a.source] ?? a.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

/** The report as a complete HTML document. */
export function reportPage(input: ReportInput): string {
  const { result, scenario, messages: m } = input;
  const f = formatsFor(m, result.currency);
  const date = new Intl.DateTimeFormat(m.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(input.madeAt);
  const title = input.title ?? m.title;
  const page = (
    <html lang={m.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{title}</title>
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      </head>
      <body>
        <main>
          <header>
            <h1>
              <bdi>{title}</bdi>
            </h1>
            {input.title !== undefined && <p class="subtitle">{m.title}</p>}
            <p class="made">{m.made(date, result.modelVersion, result.currency)}</p>
          </header>
          <Summary result={result} scenario={scenario} m={m} f={f} />
          <Problems result={result} m={m} f={f} />
          <Investments result={result} scenario={scenario} m={m} f={f} />
          <CashFlow result={result} m={m} f={f} />
          <Tornado result={result} scenario={scenario} swing={input.swing} m={m} f={f} />
          <Assumptions result={result} scenario={scenario} m={m} f={f} />
          <footer>
            <p>{m.footer.method}</p>
            {input.jsonLink !== undefined && (
              <p>
                <a href={input.jsonLink}>{m.footer.json}</a>
              </p>
            )}
          </footer>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${page}`;
}

/** A request the report cannot be made from, as a page a person can read: what is wrong, field by field. */
export function errorPage(
  m: Messages,
  status: number,
  detail: string,
  errors: readonly { path: string; message: string }[],
  errorCount: number,
): string {
  const page = (
    <html lang={m.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{m.errorPage.title}</title>
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      </head>
      <body>
        <main>
          <h1>{m.errorPage.title}</h1>
          <p class="made">HTTP {status}</p>
          <section>
            <p>{m.errorPage.intro}</p>
            {/* The detail repeats the first errors: with a list, the list alone. */}
            {errors.length === 0 && (
              <p>
                <bdi>{detail}</bdi>
              </p>
            )}
            {errors.length > 0 && (
              <ul>
                {errors.map((e) => (
                  <li>
                    <code>{e.path}</code>: <bdi>{e.message}</bdi>
                  </li>
                ))}
              </ul>
            )}
            {errorCount > errors.length && <p class="note">(+{errorCount - errors.length})</p>}
          </section>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${page}`;
}
