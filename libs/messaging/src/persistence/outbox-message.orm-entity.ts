import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type OutboxState = 'PENDING' | 'PUBLISHED';

/** One event waiting for (or done with) the relay. Written in the transaction of the state change. */
@Entity({ name: 'outbox' })
@Check('outbox_version_check', 'version > 0')
@Check('outbox_state_check', `state IN ('PENDING', 'PUBLISHED')`)
@Check('outbox_attempts_check', 'attempts >= 0')
@Check('outbox_published_at_check', `(state = 'PUBLISHED') = (published_at IS NOT NULL)`)
@Index('outbox_pending_idx', ['createdAt', 'id'], { where: `state = 'PENDING'` })
export class OutboxMessageOrmEntity {
  /** The event id, which is also the default Nats-Msg-Id. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  subject!: string;

  /** Nats-Msg-Id used for JetStream de-duplication; the event id unless the producer chose a natural key. */
  @Column({ name: 'msg_id', type: 'text' })
  msgId!: string;

  /** json, not jsonb: written and read whole, kept as the text the writer serialised (OutboxEnvelopeAsJson). */
  @Column({ type: 'json' })
  envelope!: Record<string, unknown>;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @Column({ type: 'text', default: 'PENDING' })
  state!: OutboxState;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
