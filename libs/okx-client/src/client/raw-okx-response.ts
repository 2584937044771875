/**
 * One OKX response exactly as it came back, for evidence (PRODUCT.md §7): what was asked
 * (path and query as sent), HTTP status, the body (parsed JSON, or the text when OKX did not
 * answer JSON) and when it arrived. Headers are never kept: they carry the key and signature.
 */
export interface RawOkxResponse {
  readonly method: 'GET';
  readonly path: string;
  /** The query parameters as sent, in order. */
  readonly query: Readonly<Record<string, string>>;
  /** Path and query string exactly as signed and sent. */
  readonly requestPath: string;
  readonly status: number;
  readonly body: unknown;
  /** ISO-8601 time the response arrived. */
  readonly fetchedAt: string;
  /** 1 for the first try of a call, 2 for its first retry, … */
  readonly attempt: number;
  readonly durationMs: number;
}
