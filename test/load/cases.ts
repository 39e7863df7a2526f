// Saved cases under load (issue 14's benchmark): GET /v1/cases/{id}?format=csv and PUT with If-Match, each against
// GET /health, through `wrangler dev` and its local D1. In the PUT phase each connection edits as an editor does:
// it takes a case nobody else is editing, reads it (GET ?format=csv, the representation a spreadsheet reads), PUTs
// the next version with `If-Match: <the ETag read>`, and gives the case back. A PUT's rate so counts its re-read
// too. As no two connections edit one case at once, no PUT should meet a 412; any is counted and shown.
import autocannon from 'autocannon';
import { workedExample } from '../../src/schemas/examples.ts';

const json = { 'content-type': 'application/json' };

export interface CaseLoad {
  /** Median requests per second of each phase over the rounds; for `put`, the PUTs saved (each after its GET). */
  health: number;
  caseCsv: number;
  put: number;
  /** Answers that were not what the phase expects (wrong status or body, no ETag), connection errors, timeouts. */
  errors: number;
  /** PUTs answered 412: with one connection per case, none is expected. */
  preconditionFailed: number;
  /** PUTs saved in all. */
  saved: number;
  examples: string[];
}

interface Made {
  id: string;
  editKey: string;
}

async function createCase(base: string, title: string): Promise<Made> {
  const res = await fetch(`${base}/v1/cases`, { method: 'POST', headers: json, body: JSON.stringify({ ...workedExample, title }) });
  if (res.status !== 201) throw new Error(`POST /v1/cases answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as Made;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * Health, case CSV and the GET-then-PUT cycle, `rounds` times in turn (so that the machine's noise falls on all
 * alike), each phase `seconds` long on `connections` connections. The cases it makes are deleted afterwards.
 */
export async function caseLoad(
  base: string,
  { seconds, connections, rounds }: { seconds: number; connections: number; rounds: number },
): Promise<CaseLoad> {
  const reader = await createCase(base, 'load: read');
  const owned = await Promise.all(Array.from({ length: connections }, (_, i) => createCase(base, `load: edit ${i}`)));
  const expectedCsv = await (await fetch(`${base}/v1/cases/${reader.id}?format=csv`)).text();
  const put = JSON.stringify({ ...workedExample, title: 'load: edited' });
  const url = new URL(base);
  let errors = 0;
  let preconditionFailed = 0;
  let saved = 0;
  const examples: string[] = [];
  const wrong = (what: string, status: number, body: string) => {
    errors++;
    if (examples.length < 5) examples.push(`${what}: ${status} ${body.slice(0, 200)}`);
  };

  /** Each connection sends the requests in turn, again and again, for `seconds`; the requests per second. */
  const phase = async (requests: autocannon.Request[]) => {
    const r = await autocannon({ url: `${url.origin}/`, connections, duration: seconds, requests });
    errors += r.errors + r.timeouts;
    return r.requests.total / seconds;
  };

  const health: autocannon.Request[] = [
    { method: 'GET', path: '/health', onResponse: (status, body) => status !== 200 && wrong('GET /health', status, body) },
  ];
  const csv: autocannon.Request[] = [
    {
      method: 'GET',
      path: `/v1/cases/${reader.id}?format=csv`,
      onResponse: (status, body) => (status !== 200 || body !== expectedCsv) && wrong('GET case CSV', status, body),
    },
  ];
  // The cases no connection is editing: one is taken for a GET and given back after its PUT. A phase's end cuts its
  // last cycles short, so each PUT phase starts with them all.
  const free: Made[] = [];
  const edit: autocannon.Request[] = [
    {
      method: 'GET',
      setupRequest: (req, context) => {
        const c = free.pop();
        if (!c) throw new Error('more connections than cases');
        context.case = c;
        return { ...req, path: `/v1/cases/${c.id}?format=csv` };
      },
      onResponse: (status, body, context, headers) => {
        context.etag = headers.etag ?? headers.ETag;
        if (status !== 200 || !context.etag || body !== expectedCsv) wrong('GET case CSV before a PUT', status, body);
      },
    },
    {
      method: 'PUT',
      body: put,
      setupRequest: (req, context) => {
        const c = context.case as Made;
        // Without an ETag (its GET failed, and is counted) the case is given back and the sequence starts again.
        if (!context.etag) {
          free.push(c);
          return null;
        }
        return { ...req, path: `/v1/cases/${c.id}`, headers: { ...json, authorization: `Bearer ${c.editKey}`, 'if-match': String(context.etag) } };
      },
      onResponse: (status, body, context) => {
        free.push(context.case as Made);
        if (status === 200) saved++;
        else if (status === 412) preconditionFailed++;
        else wrong('PUT with If-Match', status, body);
      },
    },
  ];

  const rates = { health: [] as number[], caseCsv: [] as number[], put: [] as number[] };
  try {
    for (let round = 0; round < rounds; round++) {
      rates.health.push(await phase(health));
      rates.caseCsv.push(await phase(csv));
      const before = saved;
      free.splice(0, free.length, ...owned);
      await phase(edit);
      // The PUTs cut short may still be saved: let them land before the next read.
      await new Promise((r) => setTimeout(r, 500));
      rates.put.push((saved - before) / seconds);
    }
  } finally {
    await Promise.all(
      [reader, ...owned].map((c) => fetch(`${base}/v1/cases/${c.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${c.editKey}` } })),
    );
  }
  return { health: median(rates.health), caseCsv: median(rates.caseCsv), put: median(rates.put), errors, preconditionFailed, saved, examples };
}
