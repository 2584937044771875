/** What a session token says: the wallet, and when that wallet last proved itself by signing. */
export interface SessionClaims {
  readonly wallet: string;
  /** Seconds since the epoch of the SIWE sign-in this session descends from. */
  readonly signedInAt: number;
  readonly expiresAt: number;
}

/**
 * A live session may be exchanged for a fresh one until `maxAgeSeconds` after the sign-in it
 * descends from; after that the wallet signs in again. Short tokens plus this bound keep a
 * stolen token useful for minutes, not days.
 */
export function canRefresh(session: SessionClaims, nowSeconds: number, maxAgeSeconds: number): boolean {
  return nowSeconds < session.expiresAt && nowSeconds - session.signedInAt < maxAgeSeconds;
}

/** A refreshed token never outlives the session's maximum age. */
export function refreshedExpiry(session: SessionClaims, nowSeconds: number, ttlSeconds: number, maxAgeSeconds: number): number {
  return Math.min(nowSeconds + ttlSeconds, session.signedInAt + maxAgeSeconds);
}
