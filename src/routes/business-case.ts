import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { businessCase } from '../model/business-case.ts';
import { BusinessCase } from '../schemas/results.ts';
import { Scenario, scenarioExamples } from '../schemas/scenario.ts';
import { problemResponses } from './errors.ts';
import { jsonBody } from './json-body.ts';

export const businessCaseRoute = createRoute({
  method: 'post',
  path: '/v1/business-case',
  operationId: 'computeBusinessCase',
  tags: ['Business case'],
  summary: 'Compute the business case of a problem catalogue',
  description:
    'Takes a scenario (customers, customer value, loyalty, word of mouth, finance settings, problems and candidate investments) and ' +
    'returns every problem’s annual damage, ranked, every investment’s benefit, NPV, ROI, payback and cost of delay, ranked, the ' +
    'totals, and every assumption taken from a default. The arithmetic is MODEL.md version 1 (TARP/CCMC market damage model, ' +
    'Forrester TEI finance). Figures are not rounded.',
  middleware: jsonBody,
  request: {
    body: {
      required: true,
      description: 'The scenario',
      content: { 'application/json': { schema: Scenario, examples: scenarioExamples } },
    },
  },
  responses: {
    200: { description: 'The business case', content: { 'application/json': { schema: BusinessCase } } },
    ...problemResponses('malformed-json', 'missing-body', 'payload-too-large', 'unsupported-media-type', 'invalid-input', 'uncomputable'),
  },
});

export function registerBusinessCase(app: OpenAPIHono) {
  app.openapi(businessCaseRoute, (c) => c.json(businessCase(c.req.valid('json')), 200));
}
