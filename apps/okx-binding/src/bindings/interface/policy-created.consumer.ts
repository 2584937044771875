import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@liqpass/events';
import { HandlesEvent } from '@liqpass/messaging';
import { PurchaseOrderTermsRepository } from '../infrastructure/purchase-order-terms.repository';

/** Keeps the purchase-order read model: who owns each purchase order and what its quote priced. */
@Injectable()
export class PolicyCreatedConsumer {
  constructor(private readonly terms: PurchaseOrderTermsRepository) {}

  @HandlesEvent('PolicyCreated')
  async onPolicyCreated(event: EventEnvelope<'PolicyCreated'>, manager: EntityManager): Promise<void> {
    const { payload } = event;
    await this.terms.record(
      manager,
      {
        purchaseOrderId: payload.purchaseOrderId,
        wallet: payload.userWallet.toLowerCase(),
        terms: { instId: payload.instId, posSide: payload.posSide, mgnMode: payload.mgnMode, lever: payload.lever },
      },
      payload.quoteExpiresAt,
      event.id,
    );
  }
}
