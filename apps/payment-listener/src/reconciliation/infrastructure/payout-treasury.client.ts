import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import { NATS_CONNECTION, type NatsConnection } from '@liqpass/messaging';
import { RpcClient, RpcTimeoutError, RpcUnavailableError, SERVICE_CONFIG } from '@liqpass/service-kit';

/** How long GET /admin/reconciliation waits for the payout service before answering without it. */
export const TREASURY_STATUS_TIMEOUT_MS = 3000;

/**
 * The treasury as the payout service reports it (`payout` · `treasury.status`): the Safe's USDC
 * balance, the pending payouts, the floor and hot-balance ceiling, and the alerts raised
 * (`TREASURY_BELOW_FLOOR`, `TREASURY_ABOVE_CEILING`), amounts as base-unit strings. When the
 * payout service does not answer, `available: false` and why: never an empty alert list.
 */
export type TreasuryReport =
  | ({ readonly source: 'payout'; readonly available: true } & Record<string, unknown> & { readonly alerts: readonly { kind: string; detail: string }[] })
  | { readonly source: 'payout'; readonly available: false; readonly reason: string };

/** The payout service over NATS request/reply: it owns the treasury floor and payout limits. */
@Injectable()
export class PayoutTreasuryClient {
  private readonly rpc: RpcClient;

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection, @Inject(SERVICE_CONFIG) config: ServiceConfigOf<'payment-listener'>) {
    this.rpc = new RpcClient(nc, TREASURY_STATUS_TIMEOUT_MS, config.NATS_SUBJECT_PREFIX);
  }

  async status(): Promise<TreasuryReport> {
    try {
      const reply = await this.rpc.call<Record<string, unknown> & { alerts: { kind: string; detail: string }[] }>('payout', 'treasury.status', {});
      if (reply.ok) return { ...reply.data, source: 'payout', available: true };
      return { source: 'payout', available: false, reason: `the payout service refused treasury.status (${reply.error.code})` };
    } catch (error) {
      if (error instanceof RpcUnavailableError) return { source: 'payout', available: false, reason: 'the payout service is not answering' };
      if (error instanceof RpcTimeoutError) return { source: 'payout', available: false, reason: `the payout service did not answer within ${TREASURY_STATUS_TIMEOUT_MS} ms` };
      // The reconciliation runs are still worth serving; the treasury part says it is missing.
      return { source: 'payout', available: false, reason: 'the payout service could not be asked' };
    }
  }
}
