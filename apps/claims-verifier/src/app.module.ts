import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@liqpass/messaging';
import type { Logger, Registry } from '@liqpass/observability';
import { METRICS_REGISTRY, ServiceKitModule } from '@liqpass/service-kit';
import { OpenClaimHandler } from './claims/application/open-claim.handler';
import { ReviewClaimHandler } from './claims/application/review-claim.handler';
import { VerifyClaimHandler } from './claims/application/verify-claim.handler';
import { VerifySweeper } from './claims/application/verify-sweeper';
import { ClaimsRepository } from './claims/infrastructure/claims.repository';
import { ClaimEventsConsumer } from './claims/interface/claim-events.consumer';
import { ClaimsRpc } from './claims/interface/claims.rpc';
import { ClaimsVerifierMigrations } from './migrations';
import { PolicyEventsConsumer } from './policies/interface/policy-events.consumer';
import { ClaimsMetrics } from './shared/claims.metrics';

/** claims-verifier: claims, their verification against OKX, sealed evidence, fraud controls and review. */
@Module({})
export class ClaimsVerifierAppModule {
  static register(config: ServiceConfigOf<'claims-verifier'>, logger: Logger): DynamicModule {
    return {
      module: ClaimsVerifierAppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'claims-verifier', config, logger, entities: [...MESSAGING_ENTITIES], migrations: ClaimsVerifierMigrations }),
        MessagingModule.forRoot({
          service: 'claims-verifier',
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          logger,
          metricsRegistry: { inject: METRICS_REGISTRY },
          // The default ack_wait: the runner pulls only as many as it has free slots, and every
          // message it holds heartbeats, so a long verification never needs a longer one.
          consumerByEvent: { ClaimRequested: { concurrency: config.VERIFY_CONCURRENCY } },
        }),
      ],
      providers: [
        { provide: ClaimsMetrics, useFactory: (registry: Registry) => new ClaimsMetrics(registry), inject: [METRICS_REGISTRY] },
        ClaimsRepository,
        OpenClaimHandler,
        VerifyClaimHandler,
        ReviewClaimHandler,
        VerifySweeper,
        PolicyEventsConsumer,
        ClaimEventsConsumer,
        ClaimsRpc,
      ],
    };
  }
}
