import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import type { Logger } from '@liqpass/observability';
import { ServiceKitModule } from '@liqpass/service-kit';
import { ClaimsVerifierMigrations } from './migrations';

@Module({})
export class ClaimsVerifierAppModule {
  static register(config: ServiceConfigOf<'claims-verifier'>, logger: Logger): DynamicModule {
    return {
      module: ClaimsVerifierAppModule,
      imports: [ServiceKitModule.forRoot({ service: 'claims-verifier', config, logger, entities: [], migrations: ClaimsVerifierMigrations })],
    };
  }
}
