import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@liqpass/service-kit';
import type { GatewayConfig } from '../../../config/gateway-config';
import { EdgeError } from '../../../http-edge/domain/edge-error';
import { canRefresh, refreshedExpiry, type SessionClaims } from '../../domain/session';
import { SessionTokenSigner } from '../../infrastructure/session-token.signer';

/** POST /auth/refresh: a live session for a new short-lived token, within the session's maximum age. */
@Injectable()
export class RefreshSessionHandler {
  constructor(
    private readonly tokens: SessionTokenSigner,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(session: SessionClaims): Promise<{ token: string; address: string; expiresAt: string }> {
    const now = Math.floor(Date.now() / 1000);
    if (!canRefresh(session, now, this.config.SESSION_MAX_AGE_SECONDS)) {
      throw EdgeError.unauthorized('the session can no longer be refreshed; sign in again');
    }
    const expiresAt = refreshedExpiry(session, now, this.config.SESSION_TTL_SECONDS, this.config.SESSION_MAX_AGE_SECONDS);
    const token = await this.tokens.sign({ wallet: session.wallet, signedInAt: session.signedInAt, expiresAt });
    return { token, address: session.wallet, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }
}
