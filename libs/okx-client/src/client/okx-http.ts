import type { OkxEndpoint, RateBudget } from '../endpoints/okx-endpoints';
import { OkxClientError } from '../errors/okx-client.error';
import { classifyHttpStatus, classifyOkxCode, NETWORK_FAILURE, OKX_CODE_CLASSES, type OkxFailureClass } from '../errors/okx-failure';
import { encodeQuery, type EncodedQuery, type OkxQuery } from '../http/query-string';
import { RateLimitWaitExceededError, SlidingWindowLimiter } from '../rate-limit/sliding-window.limiter';
import { retryDelayMs } from '../retry/retry-policy';
import { okxSignature, okxTimestamp } from '../signing/okx-signature';
import type { OkxCredentials, ResolvedOkxClientOptions } from './okx-client.options';
import type { RawOkxResponse } from './raw-okx-response';

/** A successful call: OKX's `data` array and the raw response it came in. */
export interface OkxResult<T> {
  readonly data: readonly T[];
  readonly raw: RawOkxResponse;
}

type Attempt<T> = { readonly ok: true; readonly result: OkxResult<T> } | { readonly ok: false; readonly error: OkxClientError };

/**
 * The one place that talks HTTP to OKX: limiter slot, fresh timestamp and signature per
 * attempt, timeout, raw capture, error classification by `code`, and retries with backoff
 * and jitter for what is worth retrying (50011, OKX outages, 5xx, the network) — never for a
 * business refusal.
 */
export class OkxHttp {
  private readonly limiter: SlidingWindowLimiter | null;

  constructor(private readonly options: ResolvedOkxClientOptions) {
    this.limiter =
      options.rateLimit === false
        ? null
        : new SlidingWindowLimiter({ ...options.rateLimit, clock: { now: options.now, sleep: options.sleep } });
  }

  async get<T>(endpoint: OkxEndpoint, query: OkxQuery, credentials?: OkxCredentials, call?: { readonly maxAttempts?: number }): Promise<OkxResult<T>> {
    if (endpoint.auth === 'private' && !credentials) throw new Error(`${endpoint.path} needs an API key`);
    const maxAttempts = call?.maxAttempts ?? this.options.retry.maxAttempts;
    const deadline = this.options.now() + this.options.deadlineMs;
    // The same bytes on every attempt: only the timestamp and signature are fresh.
    const encoded = encodeQuery(endpoint.path, query);
    for (let attempt = 1; ; attempt += 1) {
      if (this.limiter && endpoint.budget && credentials) await this.takeSlot(this.limiter, endpoint, endpoint.budget, credentials, attempt, deadline);
      const outcome = await this.attempt<T>(endpoint, encoded, credentials, attempt, deadline);
      if (outcome.ok) return outcome.result;
      const delay = retryDelayMs(this.options.retry, attempt, this.options.random);
      const worthIt = outcome.error.retryable && attempt < maxAttempts && this.options.now() + delay < deadline;
      if (!worthIt) throw outcome.error;
      await this.options.sleep(delay);
    }
  }

  private async takeSlot(
    limiter: SlidingWindowLimiter,
    endpoint: OkxEndpoint,
    budget: RateBudget,
    credentials: OkxCredentials,
    attempt: number,
    deadline: number,
  ): Promise<void> {
    try {
      await limiter.acquire(`${credentials.apiKey}|${endpoint.path}`, budget, Math.max(0, deadline - this.options.now()));
    } catch (error) {
      if (!(error instanceof RateLimitWaitExceededError)) throw error;
      throw new OkxClientError(
        `OKX GET ${endpoint.path}: this key's request budget (${budget.limit} per ${budget.windowMs} ms) is used up`,
        { reason: 'OKX_RATE_LIMITED', retryable: true, attempts: attempt - 1 },
        { cause: error },
      );
    }
  }

  private async attempt<T>(endpoint: OkxEndpoint, encoded: EncodedQuery, credentials: OkxCredentials | undefined, attempt: number, deadline: number): Promise<Attempt<T>> {
    const { requestPath } = encoded;
    const started = this.options.now();
    const timeoutMs = Math.max(1, Math.min(this.options.timeoutMs, deadline - started));
    let response: { readonly status: number; readonly text: string };
    try {
      response = await this.options.transport({ requestPath, headers: this.headers(requestPath, credentials), timeoutMs });
    } catch (error) {
      const what = isTimeout(error) ? `no answer within ${timeoutMs} ms` : `network error (${describe(error)})`;
      return { ok: false, error: new OkxClientError(`OKX GET ${endpoint.path}: ${what}`, { ...NETWORK_FAILURE, attempts: attempt }, { cause: error }) };
    }
    const finished = this.options.now();
    const raw: RawOkxResponse = {
      method: 'GET',
      path: endpoint.path,
      query: encoded.sent,
      requestPath,
      status: response.status,
      body: parseBody(response.text),
      fetchedAt: new Date(finished).toISOString(),
      attempt,
      durationMs: Math.max(0, finished - started),
    };
    this.options.onResponse?.(raw);
    return this.interpret<T>(raw, endpoint, attempt);
  }

  private headers(requestPath: string, credentials: OkxCredentials | undefined): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.demoTrading) headers['x-simulated-trading'] = '1';
    if (!credentials) return headers;
    // Signed at the moment of sending, after any wait for a limiter slot: OKX refuses stale timestamps.
    const timestamp = okxTimestamp(this.options.now());
    headers['OK-ACCESS-KEY'] = credentials.apiKey;
    headers['OK-ACCESS-PASSPHRASE'] = credentials.passphrase;
    headers['OK-ACCESS-TIMESTAMP'] = timestamp;
    headers['OK-ACCESS-SIGN'] = okxSignature(credentials.secretKey, timestamp, 'GET', requestPath);
    return headers;
  }

  private interpret<T>(raw: RawOkxResponse, endpoint: OkxEndpoint, attempt: number): Attempt<T> {
    const envelope = asEnvelope(raw.body);
    if (raw.status === 200 && envelope?.code === '0' && Array.isArray(envelope.data)) {
      return { ok: true, result: { data: envelope.data as T[], raw } };
    }
    const failure = classify(raw.status, envelope?.code);
    const said = envelope ? `answered ${envelope.code === '0' ? 'code 0 without a data array' : envelope.code}${envelope.msg ? `: ${envelope.msg}` : ''}` : 'answered without an OKX envelope';
    const okxCode = envelope && envelope.code !== '0' ? envelope.code : undefined;
    const error = new OkxClientError(`OKX GET ${endpoint.path} ${said} (HTTP ${raw.status})`, {
      ...failure,
      okxCode,
      httpStatus: raw.status,
      attempts: attempt,
      raw,
    });
    return { ok: false, error };
  }
}

/** By `code` when OKX gave one it documents; a 5xx or 429 stays retryable whatever the body says. */
function classify(status: number, code: string | undefined): OkxFailureClass {
  const okxCode = code !== undefined && code !== '0' ? code : undefined;
  if (okxCode !== undefined && Object.hasOwn(OKX_CODE_CLASSES, okxCode)) return classifyOkxCode(okxCode);
  if (status >= 500 || status === 429) return classifyHttpStatus(status);
  if (okxCode !== undefined) return classifyOkxCode(okxCode);
  return classifyHttpStatus(status);
}

interface Envelope {
  readonly code: string;
  readonly msg?: string;
  readonly data?: unknown;
}

function asEnvelope(body: unknown): Envelope | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const code = (body as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  const msg = (body as { msg?: unknown }).msg;
  return { code, msg: typeof msg === 'string' ? msg : undefined, data: (body as { data?: unknown }).data };
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
