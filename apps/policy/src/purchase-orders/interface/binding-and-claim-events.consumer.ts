import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@liqpass/events';
import { HandlesEvent, PermanentError } from '@liqpass/messaging';
import { LOGGER } from '@liqpass/service-kit';
import { PolicyMetrics } from '../../shared/infrastructure/policy.metrics';
import { RecordClaimHandler } from '../application/claims/record-claim.handler';
import { PolicyRefusal } from '../application/policy-transitions';
import { RecordBindingHandler } from '../application/record-binding/record-binding.handler';

/** OkxOrderBound → bound (or active); ClaimApproved → CLAIMED; ClaimPaid → CLOSED. */
@Injectable()
export class BindingAndClaimEventsConsumer {
  constructor(
    private readonly bindings: RecordBindingHandler,
    private readonly claims: RecordClaimHandler,
    private readonly metrics: PolicyMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @HandlesEvent('OkxOrderBound')
  async onOkxOrderBound(event: EventEnvelope<'OkxOrderBound'>, manager: EntityManager): Promise<void> {
    const { purchaseOrderId, ...okxMeta } = event.payload;
    const actor = { actor: 'event:OkxOrderBound', cause: event.id, causationId: event.id };
    const outcome = await this.settle(() => this.bindings.record(purchaseOrderId, okxMeta, actor, manager), event);
    this.count(event, outcome);
  }

  @HandlesEvent('ClaimApproved')
  async onClaimApproved(event: EventEnvelope<'ClaimApproved'>, manager: EntityManager): Promise<void> {
    const actor = { actor: 'event:ClaimApproved', cause: `claim:${event.payload.claimId}`, causationId: event.id };
    this.count(event, await this.settle(() => this.claims.approved(manager, event.payload.purchaseOrderId, actor), event));
  }

  @HandlesEvent('ClaimPaid')
  async onClaimPaid(event: EventEnvelope<'ClaimPaid'>, manager: EntityManager): Promise<void> {
    const actor = { actor: 'event:ClaimPaid', cause: `claim:${event.payload.claimId}`, causationId: event.id };
    this.count(event, await this.settle(() => this.claims.paid(manager, event.payload.purchaseOrderId, actor), event));
  }

  private count(event: { type: string }, outcome: { changed: boolean } | null | undefined): void {
    if (outcome === null) this.metrics.ignoredEvents.inc({ event: event.type, reason: 'unknown-order' });
    else if (outcome && !outcome.changed) this.metrics.ignoredEvents.inc({ event: event.type, reason: 'already-recorded' });
  }

  private async settle<T>(work: () => Promise<T>, event: { id: string; type: string }): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PolicyRefusal) {
        this.logger.error({ err: error, eventId: event.id, type: event.type }, 'event contradicts the purchase order');
        throw new PermanentError(error.message, { cause: error });
      }
      throw error;
    }
  }
}
