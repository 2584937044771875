import { Module, type DynamicModule } from '@nestjs/common';
import { MESSAGING_ENTITIES, MessagingModule } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { OkxClient } from '@liqpass/okx-client';
import { METRICS_REGISTRY, ServiceKitModule } from '@liqpass/service-kit';
import type { Registry } from '@liqpass/observability';
import { LinkAccountHandler } from './accounts/application/link-account/link-account.handler';
import { CredentialsVault } from './accounts/infrastructure/credentials-vault';
import { LinkedAccountRepository } from './accounts/infrastructure/linked-account.repository';
import { LinkedOkxAccounts } from './accounts/infrastructure/linked-okx-accounts';
import { AccountsRpc } from './accounts/interface/accounts.rpc';
import { VerifyBindingHandler } from './bindings/application/verify-binding/verify-binding.handler';
import { BindingRepository } from './bindings/infrastructure/binding.repository';
import { PurchaseOrderTermsRepository } from './bindings/infrastructure/purchase-order-terms.repository';
import { ReadAccountHandler } from './account-reads/application/read-account/read-account.handler';
import { AccountReadsRpc } from './account-reads/interface/account-reads.rpc';
import { BindingsRpc } from './bindings/interface/bindings.rpc';
import { PolicyCreatedConsumer } from './bindings/interface/policy-created.consumer';
import { OKX_BINDING_SETTINGS, okxBindingSettings, type OkxBindingConfig } from './config/okx-binding-settings';
import { CredentialsCipher } from './credentials/infrastructure/credentials-cipher';
import { OkxBindingMigrations } from './migrations';
import { createOkxClient } from './okx/infrastructure/okx-client.factory';
import { OkxHealthRegistration } from './okx/interface/okx-health.registration';
import { ListOrdersHandler } from './portfolio/application/list-orders/list-orders.handler';
import { ListPositionsHandler } from './portfolio/application/list-positions/list-positions.handler';
import { PortfolioRpc } from './portfolio/interface/portfolio.rpc';
import { OkxBindingMetrics } from './shared/infrastructure/okx-binding.metrics';

/**
 * okx-binding: links traders' read-only OKX keys (sealed at rest), lists their positions and
 * opening orders, and binds an opening order to a purchase order (OkxOrderBound).
 */
@Module({})
export class OkxBindingAppModule {
  static register(config: OkxBindingConfig, logger: Logger): DynamicModule {
    // Throws a ConfigError naming OKX_ENCRYPTION_KEYS before anything starts if the ring is malformed.
    const settings = okxBindingSettings(config);
    return {
      module: OkxBindingAppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'okx-binding', config, logger, entities: [...MESSAGING_ENTITIES], migrations: OkxBindingMigrations }),
        MessagingModule.forRoot({ service: 'okx-binding', subjectPrefix: config.NATS_SUBJECT_PREFIX, logger, metricsRegistry: { inject: METRICS_REGISTRY } }),
      ],
      providers: [
        { provide: OKX_BINDING_SETTINGS, useValue: settings },
        { provide: OkxBindingMetrics, useFactory: (registry: Registry) => new OkxBindingMetrics(registry), inject: [METRICS_REGISTRY] },
        { provide: OkxClient, useFactory: (metrics: OkxBindingMetrics) => createOkxClient(settings, metrics), inject: [OkxBindingMetrics] },
        { provide: CredentialsVault, useFactory: () => new CredentialsVault(new CredentialsCipher(settings.keyRing)) },
        LinkedAccountRepository,
        LinkedOkxAccounts,
        PurchaseOrderTermsRepository,
        BindingRepository,
        LinkAccountHandler,
        ListPositionsHandler,
        ListOrdersHandler,
        VerifyBindingHandler,
        AccountsRpc,
        PortfolioRpc,
        BindingsRpc,
        ReadAccountHandler,
        AccountReadsRpc,
        PolicyCreatedConsumer,
        OkxHealthRegistration,
      ],
    };
  }
}
