import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@liqpass/messaging';
import type { Logger, Registry } from '@liqpass/observability';
import { METRICS_REGISTRY, ServiceKitModule } from '@liqpass/service-kit';
import { PAYOUT_SETTINGS, payoutSettingsFrom } from './config/payout-settings';
import { PayoutMigrations } from './migrations';
import { AddSignatureHandler } from './payouts/application/add-signature/add-signature.handler';
import { ConfirmExecutionsHandler } from './payouts/application/confirm-execution/confirm-executions.handler';
import { DetectConsumedNoncesHandler } from './payouts/application/confirm-execution/detect-consumed-nonces.handler';
import { ExecutionVerifier } from './payouts/application/confirm-execution/execution-verifier';
import { ExecutePayoutHandler } from './payouts/application/execute-payout/execute-payout.handler';
import { MarkPaidHandler } from './payouts/application/mark-paid/mark-paid.handler';
import { ProposePayoutHandler } from './payouts/application/propose-payout/propose-payout.handler';
import { ReleasePayoutHandler } from './payouts/application/release-payout/release-payout.handler';
import { ReproposePayoutHandler } from './payouts/application/repropose-payout/repropose-payout.handler';
import { TreasuryMonitor } from './payouts/application/treasury-monitor';
import { PayoutMetrics } from './payouts/infrastructure/payout-metrics';
import { PayoutRepository } from './payouts/infrastructure/payout.repository';
import { SafeChain } from './payouts/infrastructure/safe-chain';
import { ClaimApprovedConsumer } from './payouts/interface/claim-approved.consumer';
import { PayoutWatcherLifecycle } from './payouts/interface/payout-watcher.lifecycle';
import { PayoutsRpc } from './payouts/interface/payouts.rpc';

/**
 * The payout service: turns ClaimApproved into one Safe transaction per claim (limits first),
 * collects owner signatures, executes through the executor key under the two-person rule,
 * checks every execution on-chain before publishing PayoutExecuted, and records payouts made
 * in the Safe UI after the same check. It holds no Safe owner key.
 */
@Module({})
export class PayoutAppModule {
  static register(config: ServiceConfigOf<'payout'>, logger: Logger): DynamicModule {
    const settings = payoutSettingsFrom(config);
    return {
      module: PayoutAppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'payout', config, logger, entities: [...MESSAGING_ENTITIES], migrations: PayoutMigrations }),
        MessagingModule.forRoot({ service: 'payout', subjectPrefix: config.NATS_SUBJECT_PREFIX, logger, metricsRegistry: { inject: METRICS_REGISTRY } }),
      ],
      providers: [
        { provide: PAYOUT_SETTINGS, useValue: settings },
        {
          provide: SafeChain,
          useFactory: () =>
            new SafeChain(settings.chain.rpcUrl, settings.chain.chainId, settings.chain.contracts.treasurySafe, settings.chain.contracts.usdc, settings.executorKey),
        },
        { provide: PayoutMetrics, useFactory: (registry: Registry) => new PayoutMetrics(registry), inject: [METRICS_REGISTRY] },
        PayoutRepository,
        ProposePayoutHandler,
        AddSignatureHandler,
        ExecutePayoutHandler,
        ExecutionVerifier,
        ConfirmExecutionsHandler,
        DetectConsumedNoncesHandler,
        MarkPaidHandler,
        ReleasePayoutHandler,
        ReproposePayoutHandler,
        TreasuryMonitor,
        ClaimApprovedConsumer,
        PayoutsRpc,
        PayoutWatcherLifecycle,
      ],
    };
  }
}
