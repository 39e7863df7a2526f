import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../bindings.ts';
import { LIMITS } from '../model/defaults.ts';
import { ApiProblem } from '../present/problem.ts';
import { excerpt, shown } from '../schemas/common.ts';

const tooLarge = (limit: number) =>
  new ApiProblem(
    'payload-too-large',
    `The body must be at most ${limit} bytes (${limit >= 1_000_000 ? `${limit / 1_000_000} MB` : `${limit / 1024} KiB`}).`,
  );

/** The one answer to a body in any media type but JSON. */
export function unsupportedMediaType(type: string | undefined): ApiProblem {
  const got = type === undefined ? 'the request has no Content-Type' : `got ${shown(type)}`;
  return new ApiProblem('unsupported-media-type', `Send the body as JSON with "Content-Type: application/json" (${got}).`, [], {
    'Accept-Post': 'application/json',
  });
}

/** `application/json`, in any case, with or without parameters and spaces (`application/json ; charset=utf-8`). */
function isJson(type: string): boolean {
  return type.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

/** The body's bytes, refusing more than the limit as they arrive when no Content-Length announces their size. */
async function readLimited(c: Context, limit: number): Promise<Uint8Array> {
  const length = c.req.header('content-length');
  if (length !== undefined && Number(length) > limit) throw tooLarge(limit);
  const request = c.req.raw;
  if (!request.body) return new Uint8Array();
  if (length !== undefined) return new Uint8Array(await request.arrayBuffer());
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * A JSON request body: at most `limit` bytes, not encoded (no gzip), UTF-8 text, sent as application/json, not
 * empty, and JSON. Parsed once, here; the route validates it (`json` of the context).
 */
export const jsonBodyOf =
  (limit: number): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const type = c.req.header('content-type');
    if (type !== undefined && !isJson(type)) throw unsupportedMediaType(type);
    const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
    if (encoding && encoding !== 'identity') {
      throw new ApiProblem('unsupported-media-type', `Send the body unencoded: Content-Encoding ${shown(encoding)} is not accepted.`, [], {
        'Accept-Encoding': 'identity',
      });
    }
    const bytes = await readLimited(c, limit);
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new ApiProblem('malformed-json', 'The body is not UTF-8 text: send the JSON encoded as UTF-8.');
    }
    if (!/\S/.test(text)) throw new ApiProblem('missing-body', 'The request has no body: send the scenario as JSON.');
    if (type === undefined) throw unsupportedMediaType(type);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      // The parser's reason, cut short and made visible: it may quote the body, which can be anything.
      throw new ApiProblem('malformed-json', `The body is not valid JSON: ${excerpt((e as Error).message, 120)}.`);
    }
    c.set('json', json);
    await next();
  };

/** A JSON body of at most 1 MB: a scenario to compute. */
export const jsonBody = jsonBodyOf(LIMITS.bodyBytes);
