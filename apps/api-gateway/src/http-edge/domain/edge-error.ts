import type { GatewayErrorCode } from './error-codes';

/**
 * A failure the gateway answers with, as a value: code, HTTP status and a message that is safe
 * to show. The exception filter turns it into `{ error, message, traceId }`; nothing else
 * about it (stack, cause) ever leaves the process.
 */
export class EdgeError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    readonly status: number,
    message: string,
    /** Extra response headers, e.g. Retry-After or Allow. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'EdgeError';
  }

  static validation(message: string): EdgeError {
    return new EdgeError('VALIDATION_FAILED', 400, message);
  }

  static unauthorized(message: string): EdgeError {
    return new EdgeError('UNAUTHORIZED', 401, message);
  }

  static forbidden(message: string): EdgeError {
    return new EdgeError('FORBIDDEN', 403, message);
  }

  static rateLimited(retryAfterSeconds: number): EdgeError {
    return new EdgeError('RATE_LIMITED', 429, `too many requests; retry after ${retryAfterSeconds} s`, {
      'retry-after': String(retryAfterSeconds),
    });
  }
}

/** The one error body every failure of the gateway has (PRODUCT.md §8). */
export interface ErrorBody {
  readonly error: GatewayErrorCode;
  readonly message: string;
  readonly traceId: string;
}
