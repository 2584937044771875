/** The fields of an EIP-4361 message the gateway checks, as parsed from the signed text. */
export interface SiweFields {
  readonly domain: string;
  readonly address: string;
  readonly chainId: number;
  readonly nonce: string;
  readonly issuedAt?: string;
  readonly expirationTime?: string;
  readonly notBefore?: string;
}

export interface SiweExpectations {
  readonly domain: string;
  readonly chainId: number;
  readonly now: Date;
  /** A message issued longer ago than this is stale (a nonce never lives longer). */
  readonly maxAgeMs: number;
  /** Tolerated clock difference between the wallet and the gateway. */
  readonly clockSkewMs: number;
}

/**
 * Why a well-formed sign-in message is refused, checked before the signature and the nonce so
 * that a message meant for another site, chain or time is never honoured. Returns null when
 * every rule holds.
 */
export function refuseSiweMessage(fields: SiweFields, expect: SiweExpectations): string | null {
  if (fields.domain !== expect.domain) return `the message is for domain ${clip(fields.domain)}, not ${expect.domain}`;
  if (fields.chainId !== expect.chainId) return `the message is for chain ${fields.chainId}, not ${expect.chainId}`;
  const now = expect.now.getTime();
  const issuedAt = time(fields.issuedAt);
  if (issuedAt === null) return 'the message has no valid Issued At';
  if (issuedAt > now + expect.clockSkewMs) return 'the message is issued in the future';
  if (issuedAt < now - expect.maxAgeMs) return 'the message is too old; ask for a new nonce';
  if (fields.expirationTime !== undefined) {
    const expiresAt = time(fields.expirationTime);
    if (expiresAt === null || expiresAt <= now) return 'the message has expired';
  }
  if (fields.notBefore !== undefined) {
    const notBefore = time(fields.notBefore);
    if (notBefore === null || notBefore > now + expect.clockSkewMs) return 'the message is not valid yet';
  }
  return null;
}

function time(value: string | undefined): number | null {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

const clip = (value: string) => (value.length > 64 ? `${value.slice(0, 63)}…` : value);
