// The example workbook in a real spreadsheet engine: headless LibreOffice Calc opens it, its WEBSERVICE cells fetch
// from the API started by `wrangler dev`, and the cells must hold the worked example's figures (docs/method.md) and,
// on the Uncertainty sheet, what POST /v1/business-case answers for the docs page's ranged example, and on the
// Portfolio sheet what it answers for the worked example with the sheet's budget; a saved case's link gives the same
// figure in a WEBSERVICE cell as its JSON, and its CSV table linked into a sheet the same cells as served.
// Needs LibreOffice Calc and its Python UNO bridge (Debian: libreoffice-calc python3-uno); `.ci/run` installs them.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { checklist, startDevServer } from '../../scripts/dev-server.ts';
import { rangedExample, workedExample } from '../../src/schemas/examples.ts';

const run = promisify(execFile);
const { check, finish } = checklist('libreoffice');

/** The worked example (docs/method.md), as the workbook lays it out. */
const EXPECTED: Record<string, number> = {
  H9: 6588,
  I9: 3294000,
  J9: 732000,
  K9: 48000,
  L9: 4074000,
  M9: 2,
  H10: 13055,
  I10: 6527500,
  J10: 1582500,
  K10: 25000,
  L10: 8135000,
  M10: 1,
  I13: 2444400,
  J13: 5096632.31,
  K13: 13.6149,
  L13: 2,
  M13: 179163.33,
  N13: 1,
  I14: 1473000,
  J14: 2898397.45,
  K14: 7.2747,
  L14: 1,
  M14: 100475,
  N14: 2,
  B16: 12209000,
};

type Entry = { field: string; low: number; high: number; figureAtLow: number; figureAtHigh: number; swing: number };
type Spread = { mean: number; p10: number; p50: number; p90: number };
interface RangedAnswer {
  investments: {
    id: string;
    npv: number;
    irr: number | null;
    uncertainty: { npv: Spread; probabilityPositiveNpv: number };
    breakEven: { field: string; breakEven: number | null }[];
    sensitivity: Entry[];
  }[];
  totals: { totalAnnualDamage: number; uncertainty: { totalAnnualDamage: Spread } };
}

/** On GET, scenario-wide inputs are named by their parameter: the Uncertainty sheet's names for the JSON paths. */
const GET_NAMES: Record<string, string> = {
  'customerValue.lifetimeValue': 'lifetimeValue',
  'wordOfMouth.negativeTold': 'negativeTold',
};

/**
 * What the Uncertainty sheet must show, cell by cell, for the docs page's ranged example, which it opens with: the
 * JSON answer's figures, to the last digit (the same scenario, samples and seed give the same draws by GET).
 */
function uncertaintyCells(answer: RangedAnswer): Record<string, number | string> {
  const cells: Record<string, number | string> = {};
  const ids = ['fix-billing', 'better-handling'];
  ids.forEach((id, k) => {
    const inv = answer.investments.find((i) => i.id === id)!;
    const row = 27 + k;
    const { npv, uncertainty: u } = inv;
    const upfront = inv.breakEven.find((b) => b.field === `investments[${k}].cost.upfront`)!.breakEven!;
    const values = [npv, u.npv.p10, u.npv.p50, u.npv.p90, u.probabilityPositiveNpv, inv.irr!, upfront];
    cells[`A${row}`] = id;
    values.forEach((v, i) => {
      cells[`${'BCDEFGH'[i]}${row}`] = v;
    });
  });
  const d = answer.totals.uncertainty.totalAnnualDamage;
  [answer.totals.totalAnnualDamage, d.p10, d.p50, d.p90].forEach((v, i) => {
    cells[`${'BCDE'[i]}29`] = v;
  });
  const tornado = answer.investments.find((i) => i.id === ids[0])!.sensitivity;
  for (let n = 0; n < 5; n++) {
    const e = tornado[n]!;
    const values = [GET_NAMES[e.field] ?? e.field, e.low, e.high, e.figureAtLow, e.figureAtHigh, e.swing];
    values.forEach((v, i) => {
      cells[`${'BCDEFG'[i]}${33 + n}`] = v;
    });
  }
  return Object.fromEntries(Object.entries(cells).map(([ref, v]) => [`Uncertainty.${ref}`, v]));
}

