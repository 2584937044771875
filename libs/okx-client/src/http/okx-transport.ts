import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

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
 * The default transport: node:http(s) over a bounded keep-alive pool per process. Node's global
 * fetch cost ~375 µs of CPU per signed read (WHATWG Request/Response/Headers and streams around
 * undici) and opened one connection per request in flight with no bound; a claim's 8 reads
 * at once, times a claim storm, is thousands of connects. Requests past `maxConnections` wait
 * in the agent's queue for a free socket.
 */
export function nodeHttpTransport(baseUrl: string, maxConnections: number): OkxTransport {
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: maxConnections, scheduling: 'lifo' })
    : new HttpAgent({ keepAlive: true, maxSockets: maxConnections, scheduling: 'lifo' });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : secure ? 443 : 80;
  // `url.host` is the Host header Node would add itself (brackets for IPv6, no default port).
  // Headers go as a flat list: Node then writes them without a setHeader call per header.
  const hostHeader = url.host;
  return ({ requestPath, headers, timeoutMs }) =>
    new Promise((resolve, reject) => {
      const lines: string[] = [];
      for (const name in headers) lines.push(name, headers[name]!);
      lines.push('Host', hostHeader);
      let settled = false;
      const finish = (error: Error | null, value?: { status: number; text: string }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(value!);
      };
      const req = send({ host, port, path: requestPath, method: 'GET', headers: lines, agent }, (res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => finish(null, { status: res.statusCode ?? 0, text }));
        res.on('error', (error) => finish(error));
        res.on('aborted', () => finish(new Error('the response was cut off')));
      });
      // The whole attempt, the body included (as fetch's AbortSignal.timeout bounded it).
      const timer = setTimeout(() => {
        finish(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
        req.destroy();
      }, timeoutMs);
      req.on('error', (error) => finish(error));
      req.end();
    });
}
