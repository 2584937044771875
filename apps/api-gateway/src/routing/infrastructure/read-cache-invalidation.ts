import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import { producerSubjects, type Producer } from '@liqpass/events';
import { NATS_CONNECTION, type NatsConnection } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { LOGGER, SERVICE_CONFIG } from '@liqpass/service-kit';
import type { GatewayConfig } from '../../config/gateway-config';
import { ReadCache } from '../domain/read-cache';

/** The services whose reads are cached: the `target.service` of every cacheable route. */
export const CACHED_SCOPES = Symbol('CACHED_SCOPES');

/**
 * Hears every event of each service whose reads are cached (a plain NATS subscription on the
 * producer's subjects: JetStream publishes are NATS messages too, so no consumer is needed) and
 * drops that service's cached answers. The cache serves only while this can hear: it goes live
 * once the subscriptions are confirmed by the server, and is cleared and paused on a disconnect
 * or a slow-consumer warning (messages may have been missed) until the connection is back.
 */
@Injectable()
export class ReadCacheInvalidation implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly subscriptions: Subscription[] = [];
  private stopped = false;

  constructor(
    private readonly cache: ReadCache,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CACHED_SCOPES) private readonly scopes: readonly Producer[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.READ_CACHE_TTL_MS === 0 || this.scopes.length === 0) return;
    for (const scope of this.scopes) {
      this.subscriptions.push(this.nc.subscribe(producerSubjects(scope, this.config.NATS_SUBJECT_PREFIX), { callback: () => this.cache.invalidate(scope) }));
    }
    void this.watchConnection();
    await this.goLive();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.cache.setLive(false);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** A flush round trip: the server has the subscriptions before any answer is kept. */
  private async goLive(): Promise<void> {
    try {
      await this.nc.flush();
      if (!this.stopped && !this.nc.isClosed()) this.cache.setLive(true);
    } catch (error) {
      this.logger.warn({ err: error }, 'read cache stays off: the event subscription could not be confirmed');
    }
  }

  private async watchConnection(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (this.stopped) return;
      if (status.type === 'disconnect' || status.type === 'slowConsumer' || status.type === 'close') {
        this.cache.setLive(false);
        this.logger.warn({ status: status.type }, 'read cache off: events may be missed');
      } else if (status.type === 'reconnect') {
        await this.goLive();
        this.logger.info('read cache on again after reconnect');
      }
    }
  }
}
