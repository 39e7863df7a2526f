import { documentOf } from '../../src/routes/docs.ts';
import { describe, expect, it } from 'vitest';
import { call, expectDocumented, openApiDocument } from './helpers.ts';

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content: Record<string, { schema: { $ref?: string }; examples?: object }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string; type?: string } }> }>;
};

describe('GET /health', () => {
  it('answers ok and the model version', async () => {
    const res = await call('/health');
    expect(res.status).toBe(200);
    expect(await expectDocumented(res, 'GET', '/health')).toEqual({ status: 'ok', modelVersion: '2' });
  });
});

describe('GET /v1/defaults', () => {
  it('lists every default with its value and source', async () => {
    const res = await call('/v1/defaults');
    const body = (await expectDocumented(res, 'GET', '/v1/defaults')) as {
      defaults: { field: string; value: unknown; source: string }[];
      limits: { problems: number; investments: number };
    };
    const byField = Object.fromEntries(body.defaults.map((d) => [d.field, d]));
    const values = Object.fromEntries(body.defaults.map((d) => [d.field, d.value]));
    expect(values).toMatchObject({
      currency: 'USD',
      'customerValue.discountRate': 0.1,
      'loyalty.baseline': 0.85,
      'loyalty.silent': 0.09,
      'loyalty.satisfied': 0.82,
      'loyalty.mollified': 0.54,
      'loyalty.dissatisfied': 0.19,
      'wordOfMouth.positiveTold': 4.5,
      'wordOfMouth.negativeTold': 10,
      'wordOfMouth.positiveInfluence': 0.02,
      'wordOfMouth.negativeInfluence': 0.02,
      'finance.horizonYears': 3,
      'finance.discountRate': 0.1,
      'finance.riskAdjustment': 0.1,
    });
    expect(byField['loyalty.silent']!.source).toMatch(/TARP/);
    expect(byField['finance.horizonYears']!.source).toMatch(/Total Economic Impact/);
    expect(body.limits).toMatchObject({ problems: 200, investments: 100 });
  });
});

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every operation fully', async () => {
    const res = await call('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await openApiDocument()) as unknown as {
      openapi: string;
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    const ids = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.operationId, where).toBeTruthy();
        expect(ids.has(op.operationId!), `${where}: operationId is unique`).toBe(false);
        ids.add(op.operationId!);
        expect(op.summary, where).toBeTruthy();
        expect(op.description, where).toBeTruthy();
        expect(op.tags?.length, where).toBeGreaterThan(0);
        for (const media of Object.values(op.requestBody?.content ?? {})) {
          expect(media.schema.$ref, `${where}: request schema is named`).toMatch(/^#\/components\/schemas\//);
          expect(Object.keys(media.examples ?? {}).length, `${where}: request examples`).toBeGreaterThan(0);
        }
        for (const [status, response] of Object.entries(op.responses)) {
          for (const [type, media] of Object.entries(response.content ?? {})) {
            if (type.startsWith('text/')) continue;
            expect(media.schema.$ref, `${where} ${status}: response schema is named`).toMatch(/^#\/components\/schemas\//);
          }
        }
      }
    }
    expect([...ids].sort()).toEqual([
      'computeBusinessCase',
      'createCase',
      'createReport',
      'deleteCase',
      'getBusinessCase',
      'getCase',
      'getCaseReport',
      'getCaseVersion',
      'getDefaults',
      'getDocsPage',
      'getHealth',
      'getInvestmentRoi',
      'getLifetimeValue',
      'getMethodPage',
      'getOpenApiDocument',
      'getProblemDamage',
      'getProblemType',
      'getReport',
      'listCaseVersions',
      'rotateCaseEditKey',
      'updateCase',
    ]);
    // Nested objects are named components too, not anonymous inline schemas.
    const inline: string[] = [];
    const walk = (node: unknown, where: string, top: boolean) => {
      if (typeof node !== 'object' || node === null) return;
      if (!top && 'properties' in node) inline.push(where);
      for (const [key, child] of Object.entries(node)) walk(child, `${where}/${key}`, false);
    };
    for (const [name, schema] of Object.entries(doc.components.schemas)) walk(schema, name, true);
    expect(inline).toEqual([]);
  });

  it('is built once and served identically', async () => {
    const a = await (await call('/openapi.json')).text();
    const b = await (await call('/openapi.json')).text();
    expect(a).toBe(b);
    let registered = 0;
    const document = documentOf(async () => void registered++);
    expect(await document()).toBe(await document());
    expect(registered).toBe(1);
  });
});

