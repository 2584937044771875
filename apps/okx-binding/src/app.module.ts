import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import type { Logger } from '@liqpass/observability';
import { ServiceKitModule } from '@liqpass/service-kit';
import { OkxBindingMigrations } from './migrations';

@Module({})
export class OkxBindingAppModule {
  static register(config: ServiceConfigOf<'okx-binding'>, logger: Logger): DynamicModule {
    return {
      module: OkxBindingAppModule,
      imports: [ServiceKitModule.forRoot({ service: 'okx-binding', config, logger, entities: [], migrations: OkxBindingMigrations })],
    };
  }
}
