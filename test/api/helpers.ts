import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';

/** A real request through the Worker's own fetch handler, inside workerd. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`http://localhost${path}`, init));
}

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

type OpenApiDocument = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: object;
};

let document: OpenApiDocument | undefined;

export async function openApiDocument(): Promise<OpenApiDocument> {
  return (document ??= (await (await call('/openapi.json')).json()) as OpenApiDocument);
}

/**
 * Asserts that an answer is one the document describes for this operation: a documented status and content
 * type, and a body that validates against the documented schema. Returns the parsed body.
 */
export async function expectDocumented(response: Response, method: string, path: string, options: { echoes?: boolean } = {}): Promise<unknown> {
  const doc = await openApiDocument();
  const operation = doc.paths[path]?.[method.toLowerCase()];
  expect(operation, `${method} ${path} is documented`).toBeDefined();
  const documented = operation!.responses[String(response.status)];
  expect(documented, `status ${response.status} is documented for ${method} ${path}`).toBeDefined();
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const media = documented!.content?.[contentType];
  expect(media, `${contentType} is documented for ${response.status}`).toBeDefined();
  const text = await response.text();
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  const body = contentType.endsWith('json') ? JSON.parse(text) : text;
  // A request that itself holds the words NaN or Infinity (as an id, say) may see them echoed back as text.
  if (!options.echoes) expectNoBrokenFigures(body);
  else expectNoBrokenFigures(contentType.endsWith('json') ? numbersOf(body) : '');
  expectValid(body, media!.schema, doc);
  return body;
}

/** No figure, in a value or in a sentence, is NaN or Infinity; a message may quote what the user sent ("got \"NaN\""). */
function expectNoBrokenFigures(value: unknown): void {
  if (typeof value === 'string') {
    expect(value.replace(/"[^"]*"/g, '""'), value.slice(0, 200)).not.toMatch(/\b(NaN|Infinity)\b/);
  } else if (typeof value === 'number') {
    expect(Number.isFinite(value)).toBe(true);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) expectNoBrokenFigures(v);
  }
}

function numbersOf(value: unknown): unknown[] {
  if (typeof value === 'number') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersOf);
  return [];
}

function expectValid(body: unknown, schema: object, doc: OpenApiDocument): void {
  const result = new Validator({ ...schema, components: doc.components }, '2020-12', false).validate(body);
  // The leaf errors say what is wrong; the $ref/properties/items ones only say that something below is.
  const failures = result.errors.filter((e: OutputUnit) => !['$ref', 'properties', 'items', 'allOf'].includes(e.keyword));
  expect(failures, 'the body validates against the documented schema').toEqual([]);
  expect(result.valid).toBe(true);
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: { path: string; message: string }[];
}

/**
 * Asserts a problem+json answer with this status; returns it. With an operation, the answer must be documented
 * for it; without (no such route or method), it must match the ProblemDetails schema.
 */
export async function expectProblem(response: Response, status: number, operation?: [method: string, path: string]): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  let problem: Problem;
  if (operation) {
    problem = (await expectDocumented(response, ...operation)) as Problem;
  } else {
    const doc = await openApiDocument();
    problem = (await response.json()) as Problem;
    expectValid(problem, { $ref: '#/components/schemas/ProblemDetails' }, doc);
  }
  expect(problem.status).toBe(status);
  expect(problem.type).toMatch(/^\/problems\/[a-z-]+$/);
  expect(problem.detail.length).toBeGreaterThan(10);
  return problem;
}

/**
 * Rows of a CSV or TSV answer read as a spreadsheet reads them (RFC 4180: quoted fields, doubled quotes inside),
 * written independently of the Worker's writer. Asserts CRLF line ends and a closing line end.
 */
export function parseDelimited(text: string, separator: ',' | '\t' | ';' = ','): string[][] {
  expect(text.endsWith('\r\n'), 'the table ends with CRLF').toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (field === '' && ch === '"' && (i === 0 || text[i - 1] === separator || text[i - 1] === '\n')) {
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        expect(q, 'a quoted field is closed').toBeGreaterThanOrEqual(0);
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      field = value;
      i = j;
      // A spreadsheet splitting on `;` reads what follows a closing quote as more of the field.
      if (separator !== ';') expect([separator, '\r', undefined], `after a quoted field at ${i}`).toContain(text[i]);
      continue;
    }
    if (ch === separator) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      expect(ch === '\r' || ch === '\n', `a bare line break at ${i}`).toBe(false);
      field += ch;
      i++;
    }
  }
  return rows;
}
