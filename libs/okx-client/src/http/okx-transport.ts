import { Pool } from 'undici';

/** One GET as the client sends it: path and query exactly as signed, the headers, a per-attempt timeout. */
export interface OkxTransportRequest {
  readonly requestPath: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

/** The status and the body as text; a timeout rejects with a DOMException named TimeoutError, as fetch's does. */
export type OkxTransport = (request: OkxTransportRequest) => Promise<{ readonly status: number; readonly text: string }>;

/** An injected `fetch` (tests script OKX with one) as a transport. */
export function fetchTransport(baseUrl: string, fetchFn: typeof fetch): OkxTransport {
  return async ({ requestPath, headers, timeoutMs }) => {
    const response = await fetchFn(`${baseUrl}${requestPath}`, { method: 'GET', headers: { ...headers }, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, text: await response.text() };
  };
}

/**
 * The default transport: an undici connection pool per process, at most `maxConnections`
 * keep-alive connections; requests past them wait in the pool's queue for a free one. Node's
 * global fetch cost ~375 µs of CPU per signed read (WHATWG Request/Response/Headers and streams
 * around undici) and opened one connection per request in flight with no bound — a claim's reads
 * at once, times a claim storm, is thousands of connects. node:http's Agent bounded them at
 * ~45–57 µs a request; undici's own request API, without fetch's layers, takes ~28 µs (a 1 kB
 * answer on loopback, 64 in flight, measured 2026-12-07).
 */
export function undiciTransport(baseUrl: string, maxConnections: number): OkxTransport {
  const pool = new Pool(new URL(baseUrl).origin, { connections: maxConnections, pipelining: 1 });
  // The attempt's bound, the body included, is one timer that rejects the caller at `timeoutMs`;
  // undici's own header and body timeouts then free the connection of an answer that never
  // finishes. An AbortController per request cost a third of the transport's CPU.
  return ({ requestPath, headers, timeoutMs }) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
      pool
        .request({ path: requestPath, method: 'GET', headers, headersTimeout: timeoutMs, bodyTimeout: timeoutMs })
        .then(async (response) => ({ status: response.statusCode, text: await response.body.text() }))
        .then(
          (answer) => {
            clearTimeout(timer);
            resolve(answer);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(error);
          },
        );
    });
}
