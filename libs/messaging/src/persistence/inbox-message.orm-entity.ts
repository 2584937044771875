import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A message a consumer has handled: inserted in the same transaction as the handler's work. */
@Entity({ name: 'inbox' })
export class InboxMessageOrmEntity {
  /** The event id from the envelope (not the Nats-Msg-Id, which a producer may have chosen). */
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'handled_at', type: 'timestamptz', default: () => 'now()' })
  handledAt!: Date;
}
