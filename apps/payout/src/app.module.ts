import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import type { Logger } from '@liqpass/observability';
import { ServiceKitModule } from '@liqpass/service-kit';
import { PayoutMigrations } from './migrations';

@Module({})
export class PayoutAppModule {
  static register(config: ServiceConfigOf<'payout'>, logger: Logger): DynamicModule {
    return {
      module: PayoutAppModule,
      imports: [ServiceKitModule.forRoot({ service: 'payout', config, logger, entities: [], migrations: PayoutMigrations })],
    };
  }
}
