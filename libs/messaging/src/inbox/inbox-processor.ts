import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '@liqpass/db';
import { latestVersion, parseEnvelope, type AnyEventEnvelope } from '@liqpass/events';
import { NATS_CORRELATION_HEADER, withCorrelationId, type Logger } from '@liqpass/observability';
import type { DeadLetterRecorder } from '../dead-letters/dead-letter-recorder';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import type { DeadLetterReason } from '../persistence/dead-letter.orm-entity';
import { nakDelayMs } from '../topology/consumer-policy';
import type { AnyEventHandlerRegistration, DeliveredMessage, DeliveryOutcome, InboxCommit, InboxRowCte } from './event-handler';
import { PermanentError } from './permanent-error';

/** The inbox row of a delivery ($1 event id, $2 consumer, $3 event type); nothing if it is there already. */
const INSERT_INBOX_ROW = `INSERT INTO inbox (message_id, consumer, event_type) VALUES ($1, $2, $3) ON CONFLICT (message_id, consumer) DO NOTHING`;
/** The same row as a CTE of the handler's statement (one string, so statements built on it are the same text each time). */
const INBOX_ROW_CTE = `inbox_row AS (${INSERT_INBOX_ROW} RETURNING message_id)`;
const INBOX_ROW_RECORDED = 'EXISTS (SELECT 1 FROM inbox_row)';

/**
 * Decides the fate of one delivery: invalid → dead letter + term; seen before → ack and skip;
 * otherwise inbox row + handler in one transaction (a staged handler: its slow work first, then
 * inbox row + its writes in one transaction), then ack. Failures nak with backoff until
 * the last allowed delivery, which is dead-lettered (JetStream would silently drop it).
 */
