import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { eventSubject, latestVersion, producerSubjects, type EventType, type Producer } from '@liqpass/events';
import type { ConsumerPolicy } from './consumer-policy';
import { durableName, streamName } from './names';
import { DEFAULT_STREAM_OPTIONS, type StreamOptions } from './stream-options';

export interface ConsumerSpec {
  readonly consumer: string;
  readonly type: EventType;
  readonly policy: ConsumerPolicy;
}

/**
 * Declares streams and durable consumers from code, idempotently: create when missing, update
 * when present, so every replica can run it at start-up. `infra/nats` mirrors what this builds.
 */
export class JetStreamTopology {
  constructor(
    private readonly jsm: JetStreamManager,
    private readonly prefix: string,
    private readonly streamOptions: StreamOptions = DEFAULT_STREAM_OPTIONS,
  ) {}

  streamConfig(producer: Producer): Partial<StreamConfig> & { name: string } {
    const options = this.streamOptions;
    return {
      name: streamName(producer, this.prefix),
      subjects: [producerSubjects(producer, this.prefix)],
      retention: RetentionPolicy.Limits,
      storage: options.storage === 'memory' ? StorageType.Memory : StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: nanos(options.maxAgeMs),
      duplicate_window: nanos(options.duplicateWindowMs),
      num_replicas: options.replicas,
      description: `LiqPass events published by ${producer}`,
    };
  }

  /**
   * The owner creates or updates its stream. A consumer only creates a stream it finds missing
   * (its producer may start later), never updates it: two services would fight over settings.
   */
  async ensureStream(producer: Producer, mode: 'owner' | 'consumer' = 'owner'): Promise<string> {
    const config = this.streamConfig(producer);
    if (!(await this.streamExists(config.name))) {
      try {
        await this.jsm.streams.add(config);
        return config.name;
      } catch (error) {
        // Another replica may have created it between our look and our add: then update it.
        if (!(await this.streamExists(config.name))) throw error;
      }
    }
    if (mode === 'owner') {
      const { name, ...update } = config;
      await this.jsm.streams.update(name, update);
    }
    return config.name;
  }

  consumerConfig(producer: Producer, spec: ConsumerSpec): Partial<ConsumerConfig> & { durable_name: string } {
    return {
      durable_name: durableName(spec.consumer, spec.type),
      description: `${spec.consumer} handles ${spec.type} (from ${producer})`,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: eventSubject(spec.type, latestVersion(spec.type), this.prefix),
      max_deliver: spec.policy.maxDeliver,
      // Retry backoff is carried by each nak's delay (see nakDelayMs), not by a `backoff` list.
      ack_wait: nanos(spec.policy.ackWaitMs),
      max_ack_pending: 1_000,
    };
  }

  /** Creates or updates the durable pull consumer `<consumer>--<event>` on the producer's stream. */
  async ensureConsumer(producer: Producer, spec: ConsumerSpec): Promise<{ stream: string; durable: string }> {
    const stream = streamName(producer, this.prefix);
    const config = this.consumerConfig(producer, spec);
    const durable = config.durable_name;
    if (!(await this.consumerExists(stream, durable))) {
      try {
        await this.jsm.consumers.add(stream, config);
        return { stream, durable };
      } catch (error) {
        if (!(await this.consumerExists(stream, durable))) throw error;
      }
    }
    const { description, ack_wait, max_deliver, max_ack_pending } = config;
    await this.jsm.consumers.update(stream, durable, { description, ack_wait, max_deliver, max_ack_pending });
    return { stream, durable };
  }

  private streamExists(name: string): Promise<boolean> {
    return this.jsm.streams.info(name).then(
      () => true,
      (error: unknown) => (isApiError(error, JetStreamApiCodes.StreamNotFound) ? false : Promise.reject(error)),
    );
  }

  private consumerExists(stream: string, durable: string): Promise<boolean> {
    return this.jsm.consumers.info(stream, durable).then(
      () => true,
      (error: unknown) => (isApiError(error, JetStreamApiCodes.ConsumerNotFound) ? false : Promise.reject(error)),
    );
  }
}

function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}
