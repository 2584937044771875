import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { DEFAULT_SUBJECT_PREFIX, eventProducer, isProducer, PRODUCERS } from '@liqpass/events';
import type { ServiceName } from '@liqpass/config';
import type { Logger } from '@liqpass/observability';
import { DeadLetterRecorder } from '../dead-letters/dead-letter-recorder';
import { ConsumerRunner } from '../inbox/consumer-runner';
import type { AnyEventHandlerRegistration } from '../inbox/event-handler';
import { InboxProcessor } from '../inbox/inbox-processor';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import { OutboxRelay, type OutboxRelayOptions } from '../outbox/outbox-relay';
import type { OutboxWriter } from '../outbox/outbox-writer';
import { RelayKickOnCommit } from '../outbox/relay-kick-on-commit';
import { JetStreamTopology } from '../topology/jetstream-topology';
import { DEFAULT_STREAM_OPTIONS, type StreamOptions } from '../topology/stream-options';

// Producers are spelled as service names: this line stops compiling if the two lists drift.
void (PRODUCERS satisfies readonly ServiceName[]);

export interface MessagingRuntimeOptions {
  readonly service: ServiceName;
  readonly subjectPrefix?: string;
  /** Relay settings, or false for a process that must not relay (the outbox still fills). */
  readonly relay?: Partial<OutboxRelayOptions> | false;
  readonly stream?: Partial<StreamOptions>;
  readonly handlers: readonly AnyEventHandlerRegistration[];
  /** The process's outbox writer: while the relay runs, its appends wake it on commit, not by NOTIFY. */
  readonly writer?: OutboxWriter;
}

export interface MessagingRuntimeDeps {
  readonly dataSource: DataSource;
  readonly nc: NatsConnection;
  readonly logger: Logger;
  readonly metrics: MessagingMetrics;
}

/**
 * Everything a service runs on the event backbone, without Nest: declares its stream and its
 * consumers, starts one runner per handler and the outbox relay, and stops them in order.
 */
export class MessagingRuntime {
  private readonly runners: ConsumerRunner[] = [];
  private relay: OutboxRelay | undefined;
  private kickOnCommit: RelayKickOnCommit | undefined;

  constructor(
    private readonly deps: MessagingRuntimeDeps,
    private readonly options: MessagingRuntimeOptions,
  ) {}

  async start(): Promise<void> {
    const { dataSource, nc, logger, metrics } = this.deps;
    const { service, handlers } = this.options;
    const topology = new JetStreamTopology(await jetstreamManager(nc), this.options.subjectPrefix ?? DEFAULT_SUBJECT_PREFIX, {
      ...DEFAULT_STREAM_OPTIONS,
      ...this.options.stream,
    });
    if (isProducer(service)) await topology.ensureStream(service, 'owner');
    const js = jetstream(nc);
    const recorder = new DeadLetterRecorder(dataSource);
    const durables = new Set<string>();
    for (const registration of handlers) {
      const producer = eventProducer(registration.type);
      await topology.ensureStream(producer, producer === service ? 'owner' : 'consumer');
      const { stream, durable } = await topology.ensureConsumer(producer, registration);
      if (durables.has(durable)) throw new Error(`two handlers share the durable ${durable}: give one a distinct consumer name`);
      durables.add(durable);
      const processor = new InboxProcessor(dataSource, recorder, logger, metrics, registration);
      this.runners.push(new ConsumerRunner(js, processor, stream, durable, registration.policy, logger));
    }
    for (const runner of this.runners) await runner.start();
    if (this.options.relay !== false && isProducer(service)) {
      const relay = new OutboxRelay(dataSource, js, logger, metrics, this.options.relay ?? {});
      this.relay = relay;
      await relay.start();
      if (this.options.writer) {
        this.kickOnCommit = RelayKickOnCommit.attach(dataSource, () => relay.kick());
        this.options.writer.wakeLocalRelay(this.kickOnCommit);
      }
    }
    logger.info({ consumers: [...durables], relay: Boolean(this.relay) }, 'messaging started');
  }

  /** Stops pulling, lets handlers in flight commit, then lets the relay finish its pass. */
  async stop(): Promise<void> {
    // From here on appends notify again: another replica's relay may have to publish them.
    this.options.writer?.wakeLocalRelay(undefined);
    this.kickOnCommit?.detach();
    this.kickOnCommit = undefined;
    await Promise.all(this.runners.splice(0).map((runner) => runner.stop()));
    await this.relay?.stop();
    this.relay = undefined;
  }

  /** Wakes the relay now (a no-op where this process does not relay). */
  kickRelay(): void {
    this.relay?.kick();
  }
}
