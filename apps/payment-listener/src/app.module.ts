import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { METRICS_REGISTRY, ServiceKitModule } from '@liqpass/service-kit';
import { PaymentListenerMigrations } from './migrations';

@Module({})
export class PaymentListenerAppModule {
  static register(config: ServiceConfigOf<'payment-listener'>, logger: Logger): DynamicModule {
    return {
      module: PaymentListenerAppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'payment-listener', config, logger, entities: [...MESSAGING_ENTITIES], migrations: PaymentListenerMigrations }),
        MessagingModule.forRoot({ service: 'payment-listener', subjectPrefix: config.NATS_SUBJECT_PREFIX, logger, metricsRegistry: { inject: METRICS_REGISTRY } }),
      ],
    };
  }
}
