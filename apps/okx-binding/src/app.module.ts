import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { METRICS_REGISTRY, ServiceKitModule } from '@liqpass/service-kit';
import { OkxBindingMigrations } from './migrations';

@Module({})
export class OkxBindingAppModule {
  static register(config: ServiceConfigOf<'okx-binding'>, logger: Logger): DynamicModule {
    return {
      module: OkxBindingAppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'okx-binding', config, logger, entities: [...MESSAGING_ENTITIES], migrations: OkxBindingMigrations }),
        MessagingModule.forRoot({ service: 'okx-binding', subjectPrefix: config.NATS_SUBJECT_PREFIX, logger, metricsRegistry: { inject: METRICS_REGISTRY } }),
      ],
    };
  }
}
