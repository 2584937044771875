import type { EntityManager } from 'typeorm';
import {
  createEvent,
  DEFAULT_SUBJECT_PREFIX,
  eventSubject,
  EventValidationError,
  validateEnvelope,
  type AnyEventEnvelope,
  type EventEnvelope,
  type EventPayload,
  type EventType,
  isProducer,
} from '@liqpass/events';
import { currentCorrelationId, newCorrelationId } from '@liqpass/observability';
import { OUTBOX_CHANNEL_SQL } from './outbox-channel';

export interface OutboxWriterOptions {
  /** The service this process runs as; it may only append the events it produces. */
  readonly service: string;
  readonly subjectPrefix?: string;
}

export interface AppendOptions {
  /**
   * Nats-Msg-Id for JetStream de-duplication; the event id by default. A producer with a natural
   * key (the payment listener's `chainId:txHash:logIndex`) may pass it instead.
   */
  readonly msgId?: string;
}

/**
 * The one way to publish an event: write it to the outbox inside the caller's transaction, so
 * the state change and the event commit or roll back together. The relay does the sending.
 */
export class OutboxWriter {
  private readonly prefix: string;

  constructor(private readonly options: OutboxWriterOptions) {
    this.prefix = options.subjectPrefix ?? DEFAULT_SUBJECT_PREFIX;
  }

  /** Validates and appends a built event. Throws (writing nothing) if it is invalid. */
  async append(manager: EntityManager, event: EventEnvelope | AnyEventEnvelope, options: AppendOptions = {}): Promise<void> {
    const result = validateEnvelope(event);
    if (!result.ok) throw new EventValidationError(result.error);
    const valid = result.event;
    if (valid.producer !== this.options.service) {
      throw new Error(`${this.options.service} may not publish ${valid.type}: its producer is ${valid.producer}`);
    }
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append needs the EntityManager of an open transaction (dataSource.transaction(...))');
    }
    const msgId = options.msgId ?? valid.id;
    if (!/^[\x21-\x7e]{1,256}$/.test(msgId)) throw new Error(`msgId must be 1-256 printable ASCII characters: "${msgId}"`);
    await manager.query(
      `INSERT INTO outbox (id, type, version, subject, msg_id, envelope, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [valid.id, valid.type, valid.version, eventSubject(valid.type, valid.version, this.prefix), msgId, JSON.stringify(valid), valid.correlationId],
    );
    await manager.query(`SELECT pg_notify(${OUTBOX_CHANNEL_SQL}, '')`);
  }

  /**
   * Builds a new event as this service, in the current correlation (or the cause's), and
   * appends it. Returns the event so the caller can log or chain it.
   */
  async appendNew<T extends EventType>(
    manager: EntityManager,
    type: T,
    payload: EventPayload<T>,
    context: { readonly correlationId?: string; readonly causationId?: string | null } & AppendOptions = {},
  ): Promise<EventEnvelope<T>> {
    const { service } = this.options;
    if (!isProducer(service)) throw new Error(`${service} publishes no events`);
    const event = createEvent(type, payload, {
      producer: service,
      correlationId: context.correlationId ?? currentCorrelationId() ?? newCorrelationId(),
      causationId: context.causationId ?? null,
    });
    await this.append(manager, event, { msgId: context.msgId });
    return event;
  }
}
