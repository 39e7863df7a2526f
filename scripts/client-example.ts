// Runs examples/typed-client as another service would use it, against `npm run dev`: types generated from the
// OpenAPI document the running API serves, the example typechecked against them, then run. Any step that fails
// (the document no longer fits the example's use of it, a status or figure other than expected) fails the run.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { checklist, startDevServer } from './dev-server.ts';

const DIR = 'examples/typed-client';
// Generated on every run from the served document, never committed (.gitignore): the example is always checked
// against the contract as it is now.
const TYPES = `${DIR}/api.d.ts`;

/** Runs a command, its output shown as it comes, and answers its exit code. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  console.log(`$ ${[command, ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    child.once('error', (e) => {
      console.error(e.message);
      resolve(-1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : 0)));
  });
}

const { check, finish } = checklist('typed client');
const server = await startDevServer().catch((e: Error) => {
  check('wrangler dev starts (local D1 migrated)', false, e.message);
  return finish();
});
const { base } = server;

try {
  rmSync(TYPES, { force: true });
  const generated = await run('openapi-typescript', [`${base}/openapi.json`, '--output', TYPES]);
  check(`openapi-typescript writes ${TYPES} from ${base}/openapi.json`, generated === 0, `exit code ${generated}`);
  if (generated === 0) {
    const typed = await run('tsc', ['-p', `${DIR}/tsconfig.json`]);
    check('the example typechecks against the served document', typed === 0, `tsc exit code ${typed}`);
    if (typed === 0) {
      const ran = await run(process.execPath, [`${DIR}/client.ts`], { ...process.env, API_BASE: base });
      check('the example creates, reads, edits with If-Match and recovers from 412', ran === 0, `exit code ${ran}`);
    }
  }
} catch (e) {
  check('the typed client example ran to the end', false, (e as Error).message);
} finally {
  server.stop();
}
finish();
