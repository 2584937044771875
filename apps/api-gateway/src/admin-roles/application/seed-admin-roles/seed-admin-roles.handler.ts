import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { toChecksumAddress } from '@liqpass/events';
import type { Logger } from '@liqpass/observability';
import { currentCorrelationId, newCorrelationId } from '@liqpass/observability';
import { LOGGER, SERVICE_CONFIG } from '@liqpass/service-kit';
import type { GatewayConfig } from '../../../config/gateway-config';
import { AuditRepository } from '../../../audit/infrastructure/audit.repository';
import { groupSeeds } from '../../domain/role-change';
import { AdminRoleRepository } from '../../infrastructure/admin-role.repository';

/** The actor audit rows name for changes made from configuration rather than by a wallet. */
export const CONFIG_ACTOR = 'config:ADMIN_WALLETS';

/**
 * At start-up, an empty role table is filled from ADMIN_WALLETS (anvil accounts locally) and
 * the grant is audited. Once any role exists, the superadmin endpoint is the source of truth:
 * a restart never re-grants a role a superadmin took away.
 */
@Injectable()
export class SeedAdminRolesHandler implements OnModuleInit {
  constructor(
    private readonly roles: AdminRoleRepository,
    private readonly audit: AuditRepository,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    const seeds = groupSeeds(this.config.ADMIN_WALLETS.map(({ role, wallet }) => ({ role, wallet: toChecksumAddress(wallet) })));
    if (seeds.size === 0) return;
    const seeded = await this.roles.exclusively(async (manager) => {
      if ((await this.roles.count(manager)) > 0) return false;
      for (const [wallet, roles] of seeds) {
        await this.roles.replace(manager, wallet, roles, CONFIG_ACTOR);
        await this.audit.append(
          {
            actor: CONFIG_ACTOR,
            actorRoles: [],
            action: 'admin.roles.seed',
            target: `wallet:${wallet}`,
            before: { roles: [] },
            after: { roles },
            outcome: 'OK',
            traceId: currentCorrelationId() ?? newCorrelationId(),
          },
          manager,
        );
      }
      return true;
    });
    if (seeded) this.logger.info({ wallets: [...seeds.keys()] }, 'admin roles seeded from ADMIN_WALLETS');
  }
}
