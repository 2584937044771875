import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@liqpass/service-kit';
import type { GatewayConfig } from '../../../config/gateway-config';
import { EdgeError } from '../../../http-edge/domain/edge-error';
import type { RouteAccess } from '../../../http-edge/domain/route-definition';
import { AdminRoleRepository } from '../../../admin-roles/infrastructure/admin-role.repository';
import { ANONYMOUS, type Caller } from '../../domain/caller';
import { internalKeyMatches } from '../../domain/internal-key';
import { SessionTokenSigner } from '../../infrastructure/session-token.signer';

export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

const BEARER = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/;

/**
 * Establishes who is calling, as much as the route needs: nothing for public routes, the
 * internal key for /internal/*, a valid session token for wallet routes, and the wallet's
 * current roles for admin routes. Every failure is a 401.
 */
@Injectable()
export class AuthenticateCaller {
  constructor(
    private readonly tokens: SessionTokenSigner,
    private readonly roles: AdminRoleRepository,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(access: RouteAccess, headers: RequestHeaders): Promise<Caller> {
    switch (access.kind) {
      case 'public':
        return ANONYMOUS;
      case 'internal':
        return this.internal(headers['x-internal-key']);
      case 'wallet':
        return this.session(headers.authorization);
      case 'admin': {
        const caller = await this.session(headers.authorization);
        return { ...caller, roles: await this.roles.rolesOf(caller.wallet) };
      }
    }
  }

  private internal(presented: string | string[] | undefined): Caller {
    if (presented === undefined) throw EdgeError.unauthorized('x-internal-key is required');
    if (typeof presented !== 'string' || !internalKeyMatches(presented, this.config.INTERNAL_API_KEY)) {
      throw EdgeError.unauthorized('x-internal-key is not valid');
    }
    return { kind: 'internal' };
  }

  private async session(authorization: string | string[] | undefined): Promise<Extract<Caller, { kind: 'wallet' }>> {
    if (authorization === undefined) throw EdgeError.unauthorized('sign in first: Authorization: Bearer <token> is required');
    const match = typeof authorization === 'string' ? BEARER.exec(authorization) : null;
    if (!match) throw EdgeError.unauthorized('the Authorization header must be Bearer <token>');
    const verified = await this.tokens.verify(match[1]);
    if (!verified.ok) throw EdgeError.unauthorized(verified.reason);
    return { kind: 'wallet', wallet: verified.session.wallet, session: verified.session };
  }
}
