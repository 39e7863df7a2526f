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
  'payload-too-large': {
    status: 413,
    title: 'Request body too large',
    description: 'The request body is over the operation’s limit: 1 MB for a scenario, 256 KiB for a saved case.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    description:
      'There is no such route (the operations are listed at /openapi.json and /docs), or no saved case or version at this address: never saved, deleted, or mistyped, which the answer does not tell apart.',
  },
  unauthorized: {
    status: 401,
    title: 'Edit key required',
    description: 'Changing a saved case needs its edit key as `Authorization: Bearer <editKey>`; `WWW-Authenticate` says so.',
  },
  forbidden: {
    status: 403,
    title: 'Wrong edit key',
    description: 'The edit key given does not open this case (mistyped, another case’s, or rotated since).',
  },
  gone: {
    status: 410,
    title: 'Version no longer kept',
    description: 'A case keeps its last 100 versions; this one is older. `detail` names the oldest kept.',
  },
  'precondition-required': {
    status: 428,
    title: 'If-Match required',
    description:
      'Editing a case needs `If-Match` with an ETag this API gave for its current version, so that nobody overwrites an edit they have not seen.',
  },
  'precondition-failed': {
    status: 412,
    title: 'The case has changed',
    description:
      'If-Match names a version that is no longer the current one: someone saved an edit since. Read the case again (its ETag names the current version) and re-apply the change.',
  },
  'idempotency-key-reused': {
    status: 422,
    title: 'Idempotency-Key reused',
    description: 'This Idempotency-Key was used, within 24 hours, for a create with another body. Use a new key for a new case.',
  },
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
