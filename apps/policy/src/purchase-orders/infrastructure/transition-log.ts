import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PolicyStatus } from '../domain/policy-status';

export interface TransitionEntry {
  readonly purchaseOrderId: string;
  readonly from: PolicyStatus | null;
  readonly to: PolicyStatus;
  readonly reason: string;
  /** Who: `wallet:0x…`, `event:PremiumPaid`, `scheduler:expiry`. */
  readonly actor: string;
  /** What caused it: an event id, a transaction hash, a request. */
  readonly cause: string | null;
  readonly correlationId: string | null;
}

/** The audit trail of PRODUCT.md §4: who, when, from, to, why — written in the change's transaction. */
@Injectable()
export class TransitionLog {
  async record(manager: EntityManager, entry: TransitionEntry): Promise<void> {
    await manager.query(
      `INSERT INTO policy_transitions (purchase_order_id, from_status, to_status, reason, actor, cause, correlation_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.purchaseOrderId, entry.from, entry.to, entry.reason.slice(0, 2000), entry.actor, entry.cause, entry.correlationId],
    );
  }

  async history(manager: EntityManager, purchaseOrderId: string): Promise<{ from_status: string | null; to_status: string; reason: string; actor: string; cause: string | null; at: Date }[]> {
    return manager.query(`SELECT from_status, to_status, reason, actor, cause, at FROM policy_transitions WHERE purchase_order_id = $1 ORDER BY id`, [purchaseOrderId]);
  }
}
