import type { Permission } from './permission';

export type PosMode = 'long_short_mode' | 'net_mode';

/** An OKX trading account: one uid, a USDT cash balance, a position mode. */
export interface SimAccount {
  readonly uid: string;
  readonly posMode: PosMode;
  readonly label: string;
  /** USDT cash balance; fees and realized pnl move it. */
  cashBal: number;
}

/** An API key of an account; several keys may share one uid, as on OKX. */
export interface ApiKeyRecord {
  readonly uid: string;
  readonly apiKey: string;
  readonly secretKey: string;
  readonly passphrase: string;
  readonly perm: readonly Permission[];
  /** A demo-trading key must send `x-simulated-trading: 1`; a live key must not. */
  readonly demo: boolean;
  /** Empty means "any IP", as for an OKX key without a whitelist. */
  readonly ipWhitelist: readonly string[];
  readonly label: string;
}

/** What a key lookup found: OKX tells an unknown key (50111) from a deleted one (50119). */
export type KeyLookup =
  | { readonly status: 'active'; readonly key: ApiKeyRecord }
  | { readonly status: 'revoked' }
  | { readonly status: 'unknown' };
