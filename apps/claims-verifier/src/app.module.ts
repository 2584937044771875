import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { METRICS_REGISTRY, ServiceKitModule } from '@liqpass/service-kit';
import { ClaimsVerifierMigrations } from './migrations';

@Module({})
export class ClaimsVerifierAppModule {
  static register(config: ServiceConfigOf<'claims-verifier'>, logger: Logger): DynamicModule {
    return {
      module: ClaimsVerifierAppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'claims-verifier', config, logger, entities: [...MESSAGING_ENTITIES], migrations: ClaimsVerifierMigrations }),
        MessagingModule.forRoot({ service: 'claims-verifier', subjectPrefix: config.NATS_SUBJECT_PREFIX, logger, metricsRegistry: { inject: METRICS_REGISTRY } }),
      ],
    };
  }
}
