import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccountStore } from '../../accounts/infrastructure/account.store';
import { OkxError } from '../../shared/domain/okx-error';
import { OKX_ENDPOINT_META, type OkxEndpointMeta, type OkxRequest } from '../../shared/interface/okx-endpoint.meta';
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
export class OkxAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountStore,
    private readonly clock: SimClock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const meta = this.reflector.get<OkxEndpointMeta | undefined>(OKX_ENDPOINT_META, context.getHandler());
    if (!meta || meta.access === 'public') return true;
    const request = context.switchToHttp().getRequest<OkxRequest>();
    const key = verifySignedRequest(
      {
        method: request.method,
        requestPath: request.raw.url ?? request.url,
        body: request.rawBody?.toString('utf8') ?? '',
        headers: request.headers,
        ip: normalizeIp(request.ip),
      },
      { nowMs: this.clock.now(), skewMs: this.clock.timestampSkewMs, lookupKey: (apiKey) => this.accounts.lookup(apiKey) },
    );
    if (!key.perm.includes(meta.access)) throw new OkxError('50120');
    request.okxKey = key;
    return true;
  }
}
