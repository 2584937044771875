import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import type { Logger } from '@liqpass/observability';
import { ServiceKitModule } from '@liqpass/service-kit';
import { PaymentListenerMigrations } from './migrations';

@Module({})
export class PaymentListenerAppModule {
  static register(config: ServiceConfigOf<'payment-listener'>, logger: Logger): DynamicModule {
    return {
      module: PaymentListenerAppModule,
      imports: [ServiceKitModule.forRoot({ service: 'payment-listener', config, logger, entities: [], migrations: PaymentListenerMigrations })],
    };
  }
}
