// Round trip of saved cases: 1,000 generated scenarios (plain, and with ranges and the simulation's and tornado's
// settings) each saved with POST /v1/cases and read back with GET /v1/cases/{id}. What was sent comes back as sent,
// and the figures are those POST /v1/business-case gives for the same scenario; a few are read as CSV and by `field=`
// too. Simulations are kept small (100 samples, the fewest allowed), so that the file stays fast.
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { scenario } from '../arbitraries.ts';
import { call, expectDocumented, openApiDocument, postJson } from './helpers.ts';
import { holdsRange, type Options, withRanges } from './schema-arbitrary.ts';

type Schema = Record<string, unknown>;
type Doc = {
  paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
};

/** The count the issue asks for, whatever FUZZ_RUNS says (more if it asks for more). */
const SCENARIOS = Math.max(1000, inject('fuzzRuns'));
/** Every this many scenarios, the answer is also checked against the document, and read as CSV and by `field=`. */
const EVERY = 50;
const SMALL: Options = { maxima: { samples: 100 }, always: ['samples'] };

const doc = (await openApiDocument()) as unknown as Doc;
const documentedScenario = doc.paths['/v1/business-case']!.post!.requestBody.content['application/json']!.schema;
const rangedScenario = withRanges(scenario, documentedScenario, doc.components.schemas, { simulation: 'always', sensitivity: 'sometimes' }, SMALL);

/** What a title may not hold (control characters, line separators), and the marks that alone would leave it blank. */
const isControl = (ch: string) => {
  const code = ch.codePointAt(0)!;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
};
const BLANK = /^[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]*$/;
/** A title of any characters a title may hold (astral ones count twice toward the 200 allowed), or none. */
const title = fc.option(
  fc.string({ minLength: 1, maxLength: 100, unit: 'binary' }).filter((t) => ![...t].some(isControl) && !BLANK.test(t)),
  { nil: undefined },
);
const request = fc.record({
  scenario: fc.oneof(scenario as fc.Arbitrary<unknown>, rangedScenario),
  title,
});

type SavedCase = { case: { id: string; version: number; title: string | null; scenario: unknown } } & Record<string, unknown>;

const tally = { plain: 0, ranged: 0, titled: 0, csv: 0, field: 0 };
afterAll(() => console.log(`cases round trip: ${JSON.stringify(tally)}`));

describe('saved cases: round trip', () => {
  it(`stores ${SCENARIOS} generated scenarios and reads each back as sent, with the figures of POST /v1/business-case`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(request, async ({ scenario: sent, title: name }) => {
        n++;
        // What is on the wire: the scenario as JSON reads it (undefined properties gone, -0 as 0).
        const wire = JSON.parse(JSON.stringify(sent)) as Record<string, unknown>;
        const shown = JSON.stringify(wire).slice(0, 600);
        const created = await postJson('/v1/cases', name === undefined ? wire : { title: name, ...wire });
        expect(created.status, shown).toBe(201);
        const { id } = (await created.json()) as { id: string };

        const read = await call(`/v1/cases/${id}`);
        expect(read.status, shown).toBe(200);
        const answer = (n % EVERY === 0 ? await expectDocumented(read, 'GET', '/v1/cases/{id}') : await read.json()) as SavedCase;
        const { case: info, ...figures } = answer;
        expect(info.scenario, shown).toStrictEqual(wire);
        expect(info.title).toBe(name ?? null);
        expect(info.version).toBe(1);
        expect(info.id).toBe(id);

        const direct = await postJson('/v1/business-case', wire);
        expect(direct.status, shown).toBe(200);
        expect(figures, shown).toStrictEqual(await direct.json());

        const ranged = holdsRange(wire);
        tally[ranged ? 'ranged' : 'plain']++;
        if (name !== undefined) tally.titled++;
        if (ranged) expect(figures.simulation, shown).toBeDefined();

        if (n % EVERY !== 0) return;
        const investments = (wire.investments as { id: string }[] | undefined) ?? [];
        for (const query of ['format=csv', 'format=csv&table=investments', 'format=tsv&table=assumptions']) {
          const [saved, computed] = await Promise.all([call(`/v1/cases/${id}?${query}`), postJson(`/v1/business-case?${query}`, wire)]);
          expect(saved.status, `${query} ${shown}`).toBe(200);
          expect(saved.headers.get('content-type')).toBe(computed.headers.get('content-type'));
          expect(await saved.text(), `${query} ${shown}`).toBe(await computed.text());
          tally.csv++;
        }
        const fields = ['totals.totalAnnualDamage', `problems.p0.totalAnnualDamage`, ...investments.map((i) => `investments.${i.id}.npv`)];
        for (const field of fields) {
          const [saved, computed] = await Promise.all([call(`/v1/cases/${id}?field=${field}`), postJson(`/v1/business-case?field=${field}`, wire)]);
          expect(saved.status, `${field} ${shown}`).toBe(200);
          const text = await saved.text();
          expect(text, `${field} ${shown}`).toBe(await computed.text());
          expect(Number.isFinite(Number(text)), `${field}: ${text}`).toBe(true);
          tally.field++;
        }
        const savedTitle = await call(`/v1/cases/${id}?field=case.version`);
        expect(await savedTitle.text()).toBe('1');
      }),
      { numRuns: SCENARIOS, seed: inject('fuzzSeed') },
    );
    expect(n).toBe(SCENARIOS);
    expect(tally.plain).toBeGreaterThan(SCENARIOS / 5);
    expect(tally.ranged).toBeGreaterThan(SCENARIOS / 5);
  }, 300_000);
});
