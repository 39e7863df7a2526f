// Another service using a saved case through a client typed from the API's own OpenAPI document: it saves the
// worked example, reads an investment's npv, edits the case with If-Match, and recovers when a colleague's edit
// landed first (412: read again, re-apply the edit, save).
//
//   API_BASE=http://127.0.0.1:8787 node examples/typed-client/client.ts
//
// api.d.ts is generated from the running API: see README.md.
import createClient from 'openapi-fetch';
import { workedExample } from '../../src/schemas/examples.ts';
import type { components, paths } from './api.d.ts';

type CaseRequest = components['schemas']['CaseRequest'];
type SavedCase = components['schemas']['SavedCase'];
type Problem = components['schemas']['ProblemDetails'];

const base = process.env.API_BASE ?? 'http://127.0.0.1:8787';
// Only the JSON answers: `data` is then a SavedCase (not also the CSV text) and `error` a problem+json body.
const api = createClient<paths, `application/${string}`>({ baseUrl: base });

/** Stops the run with what was expected and what came back. */
function fail(step: string, status: number, error?: Problem): never {
  throw new Error(`${step}: HTTP ${status}${error ? ` ${error.type}: ${error.detail ?? error.title}` : ''}`);
}

const money = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

function npvOf(saved: SavedCase, investmentId: string): number {
  const investment = saved.investments.find((i) => i.id === investmentId);
  if (!investment) throw new Error(`the case has no investment ${investmentId}`);
  return investment.npv;
}

/** The case as it is now, with the ETag that names this version. */
async function read(id: string): Promise<{ saved: SavedCase; etag: string }> {
  const { data, error, response } = await api.GET('/v1/cases/{id}', { params: { path: { id } } });
  if (!data) return fail(`GET /v1/cases/${id}`, response.status, error);
  const etag = response.headers.get('ETag');
  if (!etag) throw new Error(`GET /v1/cases/${id} answered no ETag`);
  return { saved: data, etag };
}

/** What the case holds, as the body to send it back: the scenario as saved (a Scenario) and its title. */
function bodyOf(saved: SavedCase): CaseRequest {
  const { title } = saved.case;
  return { ...(saved.case.scenario as CaseRequest), ...(title === null ? {} : { title }) };
}

type Edit = { describe: string; apply: (body: CaseRequest) => CaseRequest };

/** Sets the upfront cost of one investment, leaving the rest of the case as it is. */
function upfrontCost(investmentId: string, upfront: number): Edit {
  return {
    describe: `${investmentId} upfront cost → ${money(upfront)}`,
    apply: (body) => ({
      ...body,
      investments: body.investments?.map((i) => (i.id === investmentId ? { ...i, cost: { ...i.cost, upfront } } : i)),
    }),
  };
}

type Put = { ok: true; version: number } | { ok: false; status: number; error?: Problem };

async function put(id: string, editKey: string, etag: string, body: CaseRequest): Promise<Put> {
  const { data, error, response } = await api.PUT('/v1/cases/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    headers: { Authorization: `Bearer ${editKey}` },
    body,
  });
  return data ? { ok: true, version: data.version } : { ok: false, status: response.status, error };
}

/**
 * Applies an edit to the case as it was read (`etag`, `saved`). When someone saved another version since, the API
 * answers 412: read the case again and apply the same edit to what is there now, so their change is kept too.
 */
async function saveEdit(
  id: string,
  editKey: string,
  edit: Edit,
  seen: { saved: SavedCase; etag: string },
  attempts = 3,
): Promise<{ version: number; refused: number }> {
  let { saved, etag } = seen;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const outcome = await put(id, editKey, etag, edit.apply(bodyOf(saved)));
    if (outcome.ok) {
      console.log(`  PUT If-Match: ${etag} → 200, version ${outcome.version} (${edit.describe})`);
      return { version: outcome.version, refused: attempt - 1 };
    }
    if (outcome.status !== 412) return fail(`PUT /v1/cases/${id}`, outcome.status, outcome.error);
    console.log(`  PUT If-Match: ${etag} → 412 ${outcome.error?.type ?? ''}: ${outcome.error?.detail ?? ''}`);
    ({ saved, etag } = await read(id));
    console.log(`  re-read: version ${saved.case.version}, ETag ${etag}; re-applying ${edit.describe}`);
  }
  throw new Error(`PUT /v1/cases/${id}: still 412 after ${attempts} attempts`);
}

function ensure(what: string, ok: boolean, detail: string): void {
  if (!ok) throw new Error(`${what}: ${detail}`);
}

console.log(`API: ${base}`);

// 1. Save the worked example. The body is checked against the document's CaseRequest by tsc.
const request: CaseRequest = { title: 'Acme: billing and delivery (typed client)', ...workedExample };
const created = await api.POST('/v1/cases', { body: request });
if (!created.data) fail('POST /v1/cases', created.response.status, created.error);
const { id, editKey, version } = created.data;
if (!editKey) throw new Error('POST /v1/cases answered no editKey');
ensure('the new case', created.response.status === 201 && version === 1, `status ${created.response.status}, version ${version}`);
console.log(`1. POST /v1/cases → 201, case ${id} at version ${version} (Location: ${created.response.headers.get('Location')})`);

// 2. Read it: the figures are computed now, and typed.
const first = await read(id);
const npv = npvOf(first.saved, 'fix-billing');
ensure('fix-billing npv of the worked example', Math.abs(npv - 5096632.31) < 0.005, `got ${npv}`);
console.log(`2. GET /v1/cases/${id} → 200, ETag ${first.etag}: fix-billing npv ${money(npv)} ${first.saved.currency}`);

// 3. Edit it with the ETag just read.
console.log('3. Edit with If-Match (the ETag read in 2):');
const editA = upfrontCost('fix-billing', 300000);
const second = await saveEdit(id, editKey, editA, first, 1);
ensure('the first edit', second.version === 2 && second.refused === 0, JSON.stringify(second));

// 4. Another edit made from the same, now stale, read: 412, then read again, re-apply, save.
console.log('4. Edit again with the stale ETag from 2:');
const editB = upfrontCost('better-handling', 80000);
const third = await saveEdit(id, editKey, editB, first);
ensure('the stale edit: refused once with 412, then saved', third.version === 3 && third.refused === 1, JSON.stringify(third));

// 5. Both edits are in the case.
const last = await read(id);
const upfront = (investmentId: string) => bodyOf(last.saved).investments?.find((i) => i.id === investmentId)?.cost.upfront;
ensure('both edits kept', upfront('fix-billing') === 300000 && upfront('better-handling') === 80000, JSON.stringify(last.saved.case.scenario));
console.log(
  `5. GET /v1/cases/${id} → version ${last.saved.case.version}, ETag ${last.etag}: fix-billing npv ${money(npvOf(last.saved, 'fix-billing'))}, ` +
    `better-handling npv ${money(npvOf(last.saved, 'better-handling'))}; both edits kept`,
);

// Tidy up: the case was only an example.
const gone = await api.DELETE('/v1/cases/{id}', { params: { path: { id } }, headers: { Authorization: `Bearer ${editKey}` } });
ensure('DELETE', gone.response.status === 204, `status ${gone.response.status}`);
console.log(`6. DELETE /v1/cases/${id} → 204`);
