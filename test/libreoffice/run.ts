// The example workbook in a real spreadsheet engine: headless LibreOffice Calc opens it, its WEBSERVICE cells fetch
// from the API started by `wrangler dev`, and the cells must hold the worked example's figures (docs/method.md).
// Needs LibreOffice Calc and its Python UNO bridge (Debian: libreoffice-calc python3-uno); `.ci/run` installs them.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { checklist, startDevServer } from '../../scripts/dev-server.ts';

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
  for (const file of ['examples/business-case.ods', 'examples/business-case.xlsx']) {
    const cells = await readWorkbook(file, server.base);
    for (const [ref, expected] of Object.entries(EXPECTED)) {
      check(`${file} ${ref} = ${expected}`, matches(cells[ref], expected), `holds ${JSON.stringify(cells[ref])}`);
    }
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
} catch (e) {
  check('LibreOffice ran the workbook', false, (e as Error).message);
} finally {
  server.stop();
}
finish();
