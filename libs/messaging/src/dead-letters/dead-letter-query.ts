import type { DataSource } from 'typeorm';
import { DeadLetterOrmEntity, type DeadLetterReason } from '../persistence/dead-letter.orm-entity';

export interface DeadLetterView {
  readonly id: string;
  readonly consumer: string;
  readonly subject: string;
  readonly stream: string;
  readonly streamSequence: number;
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly correlationId: string | null;
  readonly deliveryCount: number;
  readonly reason: DeadLetterReason;
  readonly detail: string;
  readonly envelope: Record<string, unknown> | null;
  readonly rawData: string;
  readonly createdAt: string;
}

export interface DeadLetterPage {
  readonly items: readonly DeadLetterView[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface DeadLetterFilter {
  readonly limit?: number;
  readonly offset?: number;
  readonly consumer?: string;
}

const MAX_LIMIT = 200;

/** Read side of the dead-letter table for the admin console: newest first, paginated. */
export class DeadLetterQuery {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: DeadLetterFilter = {}): Promise<DeadLetterPage> {
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(filter.limit ?? 50)));
    const offset = Math.max(0, Math.floor(filter.offset ?? 0));
    const [rows, total] = await this.dataSource.getRepository(DeadLetterOrmEntity).findAndCount({
      where: filter.consumer ? { consumer: filter.consumer } : {},
      // uuid v7 ids order by creation time too: a stable tie-break within one millisecond.
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toView), total, limit, offset };
  }
}

function toView(row: DeadLetterOrmEntity): DeadLetterView {
  return {
    id: row.id,
    consumer: row.consumer,
    subject: row.subject,
    stream: row.stream,
    streamSequence: Number(row.streamSequence),
    eventId: row.eventId,
    eventType: row.eventType,
    correlationId: row.correlationId,
    deliveryCount: row.deliveryCount,
    reason: row.reason,
    detail: row.detail,
    envelope: row.envelope,
    rawData: row.rawData,
    createdAt: row.createdAt.toISOString(),
  };
}
