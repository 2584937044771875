import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from '@liqpass/observability';
import { NATS_CONNECTION, type NatsConnection } from '../connection/nats-connection';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { OutboxWriter } from '../outbox/outbox-writer';
import { MessagingRuntime } from '../runtime/messaging-runtime';
import { HandlerDiscovery } from './handler-discovery';
import { MESSAGING_LOGGER, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging-options';

/**
 * Starts messaging once every provider exists (handlers discovered, DataSource migrated) and
 * stops it before shutdown hooks close the NATS connection and the DataSource.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private runtime: MessagingRuntime | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MESSAGING_LOGGER) private readonly logger: Logger,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly dataSource: DataSource,
    private readonly metrics: MessagingMetrics,
    private readonly discovery: HandlerDiscovery,
    private readonly writer: OutboxWriter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.discovery.discover(this.options.service, this.options.consumer, this.options.consumerByEvent);
    this.runtime = new MessagingRuntime(
      { dataSource: this.dataSource, nc: this.nc, logger: this.logger, metrics: this.metrics },
      { service: this.options.service, subjectPrefix: this.options.subjectPrefix, relay: this.options.relay, stream: this.options.stream, handlers, writer: this.writer },
    );
    await this.runtime.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime?.stop();
    this.runtime = undefined;
  }
}
