import type { InjectionToken } from '@nestjs/common';
import type { ServiceName } from '@liqpass/config';
import type { EventType } from '@liqpass/events';
import type { Logger, Registry } from '@liqpass/observability';
import type { OutboxRelayOptions } from '../outbox/outbox-relay';
import type { ConsumerPolicy } from '../topology/consumer-policy';
import type { StreamOptions } from '../topology/stream-options';

export interface MessagingModuleOptions {
  readonly service: ServiceName;
  /** `liqpass` unless a test isolates itself. */
  readonly subjectPrefix?: string;
  /** Relay settings, or false where this process must not relay. */
  readonly relay?: Partial<OutboxRelayOptions> | false;
  readonly stream?: Partial<StreamOptions>;
  /** Defaults for every handler of this service; `@HandlesEvent` options override per handler. */
  readonly consumer?: Partial<ConsumerPolicy>;
  /** Per event type, from the service's configuration; these override `@HandlesEvent` options. */
  readonly consumerByEvent?: Partial<Record<EventType, Partial<ConsumerPolicy>>>;
  /** The service's logger; a new one named after the service otherwise. */
  readonly logger?: Logger;
  /** Prometheus registry for the messaging counters, given directly or as a provider token. */
  readonly metricsRegistry?: Registry | { readonly inject: InjectionToken };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const MESSAGING_LOGGER = Symbol('MESSAGING_LOGGER');
