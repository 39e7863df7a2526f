// Starts the API as `npm run dev` does (local D1 migrations applied, then wrangler dev, local state) on free loopback
// ports, for tests that need a real HTTP server.
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const WRANGLER_ENV = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `npm run db:migrate`: the saved-case routes answer 500 on a local D1 without its tables. */
async function migrateLocalDatabase(): Promise<void> {
  try {
    await promisify(execFile)('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local'], { env: WRANGLER_ENV });
  } catch (e) {
    const { stdout, stderr, message } = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`wrangler d1 migrations apply DB --local failed: ${[stderr, stdout].filter(Boolean).join('\n').trim() || message}`);
  }
}

export async function startDevServer(): Promise<{ base: string; stop: () => void }> {
  await migrateLocalDatabase();
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--log-level', 'warn'];
  const dev = spawn('wrangler', args, {
    env: WRANGLER_ENV,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-dev.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health`)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error('wrangler dev did not answer /health within 60 s');
}

/** Prints each check as it runs and a closing `name: N passed, M failed` line. */
export function checklist(name: string) {
  let passed = 0;
  let failed = 0;
  return {
    check(label: string, ok: boolean, detail = ''): void {
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${ok || !detail ? '' : `: ${detail}`}`);
    },
    finish(): never {
      console.log(`${name}: ${passed} passed, ${failed} failed`);
      process.exit(failed === 0 && passed > 0 ? 0 : 1);
    },
  };
}
