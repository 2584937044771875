import { Controller } from '@nestjs/common';
import { currentCorrelationId, newCorrelationId } from '@liqpass/observability';
import { Edge, type EdgeContext } from '../../http-edge/interface/edge-context';
import { Endpoint } from '../../http-edge/interface/endpoint.decorator';
import { SetAdminRolesHandler } from '../application/set-admin-roles/set-admin-roles.handler';
import type { AdminRole } from '../domain/admin-role';
import { AdminRoleRepository, type AdminWallet } from '../infrastructure/admin-role.repository';
import { ADMIN_ROLE_ROUTES } from './admin-roles.routes';

@Controller()
export class AdminRolesController {
  constructor(
    private readonly roles: AdminRoleRepository,
    private readonly setRoles: SetAdminRolesHandler,
  ) {}

  @Endpoint(ADMIN_ROLE_ROUTES.list)
  async list(): Promise<{ items: AdminWallet[] }> {
    return { items: await this.roles.list() };
  }

  @Endpoint(ADMIN_ROLE_ROUTES.set)
  set(@Edge() edge: EdgeContext<typeof ADMIN_ROLE_ROUTES.set>): Promise<{ wallet: string; roles: AdminRole[] }> {
    const caller = edge.caller.kind === 'wallet' ? edge.caller : undefined;
    if (!caller) throw new Error('admin route reached without a wallet caller');
    return this.setRoles.execute({
      actor: caller.wallet,
      actorRoles: caller.roles ?? [],
      wallet: edge.input.params.wallet,
      roles: edge.input.body.roles,
      traceId: currentCorrelationId() ?? newCorrelationId(),
    });
  }
}
