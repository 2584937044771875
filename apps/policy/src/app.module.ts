import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import type { Logger } from '@liqpass/observability';
import { ServiceKitModule } from '@liqpass/service-kit';
import { PolicyMigrations } from './migrations';

@Module({})
export class PolicyAppModule {
  static register(config: ServiceConfigOf<'policy'>, logger: Logger): DynamicModule {
    return {
      module: PolicyAppModule,
      imports: [ServiceKitModule.forRoot({ service: 'policy', config, logger, entities: [], migrations: PolicyMigrations })],
    };
  }
}
