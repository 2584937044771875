import type { ApiKeyRecord, KeyLookup } from '../../accounts/domain/sim-account';
import { OkxError } from '../../shared/domain/okx-error';
import { okxPrehash, okxSignature, signatureMatches } from './okx-signature';

export interface SignedRequest {
  readonly method: string;
  /** Path and query exactly as they arrived on the wire: the signature covers these bytes. */
  readonly requestPath: string;
  /** The raw body ('' for GET). */
  readonly body: string;
  /** Header names in lower case, as Node delivers them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly ip: string;
}

export interface VerifyContext {
  readonly nowMs: number;
  /** Accepted clock skew either way (OKX.md: ±30 s). */
  readonly skewMs: number;
  readonly lookupKey: (apiKey: string) => KeyLookup;
}

/** OKX's REST timestamp: ISO-8601 UTC with milliseconds. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function header(request: SignedRequest, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/**
 * Authenticates one private request the way OKX does and returns the key, or throws the
 * OkxError OKX would answer. Order: empty headers, timestamp, key, environment,
 * passphrase, IP whitelist, signature — the cheap, request-only checks first.
 */
export function verifySignedRequest(request: SignedRequest, context: VerifyContext): ApiKeyRecord {
  const apiKey = header(request, 'ok-access-key');
  const passphrase = header(request, 'ok-access-passphrase');
  const sign = header(request, 'ok-access-sign');
  const timestamp = header(request, 'ok-access-timestamp');
  if (apiKey === '') throw new OkxError('50103');
  if (passphrase === '') throw new OkxError('50104');
  if (sign === '') throw new OkxError('50106');
  if (timestamp === '') throw new OkxError('50107');

  const sentAt = TIMESTAMP.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(sentAt)) throw new OkxError('50112');
  if (Math.abs(context.nowMs - sentAt) > context.skewMs) throw new OkxError('50102');

  const found = context.lookupKey(apiKey);
  if (found.status === 'unknown') throw new OkxError('50111');
  if (found.status === 'revoked') throw new OkxError('50119');
  const key = found.key;

  const demoRequest = header(request, 'x-simulated-trading') === '1';
  if (demoRequest !== key.demo) throw new OkxError('50101');
  if (!signatureMatches(key.passphrase, passphrase)) throw new OkxError('50105');
  if (key.ipWhitelist.length > 0 && !key.ipWhitelist.includes(request.ip)) throw new OkxError('50110', request.ip);

  const expected = okxSignature(key.secretKey, okxPrehash(timestamp, request.method, request.requestPath, request.body));
  if (!signatureMatches(expected, sign)) throw new OkxError('50113');
  return key;
}
