import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { createLogger, type Registry } from '@liqpass/observability';
import { DeadLetterQuery } from '../dead-letters/dead-letter-query';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { OutboxWriter } from '../outbox/outbox-writer';
import { HandlerDiscovery } from './handler-discovery';
import { MessagingLifecycle } from './messaging-lifecycle';
import { MESSAGING_LOGGER, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging-options';

/**
 * The event backbone for a Nest service. The host provides the TypeORM `DataSource` (listing
 * MESSAGING_ENTITIES and CreateMessagingTables… among its own) and `NATS_CONNECTION`; this
 * module exports `OutboxWriter` and `DeadLetterQuery` and runs relay and consumers.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const registry = options.metricsRegistry;
    const metricsProvider: Provider =
      registry && 'inject' in registry
        ? { provide: MessagingMetrics, useFactory: (r: Registry) => new MessagingMetrics(r), inject: [registry.inject] }
        : { provide: MessagingMetrics, useFactory: () => new MessagingMetrics(registry) };
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: MESSAGING_LOGGER, useFactory: () => options.logger ?? createLogger(options.service) },
        metricsProvider,
        { provide: OutboxWriter, useFactory: () => new OutboxWriter({ service: options.service, subjectPrefix: options.subjectPrefix }) },
        { provide: DeadLetterQuery, useFactory: (dataSource: DataSource) => new DeadLetterQuery(dataSource), inject: [DataSource] },
        HandlerDiscovery,
        MessagingLifecycle,
      ],
      exports: [OutboxWriter, DeadLetterQuery, MessagingMetrics],
    };
  }
}
