import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { Logger } from '@liqpass/observability';
import type { InboxProcessor } from './inbox-processor';

/**
 * Pulls from one durable consumer and hands each message to the inbox processor, a few at a
 * time. Every replica runs one runner per durable; JetStream splits the messages among them.
 */
export class ConsumerRunner {
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly js: JetStreamClient,
    private readonly processor: InboxProcessor,
    readonly stream: string,
    readonly durable: string,
    private readonly concurrency: number,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const consumer = await this.js.consumers.get(this.stream, this.durable);
    // A small client-side buffer: messages pulled but not handled wait for ack_wait if we stop.
    this.messages = await consumer.consume({ max_messages: Math.max(2, this.concurrency * 2) });
    this.loop = this.run(this.messages);
  }

  /** Stops pulling, hands back what was pulled but not started, and waits for handlers in flight. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.messages?.close();
    await this.loop;
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    try {
      for await (const message of messages) {
        if (this.stopping) {
          message.nak();
          continue;
        }
        const task: Promise<void> = this.process(message).finally(() => inFlight.delete(task));
        inFlight.add(task);
        if (inFlight.size >= this.concurrency) await Promise.race(inFlight);
      }
    } catch (error) {
      this.logger.error({ err: error, durable: this.durable }, 'consumer stopped on an error');
    } finally {
      await Promise.all(inFlight);
    }
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
