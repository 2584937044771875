import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry/retry-policy';
import { fetchTransport, undiciTransport, type OkxTransport } from '../http/okx-transport';
import type { RawOkxResponse } from './raw-okx-response';

/** An OKX API key as the trader created it. Held only in memory, never logged or returned. */
export interface OkxCredentials {
  readonly apiKey: string;
  readonly secretKey: string;
  readonly passphrase: string;
}

export interface OkxClientOptions {
  /** `https://www.okx.com`, or the simulator's URL. */
  readonly baseUrl: string;
  /** Demo-trading keys need `x-simulated-trading: 1`; live keys must not send it. */
  readonly demoTrading?: boolean;
  /** Per attempt, the body included. */
  readonly timeoutMs?: number;
  /**
   * Longest one call may take, limiter wait, retries and backoff included: an interactive caller
   * gets an answer in bounded time. No retry starts that could not finish inside it.
   */
  readonly deadlineMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** The client-side limiter per key and endpoint; `false` turns it off (tests of OKX's own limit). */
  readonly rateLimit?: { readonly maxWaitMs?: number; readonly marginMs?: number } | false;
  /** Called with every response, every attempt included (evidence, metrics). */
  readonly onResponse?: (raw: RawOkxResponse) => void;
  /** Clock for timestamps, the limiter and fetch times (ms since epoch). */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Source of retry jitter, in [0, 1). */
  readonly random?: () => number;
  /** Sends through this fetch instead of the default undici transport (tests script OKX with it). */
  readonly fetch?: typeof fetch;
  /** Keep-alive connections to OKX at most (the default transport); more requests wait for one. */
  readonly maxConnections?: number;
}

export interface ResolvedOkxClientOptions {
  readonly baseUrl: string;
  readonly demoTrading: boolean;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly retry: RetryPolicy;
  readonly rateLimit: { readonly maxWaitMs: number; readonly marginMs: number } | false;
  readonly onResponse?: (raw: RawOkxResponse) => void;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly transport: OkxTransport;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_CONNECTIONS = 64;
export const DEFAULT_RATE_LIMIT = { maxWaitMs: 10_000, marginMs: 100 } as const;

export function resolveOkxClientOptions(options: OkxClientOptions): ResolvedOkxClientOptions {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/.test(baseUrl)) throw new Error(`OKX base URL must be scheme://host[:port] without a path: "${options.baseUrl}"`);
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) throw new Error('retry.maxAttempts must be a whole number ≥ 1');
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  if (!Number.isInteger(maxConnections) || maxConnections < 1) throw new Error('maxConnections must be a whole number ≥ 1');
  return {
    baseUrl,
    demoTrading: options.demoTrading ?? false,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    deadlineMs: options.deadlineMs ?? Number.POSITIVE_INFINITY,
    retry,
    rateLimit: options.rateLimit === false ? false : { ...DEFAULT_RATE_LIMIT, ...options.rateLimit },
    onResponse: options.onResponse,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    transport: options.fetch ? fetchTransport(baseUrl, options.fetch) : undiciTransport(baseUrl, maxConnections),
  };
}
