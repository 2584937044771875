import type { DataSource } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import type { DeadLetterReason } from '../persistence/dead-letter.orm-entity';

export interface DeadLetterInput {
  readonly consumer: string;
  readonly stream: string;
  readonly streamSequence: number;
  readonly subject: string;
  readonly deliveryCount: number;
  readonly reason: DeadLetterReason;
  readonly detail: string;
  readonly rawData: string;
  readonly envelope: unknown;
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly correlationId: string | null;
}

/**
 * Writes a dead letter in its own transaction, before the message is termed. One row per
 * (consumer, stream message): if the term is lost and the message comes back, the second
 * write is a no-op.
 */
export class DeadLetterRecorder {
  constructor(private readonly dataSource: DataSource) {}

  async record(input: DeadLetterInput): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dead_letters
         (id, consumer, stream, stream_sequence, subject, event_id, event_type, correlation_id, delivery_count, reason, detail, envelope, raw_data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (consumer, stream, stream_sequence) DO NOTHING`,
      [
        uuidv7(),
        input.consumer,
        input.stream,
        input.streamSequence,
        input.subject,
        input.eventId?.slice(0, 200) ?? null,
        input.eventType?.slice(0, 200) ?? null,
        input.correlationId?.slice(0, 200) ?? null,
        Math.max(1, input.deliveryCount),
        input.reason,
        input.detail.slice(0, 8000),
        input.envelope === undefined || input.envelope === null ? null : JSON.stringify(input.envelope),
        input.rawData,
      ],
    );
  }
}
