import { describe, expect, it } from 'vitest';
import readme from '../../README.md?raw';
import { call } from './helpers.ts';

/** The path and query of a URL the README shows, on this Worker. */
const local = (url: string) => url.replace(/^https?:\/\/(localhost:8787|YOUR-WORKER)/, '');

describe('the README’s spreadsheet formulas', () => {
  it('answer as the table shows', async () => {
    const rows = [...readme.matchAll(/^\| `=WEBSERVICE\("([^"]+)"\)` \| `([^`]*)` \|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const [, url, shown] of rows) {
      const res = await call(local(url!));
      expect(res.status, url).toBe(200);
      expect(await res.text(), url).toBe(shown);
    }
  });

  it('IMPORTDATA and LibreOffice answers are as shown', async () => {
    const grid = readme.match(/=IMPORTDATA\("([^"]+format=csv[^"]+)"\)`\nfills a grid[^\n]*\n\n```\n([\s\S]*?)```/);
    expect(grid).not.toBeNull();
    const csv = await (await call(local(grid![1]!))).text();
    expect(csv).toBe(grid![2]!.replaceAll('\n', '\r\n'));

    const single = [...readme.matchAll(/=(?:IMPORTDATA|VALUE\(WEBSERVICE)\("([^"]+field=totalAnnualDamage[^"]*)"\)\)?`\ngives `4074000`/g)];
    expect(single).toHaveLength(2);
    for (const [, url] of single) expect(await (await call(local(url!))).text(), url).toBe('4074000');
  });
});

describe('the README’s curl examples', () => {
  it('answer what the README shows', async () => {
    const examples = [
      ...readme.matchAll(
        /curl -s http:\/\/localhost:8787(\/v1\/business-case) -H 'Content-Type: application\/json' (?:\\\n\s*)?-d '([^']+)'\n```\n\n[^`]*```json\n([\s\S]*?)```/g,
      ),
    ];
    expect(examples.length).toBe(2);
    for (const [, path, body, shown] of examples) {
      const res = await call(path!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body! });
      expect(await res.json()).toEqual(JSON.parse(shown!));
    }
  });
});