export class InboxProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterRecorder,
    private readonly logger: Logger,
    private readonly metrics: MessagingMetrics,
    private readonly registration: AnyEventHandlerRegistration,
  ) {}

  async process(message: DeliveredMessage): Promise<DeliveryOutcome> {
    const parsed = parseEnvelope(message.data);
    if (!parsed.ok) {
      const { error } = parsed;
      return withCorrelationId(this.headerCorrelation(message), () =>
        this.deadLetter(message, 'INVALID_EVENT', `${error.code}: ${error.message}`, { eventId: error.eventId, eventType: error.type }),
      );
    }
    const event = parsed.event;
    return withCorrelationId(event.correlationId, async () => {
      const { type } = this.registration;
      if (event.type !== type || event.version !== latestVersion(type)) {
        const detail = `expected ${type} v${latestVersion(type)}, got ${event.type} v${event.version}`;
        return this.deadLetter(message, 'UNEXPECTED_EVENT', detail, { eventId: event.id, eventType: event.type, correlationId: event.correlationId });
      }
      return this.handle(message, event);
    });
  }

  private async handle(message: DeliveredMessage, event: AnyEventEnvelope): Promise<DeliveryOutcome> {
    const { consumer, type } = this.registration;
    let outcome: 'handled' | 'duplicate';
    // Tells JetStream the message is being worked on, so a slow handler (a staged one's reads, a
    // transaction waiting for a lock) is not redelivered in parallel after ack_wait.
    const heartbeat = setInterval(() => message.working(), Math.max(500, Math.floor(this.registration.policy.ackWaitMs / 3)));
    try {
      outcome = this.registration.staged ? await this.runStaged(event) : await this.runInTransaction(event);
    } catch (error) {
      clearInterval(heartbeat);
      return this.fail(message, event, error);
    }
    clearInterval(heartbeat);
    message.ack();
    (outcome === 'handled' ? this.metrics.consumed : this.metrics.duplicates).inc({ consumer, event: type });
    if (outcome === 'duplicate') this.logger.info({ consumer, eventId: event.id, type }, 'duplicate delivery skipped');
    return outcome;
  }

  private async runInTransaction(event: AnyEventEnvelope): Promise<'handled' | 'duplicate'> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.record(manager, event))) return 'duplicate';
      // The type was checked against the registration above; TypeScript cannot follow that.
      const handle = this.registration.handle as (event: AnyEventEnvelope, manager: EntityManager) => Promise<void>;
      await handle(event, manager);
      return 'handled';
    });
  }

  private async runStaged(event: AnyEventEnvelope): Promise<'handled' | 'duplicate'> {
    if (this.registration.staged && this.registration.checkSeen !== false) {
      const seen = (await this.dataSource.query('SELECT 1 FROM inbox WHERE message_id = $1 AND consumer = $2', [event.id, this.registration.consumer])) as unknown[];
      if (seen.length > 0) return 'duplicate';
    }
    let committed: boolean | undefined;
    const once = () => {
      if (committed !== undefined) throw new Error(`${this.registration.consumer}: a staged handler may commit once`);
      committed = false;
    };
    const commit: InboxCommit = Object.assign(
      async (write: (manager: EntityManager) => Promise<void>) => {
        once();
        committed = await this.dataSource.transaction(async (manager) => {
          if (!(await this.record(manager, event))) return false;
          await write(manager);
          return true;
        });
        return committed;
      },
      {
        inOneStatement: async (write: (manager: EntityManager, inbox: InboxRowCte) => Promise<boolean>) => {
          once();
          committed = await write(this.dataSource.manager, {
            with: INBOX_ROW_CTE,
            params: [event.id, this.registration.consumer, event.type],
            recorded: INBOX_ROW_RECORDED,
          });
          return committed;
        },
      },
    );
    const handle = this.registration.handle as (event: AnyEventEnvelope, commit: InboxCommit) => Promise<void>;
    await handle(event, commit);
    // Nothing to write: the inbox row alone, one statement (atomic without an explicit transaction).
    if (committed === undefined) committed = await this.record(this.dataSource.manager, event);
    return committed ? 'handled' : 'duplicate';
  }

  /** The inbox row: false when this consumer has recorded the event already. */
  private async record(manager: EntityManager, event: AnyEventEnvelope): Promise<boolean> {
    const inserted = await preparedQuery<unknown[]>(
      manager,
      `${INSERT_INBOX_ROW} RETURNING message_id`,
      [event.id, this.registration.consumer, event.type],
    );
    return inserted.length > 0;
  }

  private async fail(message: DeliveredMessage, event: AnyEventEnvelope, error: unknown): Promise<DeliveryOutcome> {
    const { consumer, policy } = this.registration;
    const ids = { eventId: event.id, eventType: event.type, correlationId: event.correlationId };
    const reason = describe(error);
    if (error instanceof PermanentError) return this.deadLetter(message, 'PERMANENT_FAILURE', reason, ids);
    const deliveryCount = message.info.deliveryCount;
    if (deliveryCount >= policy.maxDeliver) {
      return this.deadLetter(message, 'MAX_DELIVERIES', `failed ${deliveryCount} of ${policy.maxDeliver} deliveries; last error: ${reason}`, ids);
    }
    const delayMs = nakDelayMs(policy, deliveryCount);
    this.logger.warn({ consumer, eventId: event.id, deliveryCount, delayMs, err: reason }, 'handler failed; will retry');
    message.nak(delayMs);
    this.metrics.retried.inc({ consumer, event: event.type });
    return 'retry';
  }

  private async deadLetter(
    message: DeliveredMessage,
    reason: DeadLetterReason,
    detail: string,
    ids: { eventId?: string; eventType?: string; correlationId?: string },
  ): Promise<DeliveryOutcome> {
    const { consumer, policy } = this.registration;
    const rawData = new TextDecoder().decode(message.data).replace(/\u0000/g, '\uFFFD');
    try {
      await this.deadLetters.record({
        consumer,
        stream: message.info.stream,
        streamSequence: message.info.streamSequence,
        subject: message.subject,
        deliveryCount: message.info.deliveryCount,
        reason,
        detail,
        rawData,
        envelope: jsonOrNull(rawData),
        eventId: ids.eventId ?? null,
        eventType: ids.eventType ?? null,
        correlationId: ids.correlationId ?? this.headerCorrelation(message) ?? null,
      });
    } catch (error) {
      // Never term what we could not record: try again later.
      this.logger.error({ consumer, err: describe(error), reason }, 'could not record dead letter; will retry');
      message.nak(nakDelayMs(policy, message.info.deliveryCount));
      return 'retry';
    }
    message.term();
    this.metrics.deadLettered.inc({ consumer, reason });
    this.logger.error({ consumer, reason, detail, eventId: ids.eventId, subject: message.subject }, 'message dead-lettered');
    return 'dead-lettered';
  }

  private headerCorrelation(message: DeliveredMessage): string | undefined {
    return message.headers?.get(NATS_CORRELATION_HEADER) || undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function jsonOrNull(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}
