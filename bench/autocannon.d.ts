declare module 'autocannon' {
  namespace autocannon {
    /** What a request may carry of a connection's own: set by one answer's onResponse, read by the next setupRequest. */
    type Context = Record<string, unknown>;
    interface RequestParams {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }
    interface Request extends RequestParams {
      /** Returns the request to send, or null to start the sequence again. */
      setupRequest?: (request: RequestParams, context: Context) => RequestParams | null;
      onResponse?: (status: number, body: string, context: Context, headers: Record<string, string>) => void;
    }
    interface Options {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      connections?: number;
      duration?: number;
      requests?: Request[];
    }
    interface Result {
      requests: { average: number; total: number };
      non2xx: number;
      errors: number;
      timeouts: number;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
