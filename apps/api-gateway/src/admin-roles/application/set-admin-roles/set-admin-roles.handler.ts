import { Injectable } from '@nestjs/common';
import { toChecksumAddress } from '@liqpass/events';
import { AuditRepository } from '../../../audit/infrastructure/audit.repository';
import { EdgeError } from '../../../http-edge/domain/edge-error';
import type { AdminRole } from '../../domain/admin-role';
import { decideRoleChange } from '../../domain/role-change';
import { AdminRoleRepository } from '../../infrastructure/admin-role.repository';

export interface SetAdminRolesCommand {
  readonly actor: string;
  readonly actorRoles: readonly AdminRole[];
  readonly wallet: string;
  readonly roles: readonly AdminRole[];
  readonly traceId: string;
}

/**
 * PUT /admin/roles/:wallet (superadmin): sets exactly these roles, and writes the audit row
 * (before and after) in the same transaction as the change — no change without its record.
 */
@Injectable()
export class SetAdminRolesHandler {
  constructor(
    private readonly roles: AdminRoleRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute(command: SetAdminRolesCommand): Promise<{ wallet: string; roles: AdminRole[] }> {
    const wallet = toChecksumAddress(command.wallet);
    return this.roles.exclusively(async (manager) => {
      const current = await this.roles.rolesOf(wallet, manager);
      const decision = decideRoleChange(wallet, current, command.roles, await this.roles.superadminCount(manager));
      if (!decision.ok) throw new EdgeError('INVALID_STATUS_TRANSITION', 409, decision.reason);
      await this.roles.replace(manager, wallet, decision.change.after, command.actor);
      await this.audit.append(
        {
          actor: command.actor,
          actorRoles: command.actorRoles,
          action: 'admin.roles.set',
          target: `wallet:${wallet}`,
          before: { roles: decision.change.before },
          after: { roles: decision.change.after },
          outcome: 'OK',
          traceId: command.traceId,
        },
        manager,
      );
      return { wallet, roles: decision.change.after };
    });
  }
}
