import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { METRICS_REGISTRY, ServiceKitModule } from '@liqpass/service-kit';
import { PolicyMigrations } from './migrations';

@Module({})
export class PolicyAppModule {
  static register(config: ServiceConfigOf<'policy'>, logger: Logger): DynamicModule {
    return {
      module: PolicyAppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'policy', config, logger, entities: [...MESSAGING_ENTITIES], migrations: PolicyMigrations }),
        MessagingModule.forRoot({ service: 'policy', subjectPrefix: config.NATS_SUBJECT_PREFIX, logger, metricsRegistry: { inject: METRICS_REGISTRY } }),
      ],
    };
  }
}
