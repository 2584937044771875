import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { boundedJson, type AuditEntry, type AuditRecord } from '../domain/audit-entry';

export interface AuditFilter {
  readonly limit: number;
  /** Only rows older than this id (the page cursor). */
  readonly beforeId?: string;
  readonly actor?: string;
  readonly action?: string;
}

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor: string;
  actor_roles: string[];
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  outcome: string;
  trace_id: string;
}

/** The append-only audit trail (UPDATE/DELETE/TRUNCATE are refused by triggers). */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor, actor_roles, action, target, before, after, outcome, trace_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.actor,
        entry.actorRoles,
        entry.action,
        entry.target,
        jsonOrNull(entry.before),
        jsonOrNull(entry.after),
        entry.outcome,
        entry.traceId,
      ],
    );
  }

  /** Newest first. */
  async list(filter: AuditFilter): Promise<AuditRecord[]> {
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT * FROM audit_log
        WHERE ($1::bigint IS NULL OR id < $1::bigint)
          AND ($2::text IS NULL OR actor = $2)
          AND ($3::text IS NULL OR action = $3)
        ORDER BY id DESC LIMIT $4`,
      [filter.beforeId ?? null, filter.actor ?? null, filter.action ?? null, filter.limit],
    );
    return rows.map((row) => ({
      id: String(row.id),
      occurredAt: row.occurred_at.toISOString(),
      actor: row.actor,
      actorRoles: row.actor_roles,
      action: row.action,
      target: row.target,
      before: row.before,
      after: row.after,
      outcome: row.outcome,
      traceId: row.trace_id,
    }));
  }
}

function jsonOrNull(value: unknown): string | null {
  const bounded = boundedJson(value);
  return bounded === null ? null : JSON.stringify(bounded);
}