interface PortfolioAnswer {
  portfolio: Record<string, number | string | null> & {
    investments: string[];
    members: { id: string; marginalNpv: number }[];
    ladder: { id: string; marginalNpv: number; npv: number; upfront: number; annual: number }[];
  };
}

/** What the Portfolio sheet must show for the worked example's investments with the budget it was given. */
function portfolioCells(answer: PortfolioAnswer): Record<string, number | string> {
  const p = answer.portfolio;
  const ids = ['fix-billing', 'better-handling'];
  const cells: Record<string, number | string> = { B13: p.investments.join(', '), B23: p.method as string };
  ['npv', 'roi', 'paybackMonths', 'irr', 'upfront', 'annual', 'annualBenefit', 'standaloneBenefitSum', 'overlap'].forEach((field, i) => {
    cells[`B${14 + i}`] = p[field] as number;
  });
  ids.forEach((id, k) => {
    const member = p.members.find((m) => m.id === id);
    cells[`A${26 + k}`] = id;
    cells[`B${26 + k}`] = member ? 'yes' : 'no';
    cells[`C${26 + k}`] = member ? member.marginalNpv : '';
  });
  ids.forEach((_, n) => {
    const step = p.ladder[n];
    const values = step ? [step.id, step.marginalNpv, step.npv, step.upfront, step.annual] : ['', '', '', '', ''];
    values.forEach((v, i) => {
      cells[`${'BCDEF'[i]}${31 + n}`] = v;
    });
  });
  return Object.fromEntries(Object.entries(cells).map(([ref, v]) => [`Portfolio.${ref}`, v]));
}

async function portfolioAnswer(base: string, budget: { annual?: number }): Promise<PortfolioAnswer> {
  const res = await fetch(`${base}/v1/business-case`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...workedExample, portfolio: { budget } }),
  });
  check(`the worked example's portfolio within ${JSON.stringify(budget)} is answered`, res.status === 200, `status ${res.status}`);
  return (await res.json()) as PortfolioAnswer;
}

/** The same number (to rounding in its last digit, read back from text) or the same text. */
function same(actual: number | string | undefined, expected: number | string): boolean {
  if (typeof expected === 'string') return actual === expected;
  return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
}

async function readWorkbook(file: string, base: string, ...changes: string[]): Promise<Record<string, number | string>> {
  const { stdout } = await run('/usr/bin/python3', ['test/libreoffice/read-workbook.py', file, base, ...changes], { timeout: 120_000 });
  return JSON.parse(stdout) as Record<string, number | string>;
}

/** Equal to the worked example's figure as the method rounds it. */
function matches(actual: number | string | undefined, expected: number): boolean {
  if (typeof actual !== 'number') return false;
  const decimals = String(expected).split('.')[1]?.length ?? 0;
  return Math.abs(actual - expected) <= 0.5 * 10 ** -decimals + 1e-9;
}

const hasOffice = await run('/usr/bin/python3', ['-c', 'import uno']).then(
  () => run('soffice', ['--version']).then(() => true),
  () => false,
);
if (!hasOffice) {
  const hint = 'LibreOffice Calc with Python UNO is not installed (Debian: apt-get install libreoffice-calc python3-uno)';
  if (process.env.CI) {
    check('LibreOffice is installed', false, hint);
    finish();
  }
  console.log(`libreoffice: skipped: ${hint}`);
  process.exit(0);
}

const server = await startDevServer().catch((e: Error) => {
  check('wrangler dev starts', false, e.message);
  return finish();
});

