import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@liqpass/messaging';
import type { Logger, Registry } from '@liqpass/observability';
import { METRICS_REGISTRY, ServiceKitModule } from '@liqpass/service-kit';
import { ChainListenerRunner } from './chain-listener/application/chain-listener.runner';
import { IngestRangeHandler } from './chain-listener/application/ingest-range/ingest-range.handler';
import { ListenerInstance } from './chain-listener/application/listener-instance';
import { RevertReorgedBlocksHandler } from './chain-listener/application/revert-reorged-blocks/revert-reorged-blocks.handler';
import { ChainCursorRepository } from './chain-listener/infrastructure/chain-cursor.repository';
import { ChainLeaseRepository } from './chain-listener/infrastructure/chain-lease.repository';
import { ChainReader } from './chain-listener/infrastructure/chain-reader';
import { ListenerMetrics } from './chain-listener/infrastructure/listener-metrics';
import { OutboxBacklog } from './chain-listener/infrastructure/outbox-backlog';
import { PremiumPaymentRepository } from './chain-listener/infrastructure/premium-payment.repository';
import { ChainListenerLifecycle } from './chain-listener/interface/chain-listener.lifecycle';
import { LISTENER_SETTINGS, listenerSettingsFrom } from './config/listener-settings';
import { PaymentListenerMigrations } from './migrations';
import { ReconciliationScheduler } from './reconciliation/application/reconciliation-scheduler';
import { RunReconciliationHandler } from './reconciliation/application/run-reconciliation/run-reconciliation.handler';
import { LedgerReader } from './reconciliation/infrastructure/ledger-reader';
import { PayoutTreasuryClient } from './reconciliation/infrastructure/payout-treasury.client';
import { ReconciliationMetrics } from './reconciliation/infrastructure/reconciliation-metrics';
import { ReconciliationRunRepository } from './reconciliation/infrastructure/reconciliation-run.repository';
import { ReconciliationRpc } from './reconciliation/interface/reconciliation.rpc';

/** Rows per relay pass: a backfill commits a thousand events at a time. */
const RELAY_BATCH = 500;

/**
 * The payment listener: follows the checkout's PremiumPaid logs on one chain (CHAIN.md), turns
 * confirmed ones into PremiumPaid events and reorged-out ones into PremiumPaymentReverted,
 * reconciles chain, books and treasury daily, and serves the results to the admin console.
 * It never signs or sends a transaction and never reads another service's schema.
 */
@Module({})
export class PaymentListenerAppModule {
  static register(config: ServiceConfigOf<'payment-listener'>, logger: Logger): DynamicModule {
    const settings = listenerSettingsFrom(config);
    return {
      module: PaymentListenerAppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'payment-listener', config, logger, entities: [...MESSAGING_ENTITIES], migrations: PaymentListenerMigrations }),
        MessagingModule.forRoot({
          service: 'payment-listener',
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          logger,
          metricsRegistry: { inject: METRICS_REGISTRY },
          relay: { batchSize: RELAY_BATCH },
        }),
      ],
      providers: [
        { provide: LISTENER_SETTINGS, useValue: settings },
        { provide: ChainReader, useFactory: () => new ChainReader(settings.chain.rpcUrl, settings.chain.chainId) },
        { provide: ListenerMetrics, useFactory: (registry: Registry) => new ListenerMetrics(registry), inject: [METRICS_REGISTRY] },
        { provide: ReconciliationMetrics, useFactory: (registry: Registry) => new ReconciliationMetrics(registry), inject: [METRICS_REGISTRY] },
        ListenerInstance,
        // chain listener
        ChainLeaseRepository,
        ChainCursorRepository,
        PremiumPaymentRepository,
        OutboxBacklog,
        RevertReorgedBlocksHandler,
        IngestRangeHandler,
        ChainListenerRunner,
        ChainListenerLifecycle,
        // reconciliation
        ReconciliationRunRepository,
        LedgerReader,
        PayoutTreasuryClient,
        RunReconciliationHandler,
        ReconciliationScheduler,
        ReconciliationRpc,
        // admin
      ],
    };
  }
}
