import { Injectable } from '@nestjs/common';
import type { ApiKeyRecord } from '../../accounts/domain/sim-account';
import { AccountStore } from '../../accounts/infrastructure/account.store';
import { OkxError } from '../../shared/domain/okx-error';
import type { OkxRequest, PrivateEndpointMeta } from '../../shared/interface/okx-endpoint.meta';
import { SimClock } from '../../sim-options';
import { verifySignedRequest } from '../domain/verify-request';

/** IPv4 clients reach a dual-stack socket as ::ffff:a.b.c.d; whitelists hold a.b.c.d. */
export function normalizeIp(ip: string): string {
  return ip.startsWith('::ffff:') ? ip.slice('::ffff:'.length) : ip;
}

/**
 * Authenticates private OKX routes. The signature is checked over the path and query exactly
 * as they arrived (`raw.url`, never a re-serialised query) and over the raw body bytes.
 */
@Injectable()
export class OkxAuthenticator {
  private readonly lookupKey = (apiKey: string) => this.accounts.lookup(apiKey);

  constructor(
    private readonly accounts: AccountStore,
    private readonly clock: SimClock,
  ) {}

  /** The request's key, or the OkxError OKX would answer (auth failures, then 50120). */
  authenticate(request: OkxRequest, meta: PrivateEndpointMeta): ApiKeyRecord {
    const key = verifySignedRequest(
      {
        method: request.method,
        requestPath: request.raw.url ?? request.url,
        body: request.rawBody?.toString('utf8') ?? '',
        headers: request.headers,
        ip: normalizeIp(request.ip),
      },
      { nowMs: this.clock.now(), skewMs: this.clock.timestampSkewMs, lookupKey: this.lookupKey },
    );
    if (!key.perm.includes(meta.access)) throw new OkxError('50120');
    return key;
  }
}