try {
  const ranged = await fetch(`${server.base}/v1/business-case`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rangedExample),
  });
  check('the ranged example is answered', ranged.status === 200, `status ${ranged.status}`);
  const UNCERTAIN = uncertaintyCells((await ranged.json()) as RangedAnswer);
  const PORTFOLIO = portfolioCells(await portfolioAnswer(server.base, { annual: 100000 }));
  for (const file of ['examples/business-case.ods', 'examples/business-case.xlsx']) {
    const cells = await readWorkbook(file, server.base);
    for (const [ref, expected] of Object.entries(EXPECTED)) {
      check(`${file} ${ref} = ${expected}`, matches(cells[ref], expected), `holds ${JSON.stringify(cells[ref])}`);
    }
    for (const [ref, expected] of Object.entries(UNCERTAIN)) {
      check(`${file} ${ref} = ${expected}`, same(cells[ref], expected), `holds ${JSON.stringify(cells[ref])}`);
    }
    for (const [ref, expected] of Object.entries(PORTFOLIO)) {
      check(`${file} ${ref} = ${expected}`, same(cells[ref], expected), `holds ${JSON.stringify(cells[ref])}`);
    }
    // Within an annual budget of 100,000 only fixing billing fits (docs/method.md, the portfolio's worked example).
    check(`${file} Portfolio.B14 = 5096632.31`, matches(cells['Portfolio.B14'], 5096632.31), `holds ${cells['Portfolio.B14']}`);
    // Ranges change no point figure: fix-billing's npv at likely is the worked example's.
    check(`${file} Uncertainty.B27 = 5096632.31`, matches(cells['Uncertainty.B27'], 5096632.31), `holds ${cells['Uncertainty.B27']}`);
  }
  // A CX leader's typo: the reason shows in the cell instead of a number.
  const wrong = await readWorkbook('examples/business-case.ods', server.base, 'C9=2');
  const reason = '#ERROR complaintRate: must be greater than 0 and at most 1 (got 2)';
  check('a bad input shows its reason in the cell', wrong.L9 === reason, `holds ${JSON.stringify(wrong.L9)}`);
  check(
    'a bad input in the business case names the problem',
    String(wrong.M9).startsWith('#ERROR problems[0].complaintRate'),
    `holds ${JSON.stringify(wrong.M9)}`,
  );
  // A range whose low end is above its likely value: the reason shows in the Uncertainty sheet's cells.
  const unordered = await readWorkbook('examples/business-case.ods', server.base, 'Uncertainty.B5=600');
  const why = '#ERROR lifetimeValue.low: must be at most likely (500) (got 600)';
  for (const ref of ['Uncertainty.C27', 'Uncertainty.B33']) {
    check(`a range out of order shows its reason in ${ref}`, unordered[ref] === why, `holds ${JSON.stringify(unordered[ref])}`);
  }

  // No budget: both investments, and the billing damage they both claim counted once.
  const unlimited = await readWorkbook('examples/business-case.ods', server.base, 'Portfolio.B4=');
  const UNLIMITED = portfolioCells(await portfolioAnswer(server.base, {}));
  for (const [ref, expected] of Object.entries(UNLIMITED)) {
    check(`without a budget ${ref} = ${expected}`, same(unlimited[ref], expected), `holds ${JSON.stringify(unlimited[ref])}`);
  }
  const method: Record<string, number> = { B14: 6883108.49, B15: 8.9071, B16: 2, B17: 8.2998, B20: 3420600, B21: 3917400, B22: 496800 };
  for (const [ref, expected] of Object.entries(method)) {
    check(
      `without a budget Portfolio.${ref} = ${expected}`,
      matches(unlimited[`Portfolio.${ref}`], expected),
      `holds ${unlimited[`Portfolio.${ref}`]}`,
    );
  }
  check('without a budget both are chosen', unlimited['Portfolio.B13'] === 'fix-billing, better-handling', `holds ${unlimited['Portfolio.B13']}`);

  // The README's Excel formula, built from labelled cells, evaluated by a real spreadsheet engine.
  const readme = readFileSync('README.md', 'utf8');
  const excel = readme.match(/^`(=NUMBERVALUE\(WEBSERVICE\(.*\))`$/m)?.[1];
  check('the README has its Excel formula', excel !== undefined);
  if (excel) {
    const formula = excel.replace('https://YOUR-WORKER', server.base);
    const { stdout } = await run('/usr/bin/python3', [
      'test/libreoffice/evaluate-formula.py',
      formula,
      '100000',
      '500',
      '0.12',
      '0.5',
      '0.4',
      '0.2',
      '0.4',
      '8',
      'USD',
    ]);
    check('the README’s Excel formula gives 4074000', JSON.parse(stdout) === '4074000', `gives ${stdout.trim()}`);
  }

  // The README's formula that builds ranges from low, likely and high cells.
  const ranges = readme.match(/^`(=NUMBERVALUE\(WEBSERVICE\(.*uncertainty\..*\))`\n\ngives `([^`]+)`/m);
  check('the README has its formula with ranges from cells', ranges !== null);
  if (ranges) {
    const formula = ranges[1]!.replace('https://YOUR-WORKER', server.base);
    const cells = ['B1=100000', 'B2=400', 'C2=500', 'D2=700', 'B3=0.08', 'C3=0.12', 'D3=0.15'];
    const { stdout } = await run('/usr/bin/python3', ['test/libreoffice/evaluate-formula.py', formula, ...cells]);
    check(`the README’s formula with ranges gives ${ranges[2]}`, JSON.parse(stdout) === ranges[2], `gives ${stdout.trim()}`);
  }

  // The README's formula whose budget cell drives the chosen set.
  const budget = readme.match(/^`(=VALUE\(WEBSERVICE\(.*portfolio=budgetAnnual:"&B1&".*\))`\n\ngives `([^`]+)`/m);
  check('the README has its formula with a budget from a cell', budget !== null);
  if (budget) {
    const formula = budget[1]!.replace('https://YOUR-WORKER', server.base);
    const { stdout } = await run('/usr/bin/python3', ['test/libreoffice/evaluate-formula.py', formula, '100000']);
    // Calc shows 15 significant digits: the same number to rounding in its last digit.
    const shown = Number(JSON.parse(stdout));
    check(`the README’s formula with a budget gives ${budget[2]}`, same(shown, Number(budget[2])), `gives ${stdout.trim()}`);
  }

  // A saved case behind one short link: its figure in a cell with WEBSERVICE, and its CSV table in a sheet.
  const created = await fetch(`${server.base}/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...workedExample, title: 'LibreOffice: the worked example' }),
  });
  check('a case is saved', created.status === 201, `status ${created.status}`);
  const saved = (await created.json()) as { id: string; editKey: string };
  const link = `${server.base}/v1/cases/${saved.id}`;
  const read = (await (await fetch(link)).json()) as { investments: { id: string; npv: number }[] };
  const npv = read.investments.find((i) => i.id === 'fix-billing')!.npv;
  const { stdout: shownNpv } = await run('/usr/bin/python3', [
    'test/libreoffice/evaluate-formula.py',
    `=VALUE(WEBSERVICE("${link}?field=investments.fix-billing.npv"))`,
  ]);
  // Calc shows 15 significant digits: the same number to rounding in its last digit.
  check(
    `a saved case's fix-billing npv in a cell = ${npv} (its JSON)`,
    same(Number(JSON.parse(shownNpv)), npv) && matches(Number(JSON.parse(shownNpv)), 5096632.31),
    `gives ${shownNpv.trim()}`,
  );
  const csv = await (await fetch(`${link}?format=csv&table=investments`)).text();
  const { stdout: imported } = await run('/usr/bin/python3', ['test/libreoffice/import-csv.py', `${link}?format=csv&table=investments`], {
    timeout: 120_000,
  });
  const sheet = JSON.parse(imported) as (number | string)[][];
  const rows = csv
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
  check(
    `a saved case's investments CSV linked into a sheet: ${rows.length} rows × ${rows[0]!.length} columns, every cell as served`,
    sheet.length === rows.length &&
      rows.every((row, r) =>
        row.every((text, c) => {
          const cell = sheet[r]?.[c];
          // Calc reads `true` and `false` as its booleans, 1 and 0.
          const expected = text === 'true' ? 1 : text === 'false' ? 0 : text;
          return typeof cell === 'number' ? same(cell, Number(expected)) : cell === expected;
        }),
      ),
    `the sheet: ${imported.slice(0, 300)}; the CSV: ${csv.slice(0, 300)}`,
  );
  await fetch(link, { method: 'DELETE', headers: { authorization: `Bearer ${saved.editKey}` } });
} catch (e) {
  check('LibreOffice ran the workbook', false, (e as Error).message);
} finally {
  server.stop();
}
finish();
