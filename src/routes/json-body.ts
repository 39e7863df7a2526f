import type { Context, MiddlewareHandler } from 'hono';
import { LIMITS } from '../model/defaults.ts';
import { ApiProblem } from '../present/problem.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;.*)?$/i;

const tooLarge = () => new ApiProblem('payload-too-large', `The body must be at most ${LIMITS.bodyBytes} bytes (1 MB).`);
const notJson = (detail: string) => new ApiProblem('unsupported-media-type', detail, [], { 'Accept-Post': 'application/json' });

/** The body, refusing more than the limit as it arrives when no Content-Length announces its size. */
async function readLimited(c: Context): Promise<string> {
  const length = c.req.header('content-length');
  if (length !== undefined) {
    if (Number(length) > LIMITS.bodyBytes) throw tooLarge();
    return c.req.text();
  }
  const request = c.req.raw;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > LIMITS.bodyBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder();
  const text = chunks.map((chunk, i) => decoder.decode(chunk, { stream: i < chunks.length - 1 })).join('');
  // The stream is spent: hand the validator a request that holds the text.
  c.req.raw = new Request(request, { body: text });
  return text;
}

/**
 * A JSON request body: at most 1 MB, sent as application/json, not empty. The route's validator then parses it.
 */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type');
  if (type !== undefined && !JSON_TYPE.test(type)) throw notJson(`Send the body as JSON with "Content-Type: application/json" (got "${type}").`);
  const text = await readLimited(c);
  if (!/\S/.test(text)) throw new ApiProblem('missing-body', 'The request has no body: send the scenario as JSON.');
  if (type === undefined) throw notJson('The request has no Content-Type: send "Content-Type: application/json".');
  await next();
};
