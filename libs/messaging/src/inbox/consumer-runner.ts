import { errors } from '@nats-io/transport-node';
import type { Consumer, ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { Logger } from '@liqpass/observability';
import type { ConsumerPolicy } from '../topology/consumer-policy';
import type { InboxProcessor } from './inbox-processor';

/** How long one pull request waits on the server for messages before it is renewed. */
const PULL_EXPIRES_MS = 30_000;
/** Pause before pulling again after a pull failed (consumer gone, heartbeats missed). */
const PULL_RETRY_MS = 1_000;

interface Pull {
  /** Messages asked for and not delivered yet: slots kept for them. */
  remaining: number;
  messages?: ConsumerMessages;
}

interface Waiting {
  readonly message: JsMsg;
  readonly heartbeat: ReturnType<typeof setInterval>;
}

/**
 * Pulls from one durable consumer and hands each message to the inbox processor, `concurrency`
 * at a time. Every message it holds heartbeats from the moment it arrives: one in flight through
 * the inbox processor, one waiting for a slot through the runner's own queue — so none sits in a
 * client buffer while its ack_wait runs out and JetStream hands it to another replica, and every
 * consumer can keep the default ack_wait however long its handlers take. It asks for no more
 * than `2 × concurrency` held at once (the pulls' batches are what is left of that), so a freed
 * slot starts the next message at once instead of after a pull's round trip through a busy
 * process. Every replica runs one runner per durable; JetStream splits the messages among them.
 */
export class ConsumerRunner {
  private consumer: Consumer | undefined;
  private readonly pulls = new Set<Pull>();
  private readonly pullsDone = new Set<Promise<void>>();
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  private stopping = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private whenIdle: (() => void) | undefined;
  /** Messages held at most: in flight, waiting for a slot, and asked for. */
  private readonly capacity: number;
  /** Room worth a pull of its own while another is still open: one pull per several messages, not per message. */
  private readonly minBatch: number;
  private readonly heartbeatMs: number;

  constructor(
    private readonly js: JetStreamClient,
    private readonly processor: InboxProcessor,
    readonly stream: string,
    readonly durable: string,
    private readonly policy: Pick<ConsumerPolicy, 'concurrency' | 'ackWaitMs'>,
    private readonly logger: Logger,
  ) {
    this.capacity = Math.max(2, 2 * policy.concurrency);
    this.minBatch = Math.max(1, Math.ceil(policy.concurrency / 4));
    this.heartbeatMs = Math.max(500, Math.floor(policy.ackWaitMs / 3));
  }

  async start(): Promise<void> {
    this.consumer = await this.js.consumers.get(this.stream, this.durable);
    this.fill();
  }

  /** Stops pulling, hands back what was delivered but not started, and waits for handlers in flight. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retry);
    for (const pull of this.pulls) void pull.messages?.close();
    for (const { message, heartbeat } of this.waiting.splice(0)) {
      clearInterval(heartbeat);
      message.nak();
    }
    await Promise.all(this.pullsDone);
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.whenIdle = resolve));
  }

  /** Asks for as many messages as there is room for, in batches of at least `minBatch` while a pull is open. */
  private fill(): void {
    if (this.stopping || this.retry || !this.consumer) return;
    let asked = 0;
    for (const pull of this.pulls) asked += Math.max(0, pull.remaining);
    const free = this.capacity - this.inFlight - this.waiting.length - asked;
    if (free <= 0 || (asked > 0 && free < this.minBatch)) return;
    const done: Promise<void> = this.pull(this.consumer, free).finally(() => {
      this.pullsDone.delete(done);
      this.fill();
    });
    this.pullsDone.add(done);
  }

  private async pull(consumer: Consumer, batch: number): Promise<void> {
    const pull: Pull = { remaining: batch };
    this.pulls.add(pull);
    try {
      pull.messages = await consumer.fetch({ max_messages: batch, expires: PULL_EXPIRES_MS });
      if (this.stopping) void pull.messages.close();
      for await (const message of pull.messages) {
        pull.remaining -= 1;
        this.dispatch(message);
      }
    } catch (error) {
      if (this.stopping || error instanceof errors.ClosedConnectionError) return;
      this.logger.error({ err: error, durable: this.durable }, 'pull failed; pulling again shortly');
      this.retry ??= setTimeout(() => {
        this.retry = undefined;
        this.fill();
      }, PULL_RETRY_MS);
    } finally {
      this.pulls.delete(pull);
    }
  }

  private dispatch(message: JsMsg): void {
    if (this.stopping) message.nak();
    else if (this.inFlight < this.policy.concurrency) this.run(message);
    else this.waiting.push({ message, heartbeat: setInterval(() => message.working(), this.heartbeatMs) });
  }

  private run(message: JsMsg): void {
    this.inFlight += 1;
    void this.process(message).finally(() => {
      this.inFlight -= 1;
      const next = this.waiting.shift();
      if (next) {
        clearInterval(next.heartbeat);
        this.run(next.message);
      } else if (this.inFlight === 0) this.whenIdle?.();
      this.fill();
    });
  }

  private async process(message: JsMsg): Promise<void> {
    try {
      await this.processor.process(message);
    } catch (error) {
      // The processor handles its own failures; reaching here is a bug. Redeliver later.
      this.logger.error({ err: error, durable: this.durable }, 'inbox processor failed unexpectedly');
      message.nak(5_000);
    }
  }
}
