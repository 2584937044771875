import type { EntityManager } from 'typeorm';
import { preparedQuery } from '@liqpass/db';
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
import type { RelayKickOnCommit } from './relay-kick-on-commit';

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

/** Who caused a new event (the current correlation by default), and its Nats-Msg-Id. */
export type EventContext = { readonly correlationId?: string; readonly causationId?: string | null } & AppendOptions;

/**
 * A state change written as CTEs of one statement, for `appendNewWith`: `with` is the CTE list
 * (`changed AS (UPDATE … RETURNING *), audited AS (INSERT … FROM changed)`) with parameters
 * numbered from $1, `gate` the CTE whose rows mean the change happened, `select` the
 * statement's result (`SELECT * FROM changed`).
 */
export interface StateChange {
  readonly with: string;
  readonly gate: string;
  readonly select: string;
  readonly params: readonly unknown[];
}

const OUTBOX_COLUMNS = 'id, type, version, subject, msg_id, envelope, correlation_id';
/** Wakes every relay of the service (NOTIFY is delivered on commit; one per transaction however many rows). */
const NOTIFY_RELAYS = `RETURNING pg_notify(${OUTBOX_CHANNEL_SQL}, '')`;

/**
 * The one way to publish an event: write it to the outbox inside the caller's transaction, so
 * the state change and the event commit or roll back together. The relay does the sending.
 */
export class OutboxWriter {
  private readonly prefix: string;
  private localRelay: RelayKickOnCommit | undefined;
  private readonly statements = new Map<string, Map<string, string>>();

  constructor(private readonly options: OutboxWriterOptions) {
    this.prefix = options.subjectPrefix ?? DEFAULT_SUBJECT_PREFIX;
  }

  /**
   * While this process's relay runs (MessagingRuntime sets it, and clears it before the relay
   * stops), appends through its DataSource wake it directly on commit instead of by NOTIFY.
   */
  wakeLocalRelay(wake: RelayKickOnCommit | undefined): void {
    this.localRelay = wake;
  }

  /** The local relay to kick after an append through `manager`, or undefined: then the statement notifies. */
  private localWake(manager: EntityManager): RelayKickOnCommit | undefined {
    return this.localRelay?.covers(manager) ? this.localRelay : undefined;
  }

  /** Validates and appends a built event. Throws (writing nothing) if it is invalid. */
  async append(manager: EntityManager, event: EventEnvelope | AnyEventEnvelope, options: AppendOptions = {}): Promise<void> {
    await this.insert(manager, this.rowOf(validated(event), options));
  }

  private async insert(manager: EntityManager, values: unknown[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append needs the EntityManager of an open transaction (dataSource.transaction(...))');
    }
    // The row and the relays' wake-up in one round trip, unless the local relay is woken on commit.
    const local = this.localWake(manager);
    await preparedQuery(manager, `INSERT INTO outbox (${OUTBOX_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)${local ? '' : ` ${NOTIFY_RELAYS}`}`, values);
    local?.appended(manager);
  }

  /**
   * A state change and the event it announces in one statement — atomic on its own, so it needs
   * no explicit transaction, and one round trip instead of four (BEGIN, change, event, COMMIT).
   * The event is appended only if the `gate` CTE of the change returned a row: a guarded
   * change that matched nothing announces nothing. Resolves the rows of `change.select`.
   */
  async appendNewWith<T extends EventType, R = Record<string, unknown>>(
    manager: EntityManager,
    change: StateChange,
    type: T,
    payload: EventPayload<T>,
    context: EventContext = {},
  ): Promise<{ readonly rows: R[]; readonly event: EventEnvelope<T> }> {
    const event = this.build(type, payload, context);
    const values = this.rowOf(event, context);
    const local = this.localWake(manager);
    const rows = await preparedQuery<R[]>(
      manager,
      this.statementWith(change, local !== undefined),
      [...change.params, ...values],
    );
    local?.appended(manager);
    return { rows, event };
  }

  /**
   * The statement of `appendNewWith`, built once per shape of change: a prepared statement is
   * looked up by its text, and a text built afresh on every call (a claim decision's is ~2 kB)
   * was hashed and compared afresh too. Keyed by the change's own strings, which its builders
   * keep constant per shape.
   */
  private statementWith(change: StateChange, localWake: boolean): string {
    let shapes = this.statements.get(change.with);
    if (!shapes) this.statements.set(change.with, (shapes = new Map()));
    const key = `${localWake ? 'local' : 'notify'} ${change.gate} ${change.select}`;
    let text = shapes.get(key);
    if (!text) {
      const n = change.params.length;
      text = `WITH ${change.with},
       outbox_appended AS (
         INSERT INTO outbox (${OUTBOX_COLUMNS})
         SELECT $${n + 1}::uuid, $${n + 2}::text, $${n + 3}::int, $${n + 4}::text, $${n + 5}::text, $${n + 6}::json, $${n + 7}::text
           FROM (SELECT 1 FROM ${change.gate} LIMIT 1) AS gate
         ${localWake ? 'RETURNING 1' : NOTIFY_RELAYS}
       )
       ${change.select}`;
      shapes.set(key, text);
    }
    return text;
  }

  /**
   * The outbox row's values of a valid event (one `createEvent` built, or `validated`) if this
   * service may publish it; throws otherwise. Not validated again: a second zod pass over every
   * outgoing event was measurable in a claim storm.
   */
  private rowOf(valid: EventEnvelope | AnyEventEnvelope, options: AppendOptions): unknown[] {
    if (valid.producer !== this.options.service) {
      throw new Error(`${this.options.service} may not publish ${valid.type}: its producer is ${valid.producer}`);
    }
    const msgId = options.msgId ?? valid.id;
    if (!/^[\x21-\x7e]{1,256}$/.test(msgId)) throw new Error(`msgId must be 1-256 printable ASCII characters: "${msgId}"`);
    return [valid.id, valid.type, valid.version, eventSubject(valid.type, valid.version, this.prefix), msgId, JSON.stringify(valid), valid.correlationId];
  }

  /**
   * Builds a new event as this service, in the current correlation (or the cause's), and
   * appends it. Returns the event so the caller can log or chain it.
   */
  async appendNew<T extends EventType>(manager: EntityManager, type: T, payload: EventPayload<T>, context: EventContext = {}): Promise<EventEnvelope<T>> {
    const event = this.build(type, payload, context);
    await this.insert(manager, this.rowOf(event, context));
    return event;
  }

  private build<T extends EventType>(type: T, payload: EventPayload<T>, context: EventContext): EventEnvelope<T> {
    const { service } = this.options;
    if (!isProducer(service)) throw new Error(`${service} publishes no events`);
    return createEvent(type, payload, {
      producer: service,
      correlationId: context.correlationId ?? currentCorrelationId() ?? newCorrelationId(),
      causationId: context.causationId ?? null,
    });
  }
}

/** An event built elsewhere, validated as the consumers will: its parsed form, or an EventValidationError. */
function validated(event: EventEnvelope | AnyEventEnvelope): AnyEventEnvelope {
  const result = validateEnvelope(event);
  if (!result.ok) throw new EventValidationError(result.error);
  return result.event;
}
