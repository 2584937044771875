/**
 * What went wrong with an OKX call, as LiqPass reason codes (PRODUCT.md §5). `OKX_NOT_FOUND`
 * is the one extension: OKX answered that the order (51603) or instrument (51001) does not
 * exist — a business answer the caller turns into its own refusal.
 */
export type OkxFailureReason = 'OKX_KEY_INVALID' | 'OKX_RATE_LIMITED' | 'OKX_UNAVAILABLE' | 'OKX_NOT_FOUND';

export interface OkxFailureClass {
  readonly reason: OkxFailureReason;
  /** Worth another attempt after a backoff: rate limits, OKX's own outages, the network. */
  readonly retryable: boolean;
}

const RATE_LIMITED: OkxFailureClass = { reason: 'OKX_RATE_LIMITED', retryable: true };
const OUTAGE: OkxFailureClass = { reason: 'OKX_UNAVAILABLE', retryable: true };
const KEY: OkxFailureClass = { reason: 'OKX_KEY_INVALID', retryable: false };
/** Our side is wrong (clock, signing, parameters): trying again cannot help. */
const REFUSED: OkxFailureClass = { reason: 'OKX_UNAVAILABLE', retryable: false };
const NOT_FOUND: OkxFailureClass = { reason: 'OKX_NOT_FOUND', retryable: false };

/** OKX error codes by `code` (never by `msg`): OKX.md's table plus OKX's documented outage codes. */
export const OKX_CODE_CLASSES: Readonly<Record<string, OkxFailureClass>> = {
  // Rate limits: per endpoint and key (50011), per sub-account (50061).
  '50011': RATE_LIMITED,
  '50061': RATE_LIMITED,
  // OKX unavailable, endpoint timeout, system busy, system error.
  '50001': OUTAGE,
  '50004': OUTAGE,
  '50013': OUTAGE,
  '50026': OUTAGE,
  // The trader's key: missing or wrong key/passphrase, unknown or deleted key, IP whitelist,
  // demo/live mismatch, missing permission, and a signature made with a wrong secret.
  '50101': KEY,
  '50103': KEY,
  '50104': KEY,
  '50105': KEY,
  '50110': KEY,
  '50111': KEY,
  '50113': KEY,
  '50119': KEY,
  '50120': KEY,
  // Headers this client always sends, and its clock: a fault on our side, not the trader's.
  '50102': REFUSED,
  '50106': REFUSED,
  '50107': REFUSED,
  '50112': REFUSED,
  '51603': NOT_FOUND,
  '51001': NOT_FOUND,
};

/** Any other non-zero code: OKX refused the request (parameters, an unknown rule): do not repeat it. */
export function classifyOkxCode(code: string): OkxFailureClass {
  return OKX_CODE_CLASSES[code] ?? REFUSED;
}

/** A reply without a usable OKX envelope, by HTTP status. */
export function classifyHttpStatus(status: number): OkxFailureClass {
  if (status === 429) return RATE_LIMITED;
  if (status >= 500) return OUTAGE;
  if (status === 401 || status === 403) return KEY;
  return REFUSED;
}

/** No reply at all: connection refused or reset, DNS, our timeout. */
export const NETWORK_FAILURE: OkxFailureClass = OUTAGE;
