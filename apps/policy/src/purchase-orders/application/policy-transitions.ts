import { Injectable } from '@nestjs/common';
import { getAddress } from 'ethers';
import type { EntityManager } from 'typeorm';
import type { EventPayload } from '@liqpass/events';
import { OutboxWriter } from '@liqpass/messaging';
import { currentCorrelationId } from '@liqpass/observability';
import type { Decision, PolicyEvent } from '../domain/life-cycle';
import { PolicyMetrics } from '../../shared/infrastructure/policy.metrics';
import { PurchaseOrderRepository } from '../infrastructure/purchase-order.repository';
import type { PurchaseOrderRow } from '../infrastructure/purchase-order.row';
import { TransitionLog } from '../infrastructure/transition-log';

/** A decision the life cycle refused; the edge maps `code` to 409. */
export class PolicyRefusal extends Error {
  constructor(
    readonly code: 'INVALID_STATUS_TRANSITION' | 'PURCHASE_ORDER_ALREADY_BOUND',
    message: string,
  ) {
    super(message);
    this.name = 'PolicyRefusal';
  }
}

export interface Actor {
  readonly actor: string;
  readonly cause: string | null;
  /** The event that caused this change, for the follow-up events' causationId. */
  readonly causationId?: string | null;
}

/**
 * Applies a life-cycle decision to a locked row, in the caller's transaction: the new state,
 * one audit row per step, and the outbox events — together or not at all.
 */
@Injectable()
export class PolicyTransitions {
  constructor(
    private readonly orders: PurchaseOrderRepository,
    private readonly log: TransitionLog,
    private readonly outbox: OutboxWriter,
    private readonly metrics: PolicyMetrics,
  ) {}

  async apply(manager: EntityManager, row: PurchaseOrderRow, decision: Decision, actor: Actor): Promise<{ row: PurchaseOrderRow; changed: boolean }> {
    if (decision.kind === 'unchanged') return { row, changed: false };
    if (decision.kind === 'refused') throw new PolicyRefusal(decision.code, `purchase order ${row.id} (${row.status}): ${decision.reason}`);
    const final = decision.steps[decision.steps.length - 1]!;
    const updated = await this.orders.update(manager, row.id, final, decision.patch);
    let from = row.status;
    for (const to of decision.steps) {
      await this.log.record(manager, { purchaseOrderId: row.id, from, to, reason: decision.reason, actor: actor.actor, cause: actor.cause, correlationId: currentCorrelationId() ?? null });
      this.metrics.transitions.inc({ from, to });
      from = to;
    }
    for (const event of decision.events) await this.publish(manager, event, updated, actor);
    return { row: updated, changed: true };
  }

  private async publish(manager: EntityManager, event: PolicyEvent, row: PurchaseOrderRow, actor: Actor): Promise<void> {
    const context = { causationId: actor.causationId ?? null };
    if (event === 'PolicyExpired') {
      await this.outbox.appendNew(manager, 'PolicyExpired', { purchaseOrderId: row.id, coverageEndAt: row.coverage_end_at!.toISOString(), expiredAt: new Date().toISOString() }, context);
      return;
    }
    await this.outbox.appendNew(manager, 'PolicyActivated', activatedPayload(row), context);
  }
}

export function activatedPayload(row: PurchaseOrderRow): EventPayload<'PolicyActivated'> {
  const meta = row.okx_meta_json!;
  return {
    purchaseOrderId: row.id,
    orderId: row.order_id,
    userWallet: getAddress(row.user_wallet),
    chainId: row.chain_id,
    payoutFixedUsdc: row.payout_fixed_usdc,
    payoutCapUsdc: row.payout_cap_usdc,
    coverageStartAt: row.coverage_start_at!.toISOString(),
    coverageEndAt: row.coverage_end_at!.toISOString(),
    paidAt: row.paid_at!.toISOString(),
    payTxHash: row.pay_tx_hash!,
    payer: getAddress(row.payer!),
    okx: { ordId: meta.ordId, instId: meta.instId, posId: meta.posId, posSide: meta.posSide, mgnMode: meta.mgnMode, okxUid: meta.okxUid },
    activatedAt: new Date().toISOString(),
  };
}
