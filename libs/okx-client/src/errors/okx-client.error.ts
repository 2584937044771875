import type { RawOkxResponse } from '../client/raw-okx-response';
import type { OkxFailureReason } from './okx-failure';

export interface OkxClientErrorDetails {
  readonly reason: OkxFailureReason;
  /** OKX's `code` when it answered with an envelope. */
  readonly okxCode?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  /** Requests sent for this call (0 when the client-side limiter refused before sending). */
  readonly attempts: number;
  /** The last response, when there was one: evidence, and what a reviewer needs to see. */
  readonly raw?: RawOkxResponse;
}

/**
 * A failed OKX call with its LiqPass reason. The message names the endpoint and OKX's code and
 * text, never a header: keys, signatures and passphrases must not reach a log line.
 */
export class OkxClientError extends Error {
  readonly reason: OkxFailureReason;
  readonly okxCode?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly raw?: RawOkxResponse;

  constructor(message: string, details: OkxClientErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OkxClientError';
    this.reason = details.reason;
    this.okxCode = details.okxCode;
    this.httpStatus = details.httpStatus;
    this.retryable = details.retryable;
    this.attempts = details.attempts;
    this.raw = details.raw;
  }
}

export function isOkxClientError(error: unknown): error is OkxClientError {
  return error instanceof OkxClientError;
}
