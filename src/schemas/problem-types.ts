// The kinds of error the API answers with: the catalogue behind every problem details `type`.

/** The kinds of problem the API answers with: RFC 9457 `type` slug, status, title and when it happens. */
export const PROBLEM_TYPES = {
  'invalid-input': {
    status: 422,
    title: 'Invalid input',
    description: 'A field breaks a rule of the model; `errors` names each offending field by JSON path and says what is wrong.',
  },
  uncomputable: {
    status: 422,
    title: 'The figures cannot be computed',
    description: 'The inputs are valid, but a figure would exceed the range of numbers (about 1.8e308); `errors` names the inputs it comes from.',
  },
  'no-value': {
    status: 422,
    title: 'The figure has no value',
    description:
      'The figure `field` names is null in this answer (an roi without costs, a payback not reached); `detail` says why. With ' +
      '`onError=cell`, status 200 and one cell `#N/A` and the reason.',
  },
  'malformed-json': { status: 400, title: 'Malformed JSON', description: 'The request body is not valid JSON; `detail` gives the parser’s reason.' },
  'missing-body': { status: 400, title: 'Missing request body', description: 'The operation needs a JSON body and the request has none.' },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    description: 'The body is not sent as `application/json`; `Accept-Post` names the media type to use.',
  },
  'payload-too-large': { status: 413, title: 'Request body too large', description: 'The request body is over 1 MB.' },
  'not-found': { status: 404, title: 'Not found', description: 'There is no such route; the operations are listed at /openapi.json and /docs.' },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    description: 'The route does not answer this method; `Allow` lists the methods it does answer.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    description: 'This client sent more requests than its rate limit allows; `Retry-After` says how many seconds to wait.',
  },
  internal: { status: 500, title: 'Internal error', description: 'An unexpected error; it is logged, and the answer holds no details of it.' },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;
