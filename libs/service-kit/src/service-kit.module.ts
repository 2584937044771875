import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Histogram } from 'prom-client';
import type { MixedList } from 'typeorm';
import { DataSource } from 'typeorm';
import type { BaseServiceConfig, ServiceName } from '@liqpass/config';
import { createServiceDataSource, databaseIsReachable, openAndMigrate } from '@liqpass/db';
import { connectNats, DeadLetterQuery, NATS_CONNECTION, natsIsReachable, type NatsConnection } from '@liqpass/messaging';
import { createMetricsRegistry } from '@liqpass/observability';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { HTTP_OBSERVABILITY, installHttpObservability } from './http/http-observability';
import { createHttpDuration, HTTP_DURATION } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { serveDeadLetters } from './rpc/dead-letters.rpc';
import { RpcServer } from './rpc/rpc-server';
import { LOGGER, METRICS_REGISTRY, SERVICE_CONFIG, SERVICE_NAME } from './tokens';

export interface ServiceKitOptions {
  readonly service: ServiceName;
  readonly config: BaseServiceConfig;
  readonly logger: Logger;
  readonly entities: MixedList<Function>;
  readonly migrations: MixedList<Function>;
}

/**
 * What every database- and NATS-backed service gets the same way: typed config, the logger,
 * a migrated DataSource confined to its schema, the NATS connection, /health (HTTP and NATS
 * request/reply for the gateway), /metrics, and correlation ids on every request.
 */
@Global()
@Module({})
export class ServiceKitModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly health: HealthService,
    private readonly rpc: RpcServer,
    private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly moduleRef: ModuleRef,
  ) {}

  static forRoot(options: ServiceKitOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: SERVICE_NAME, useValue: options.service },
      { provide: SERVICE_CONFIG, useValue: options.config },
      { provide: LOGGER, useValue: options.logger },
      { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(options.service) },
      { provide: HTTP_DURATION, useFactory: createHttpDuration, inject: [METRICS_REGISTRY] },
      {
        provide: DataSource,
        useFactory: async () => {
          const dataSource = createServiceDataSource({
            url: options.config.DATABASE_URL,
            schema: options.config.DB_SCHEMA,
            entities: options.entities,
            migrations: options.migrations,
            applicationName: options.service,
          });
          const applied = await openAndMigrate(dataSource);
          options.logger.info({ applied, schema: options.config.DB_SCHEMA }, 'database ready');
          return dataSource;
        },
      },
      { provide: NATS_CONNECTION, useFactory: () => connectNats(options.config.NATS_URL, options.service) },
      {
        provide: RpcServer,
        useFactory: (nc: NatsConnection) => new RpcServer(nc, options.service, options.logger, options.config.NATS_SUBJECT_PREFIX),
        inject: [NATS_CONNECTION],
      },
      HealthService,
      {
        // Installed while providers are created, before Nest registers any route; a context
        // without HTTP (a worker, a script) has no adapter and nothing to install.
        provide: HTTP_OBSERVABILITY,
        useFactory: (host: HttpAdapterHost, duration: Histogram<'method' | 'route' | 'status'>) => {
          const fastify = host.httpAdapter?.getInstance<FastifyInstance>();
          if (fastify) installHttpObservability(fastify, options.logger, duration);
          return Boolean(fastify);
        },
        inject: [HttpAdapterHost, HTTP_DURATION],
      },
    ];
    return {
      module: ServiceKitModule,
      controllers: [HealthController, MetricsController],
      providers,
      exports: providers.filter((p) => !('provide' in p && p.provide === HTTP_OBSERVABILITY)),
    };
  }

  onApplicationBootstrap(): void {
    this.health.register('database', async () =>
      (await databaseIsReachable(this.dataSource)) ? { status: 'ok' } : { status: 'down', detail: 'no answer to SELECT 1' },
    );
    this.health.register('nats', async () =>
      (await natsIsReachable(this.nc)) ? { status: 'ok' } : { status: 'down', detail: 'no round trip to the server' },
    );
    this.rpc.handle('health', () => this.health.report());
    const deadLetters = this.deadLetterQuery();
    if (deadLetters) serveDeadLetters(this.rpc, deadLetters);
  }

  /** Present when the service runs MessagingModule (every event consumer); the gateway has none. */
  private deadLetterQuery(): DeadLetterQuery | undefined {
    try {
      return this.moduleRef.get(DeadLetterQuery, { strict: false });
    } catch {
      return undefined;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
    await this.nc.drain().catch((error: unknown) => this.logger.warn({ err: error }, 'nats drain failed'));
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    this.logger.info('stopped');
  }
}
