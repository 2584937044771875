import { DemoError } from './demo-error';
import { compactBody } from './format';

export interface HttpReply {
  readonly status: number;
  readonly body: unknown;
}

/** "POST /quote → 409 CAPACITY_EXCEEDED: exposure … (trace …)", from the gateway's one error body or any other. */
export function describeHttpFailure(method: string, path: string, status: number, body: unknown, expected: readonly number[]): DemoError {
  // The gateway answers { error, message, traceId }; the simulator's control API { code, message }.
  const reply = (body && typeof body === 'object' ? body : {}) as { error?: unknown; code?: unknown; message?: unknown; traceId?: unknown };
  const code = typeof reply.error === 'string' ? reply.error : typeof reply.code === 'string' ? reply.code : undefined;
  const summary = code ? `${code}: ${String(reply.message ?? '')}${reply.traceId ? ` (traceId ${String(reply.traceId)})` : ''}` : 'HTTP error';
  return new DemoError(`${method} ${path} → ${status} ${summary}; expected ${expected.join(' or ')}`, `body: ${compactBody(body)}`);
}

/**
 * Whether a failed attempt may be sent again while a service restarts. Only where the request
 * cannot have taken effect twice: no connection at all (ECONNREFUSED) or the gateway's 503 (no
 * replica took it) for any method; any 5xx or lost reply only for a GET, which changes nothing.
 */
export function retryableFailure(method: string, outcome: { status: number } | { networkError: string }): boolean {
  const read = method === 'GET';
  if ('networkError' in outcome) return read || outcome.networkError === 'ECONNREFUSED';
  if (outcome.status === 503) return true;
  return read && outcome.status >= 500;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A small JSON client for one base URL (the gateway or the simulator's control API), optionally
 * with a session token. Any status but the expected ones is a DemoError carrying the body, and an
 * unreachable server is one naming the URL — the demo never goes on after a refusal.
 * `unavailableRetryMs` (0 for the demo; the fault drills set it) keeps re-sending a request that
 * `retryableFailure` allows for that long, so a journey rides out a service being restarted.
 */
export class JsonApi {
  constructor(
    readonly name: string,
    readonly baseUrl: string,
    private readonly token?: string,
    private readonly timeoutMs = 15_000,
    private readonly unavailableRetryMs = 0,
  ) {}

  withToken(token: string): JsonApi {
    return new JsonApi(this.name, this.baseUrl, token, this.timeoutMs, this.unavailableRetryMs);
  }

  async request(method: string, path: string, body?: unknown): Promise<HttpReply> {
    const giveUpAt = Date.now() + this.unavailableRetryMs;
    for (;;) {
      try {
        const reply = await this.attempt(method, path, body);
        if (!retryableFailure(method, reply) || Date.now() >= giveUpAt) return reply;
      } catch (error) {
        const networkError = error instanceof DemoError ? (error.networkError ?? 'unknown') : 'unknown';
        if (!retryableFailure(method, { networkError }) || Date.now() >= giveUpAt) throw error;
      }
      await pause(250);
    }
  }

  private async attempt(method: string, path: string, body?: unknown): Promise<HttpReply> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new DemoError(`${method} ${path}: the ${this.name} at ${this.baseUrl} did not answer (${reason})`, (error as Error).message, reason);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text, the error message shows it.
    }
    return { status: response.status, body: parsed };
  }
  /** The body of a reply with one of the expected statuses; a DemoError with the body otherwise. */
  async call<T>(method: string, path: string, body: unknown, expected: number | readonly number[]): Promise<T> {
    const statuses = typeof expected === 'number' ? [expected] : expected;
    const reply = await this.request(method, path, body);
    if (!statuses.includes(reply.status)) throw describeHttpFailure(method, path, reply.status, reply.body, statuses);
    return reply.body as T;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path, undefined, 200);
  }

  post<T>(path: string, body: unknown, expected: number | readonly number[] = [200, 201]): Promise<T> {
    return this.call<T>('POST', path, body, expected);
  }
}
