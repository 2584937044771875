import { Controller } from '@nestjs/common';
import { Edge, type EdgeContext } from '../../http-edge/interface/edge-context';
import { Endpoint } from '../../http-edge/interface/endpoint.decorator';
import { AdminRoleRepository } from '../../admin-roles/infrastructure/admin-role.repository';
import type { AdminRole } from '../../admin-roles/domain/admin-role';
import { IssueNonceHandler } from '../application/issue-nonce/issue-nonce.handler';
import { RefreshSessionHandler } from '../application/refresh-session/refresh-session.handler';
import { SignInHandler, type SignInResult } from '../application/sign-in/sign-in.handler';
import type { Caller } from '../domain/caller';
import { AUTH_ROUTES } from './auth.routes';

@Controller()
export class AuthController {
  constructor(
    private readonly issueNonce: IssueNonceHandler,
    private readonly signIn: SignInHandler,
    private readonly refreshSession: RefreshSessionHandler,
    private readonly roles: AdminRoleRepository,
  ) {}

  @Endpoint(AUTH_ROUTES.nonce)
  nonce(): Promise<{ nonce: string; expiresAt: string }> {
    return this.issueNonce.execute();
  }

  @Endpoint(AUTH_ROUTES.verify)
  verify(@Edge() edge: EdgeContext<typeof AUTH_ROUTES.verify>): Promise<SignInResult> {
    return this.signIn.execute(edge.input.body);
  }

  @Endpoint(AUTH_ROUTES.refresh)
  refresh(@Edge() edge: EdgeContext<typeof AUTH_ROUTES.refresh>): Promise<{ token: string; address: string; expiresAt: string }> {
    return this.refreshSession.execute(signedIn(edge.caller).session);
  }

  @Endpoint(AUTH_ROUTES.session)
  async session(@Edge() edge: EdgeContext<typeof AUTH_ROUTES.session>): Promise<{ address: string; roles: AdminRole[]; expiresAt: string }> {
    const caller = signedIn(edge.caller);
    return {
      address: caller.wallet,
      roles: await this.roles.rolesOf(caller.wallet),
      expiresAt: new Date(caller.session.expiresAt * 1000).toISOString(),
    };
  }
}

function signedIn(caller: Caller): Extract<Caller, { kind: 'wallet' }> {
  if (caller.kind !== 'wallet') throw new Error('wallet route reached without a wallet caller');
  return caller;
}
