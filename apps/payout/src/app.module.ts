import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { METRICS_REGISTRY, ServiceKitModule } from '@liqpass/service-kit';
import { PayoutMigrations } from './migrations';

@Module({})
export class PayoutAppModule {
  static register(config: ServiceConfigOf<'payout'>, logger: Logger): DynamicModule {
    return {
      module: PayoutAppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'payout', config, logger, entities: [...MESSAGING_ENTITIES], migrations: PayoutMigrations }),
        MessagingModule.forRoot({ service: 'payout', subjectPrefix: config.NATS_SUBJECT_PREFIX, logger, metricsRegistry: { inject: METRICS_REGISTRY } }),
      ],
    };
  }
}
