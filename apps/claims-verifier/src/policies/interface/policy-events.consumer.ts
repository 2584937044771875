import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@liqpass/events';
import { HandlesEvent } from '@liqpass/messaging';
import { ClaimsRepository } from '../../claims/infrastructure/claims.repository';

/**
 * The claims service's read model of policies, from the policy service's and okx-binding's
 * events only (it never reads the policy schema). Events may arrive in any order: each fills
 * its own columns.
 */
@Injectable()
export class PolicyEventsConsumer {
  constructor(private readonly claims: ClaimsRepository) {}

  @HandlesEvent('PolicyCreated')
  async onCreated(event: EventEnvelope<'PolicyCreated'>, manager: EntityManager): Promise<void> {
    const p = event.payload;
    await this.claims.upsertPolicy(manager, p.purchaseOrderId, {
      order_id: p.orderId,
      user_wallet: p.userWallet.toLowerCase(),
      chain_id: p.chainId,
      payout_fixed_usdc: p.payoutFixedUsdc,
      payout_cap_usdc: p.payoutCapUsdc,
      coverage_seconds: p.coverageSeconds,
      waiting_period_seconds: p.waitingPeriodSeconds,
      inst_id: p.instId,
      pos_side: p.posSide,
      mgn_mode: p.mgnMode,
    });
  }

  @HandlesEvent('OkxOrderBound')
  async onBound(event: EventEnvelope<'OkxOrderBound'>, manager: EntityManager): Promise<void> {
    const p = event.payload;
    await this.claims.upsertPolicy(manager, p.purchaseOrderId, {
      ord_id: p.ordId,
      inst_id: p.instId,
      pos_id: p.posId,
      pos_c_time: p.posCTime,
      pos_side: p.posSide,
      mgn_mode: p.mgnMode,
      okx_uid: p.okxUid,
      pos_sz_at_bind: p.posSzAtBind ?? null,
      bound_at: p.boundAt,
    });
  }

  @HandlesEvent('PolicyActivated')
  async onActivated(event: EventEnvelope<'PolicyActivated'>, manager: EntityManager): Promise<void> {
    const p = event.payload;
    await this.claims.upsertPolicy(manager, p.purchaseOrderId, {
      order_id: p.orderId,
      user_wallet: p.userWallet.toLowerCase(),
      chain_id: p.chainId,
      payout_fixed_usdc: p.payoutFixedUsdc,
      payout_cap_usdc: p.payoutCapUsdc,
      coverage_start_at: p.coverageStartAt,
      coverage_end_at: p.coverageEndAt,
      paid_at: p.paidAt,
      ord_id: p.okx.ordId,
      inst_id: p.okx.instId,
      ...(p.okx.posId ? { pos_id: p.okx.posId } : {}),
      pos_side: p.okx.posSide,
      mgn_mode: p.okx.mgnMode,
      okx_uid: p.okx.okxUid,
      status: 'ACTIVE',
    });
  }

  @HandlesEvent('PolicyExpired')
  async onExpired(event: EventEnvelope<'PolicyExpired'>, manager: EntityManager): Promise<void> {
    await this.claims.upsertPolicy(manager, event.payload.purchaseOrderId, { coverage_end_at: event.payload.coverageEndAt, status: 'EXPIRED' });
  }
}
