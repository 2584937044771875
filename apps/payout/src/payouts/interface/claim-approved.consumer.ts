import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@liqpass/events';
import { HandlesEvent } from '@liqpass/messaging';
import { ProposePayoutHandler } from '../application/propose-payout/propose-payout.handler';

/** ClaimApproved (claims-verifier) → one payout instruction per claim. */
@Injectable()
export class ClaimApprovedConsumer {
  constructor(private readonly propose: ProposePayoutHandler) {}

  @HandlesEvent('ClaimApproved')
  async onClaimApproved(event: EventEnvelope<'ClaimApproved'>, manager: EntityManager): Promise<void> {
    await this.propose.execute(event, manager);
  }
}