describe('GET /docs', () => {
  it('serves the interactive docs page, loading only this origin’s assets', async () => {
    const res = await call('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('/docs/swagger-ui/swagger-ui-bundle.js');
    expect(html).toContain('/docs/init.js');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
  });

  it('is where / sends a browser', async () => {
    const res = await call('/', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/docs');
  });
});

describe('every answer', () => {
  it('says nosniff, names no server software, and answers HEAD on GET routes without a body', async () => {
    const answers = {
      '/health': await call('/health'),
      '/v1/defaults': await call('/v1/defaults'),
      '/openapi.json': await call('/openapi.json'),
      '/docs': await call('/docs'),
      '/method': await call('/method'),
      '/nowhere': await call('/nowhere'),
      'malformed JSON': await call('/v1/business-case', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
      'an error line': await call('/v1/problem-damage?format=csv'),
    };
    for (const [what, res] of Object.entries(answers)) {
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
      expect(res.headers.get('x-powered-by'), what).toBeNull();
      expect(res.headers.get('server'), what).toBeNull();
    }
    const head = await call('/v1/defaults', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers OPTIONS on every route', async () => {
    for (const path of ['/health', '/v1/defaults', '/v1/business-case', '/openapi.json']) {
      const res = await call(path, { method: 'OPTIONS' });
      expect(res.status, path).toBe(204);
    }
  });
});

describe('GET /problems/{type}', () => {
  it('explains every type an error answer links to', async () => {
    const res = await call('/problems/invalid-input');
    expect(await expectDocumented(res, 'GET', '/problems/{type}')).toMatchObject({
      type: '/problems/invalid-input',
      status: 422,
      title: 'Invalid input',
    });
    const bad = await call('/v1/business-case', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    const { type } = (await bad.json()) as { type: string };
    expect((await call(type)).status).toBe(200);
  });

  it('answers 404 for a type that does not exist', async () => {
    const res = await call('/problems/toString');
    expect(res.status).toBe(404);
    await expectDocumented(res, 'GET', '/problems/{type}');
  });

  it('answers 405 to other methods', async () => {
    const res = await call('/problems/invalid-input', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('the parameters of every GET operation', () => {
  type Parameter = { name: string; in: string; example?: unknown; schema?: { example?: unknown; examples?: unknown[] } };
  // What Swagger UI fills in for "try it": `example` on the parameter or its schema, not the schema's `examples`.
  const filled = (p: Parameter) => p.example ?? p.schema?.example;

  it('each have a realistic example, and the ones the docs page fills in make a valid request', async () => {
    const doc = (await openApiDocument()) as unknown as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
    let tried = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      const params = operations.get?.parameters ?? [];
      for (const p of params) expect(filled(p) ?? p.schema?.examples?.[0], `${path} ${p.name}`).toBeDefined();
      const query = new URLSearchParams();
      let url = path;
      for (const p of params.filter((x) => filled(x) !== undefined)) {
        if (p.in === 'path') url = url.replace(`{${p.name}}`, String(filled(p)));
        else for (const v of [filled(p)].flat()) query.append(p.name, String(v));
      }
      if (params.length === 0) continue;
      const res = await call(`${url}?${query}`);
      expect(res.status, `${url}?${query}`).toBe(200);
      tried++;
    }
    expect(tried).toBe(10);
  });
});
