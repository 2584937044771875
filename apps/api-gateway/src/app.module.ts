import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import { NATS_CONNECTION, type NatsConnection } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { RpcClient, ServiceKitModule } from '@liqpass/service-kit';
import { BackendHealthRegistrar } from './health/application/backend-health.registrar';
import { ApiGatewayMigrations } from './migrations';

@Module({})
export class ApiGatewayAppModule {
  static register(config: ServiceConfigOf<'api-gateway'>, logger: Logger): DynamicModule {
    return {
      module: ApiGatewayAppModule,
      imports: [ServiceKitModule.forRoot({ service: 'api-gateway', config, logger, entities: [], migrations: ApiGatewayMigrations })],
      providers: [
        {
          provide: RpcClient,
          useFactory: (nc: NatsConnection) => new RpcClient(nc, config.SERVICE_REQUEST_TIMEOUT_MS, config.NATS_SUBJECT_PREFIX),
          inject: [NATS_CONNECTION],
        },
        BackendHealthRegistrar,
      ],
    };
  }
}
