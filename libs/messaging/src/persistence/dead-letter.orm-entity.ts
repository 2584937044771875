import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const DEAD_LETTER_REASONS = ['INVALID_EVENT', 'UNEXPECTED_EVENT', 'PERMANENT_FAILURE', 'MAX_DELIVERIES'] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

/** A message a consumer gave up on, kept for the admin console and for replay by hand. */
@Entity({ name: 'dead_letters' })
@Check('dead_letters_stream_sequence_check', 'stream_sequence > 0')
@Check('dead_letters_delivery_count_check', 'delivery_count > 0')
@Check('dead_letters_reason_check', `reason IN ('INVALID_EVENT', 'UNEXPECTED_EVENT', 'PERMANENT_FAILURE', 'MAX_DELIVERIES')`)
@Index('dead_letters_message_uq', ['consumer', 'stream', 'streamSequence'], { unique: true })
@Index('dead_letters_created_idx', ['createdAt'])
export class DeadLetterOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  consumer!: string;

  @Column({ type: 'text' })
  stream!: string;

  @Column({ name: 'stream_sequence', type: 'bigint' })
  streamSequence!: string;

  @Column({ type: 'text' })
  subject!: string;

  /** Null when the message was not readable enough to carry one. */
  @Column({ name: 'event_id', type: 'text', nullable: true })
  eventId!: string | null;

  @Column({ name: 'event_type', type: 'text', nullable: true })
  eventType!: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ name: 'delivery_count', type: 'integer' })
  deliveryCount!: number;

  @Column({ type: 'text' })
  reason!: DeadLetterReason;

  /** What went wrong, in words: the validation issues or the handler's error message. */
  @Column({ type: 'text' })
  detail!: string;

  /** The parsed message when it was JSON at all. */
  @Column({ type: 'jsonb', nullable: true })
  envelope!: Record<string, unknown> | null;

  /** The message bytes as text, always, so nothing is lost even when it was not JSON. */
  @Column({ name: 'raw_data', type: 'text' })
  rawData!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
