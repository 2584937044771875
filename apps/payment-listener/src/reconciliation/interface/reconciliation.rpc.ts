import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { z } from 'zod';
import { RpcError, RpcServer } from '@liqpass/service-kit';
import { LISTENER_SETTINGS, type ListenerSettings } from '../../config/listener-settings';
import { NothingToReconcileError, RunReconciliationHandler } from '../application/run-reconciliation/run-reconciliation.handler';
import { PayoutTreasuryClient } from '../infrastructure/payout-treasury.client';
import { ReconciliationRunRepository } from '../infrastructure/reconciliation-run.repository';

const RECENT_RUNS = 20;
const block = z.number().int('must be a whole number').nonnegative('must not be negative').optional();

/** The gateway's request shape (api-gateway routing): only `body` matters here. */
const runRequest = z.object({ body: z.strictObject({ fromBlock: block, toBlock: block }).nullish() }).nullish();

/**
 * Request/reply methods for the admin console: `admin.reconciliation.get` (GET
 * /admin/reconciliation: the latest runs, newest first, and `treasury` — the payout service's
 * live treasury status with its floor / hot-balance alerts, since it owns those limits) and `admin.reconciliation.run` (an
 * on-demand run over the day so far, or a given block range). The gateway checks the role.
 */
@Injectable()
export class ReconciliationRpc implements OnApplicationBootstrap {
  constructor(
    @Inject(LISTENER_SETTINGS) private readonly settings: ListenerSettings,
    private readonly rpc: RpcServer,
    private readonly runs: ReconciliationRunRepository,
    private readonly reconcile: RunReconciliationHandler,
    private readonly payoutTreasury: PayoutTreasuryClient,
  ) {}

  onApplicationBootstrap(): void {
    this.rpc.handle('admin.reconciliation.get', async () => {
      const [runs, treasury] = await Promise.all([this.runs.recent(this.settings.chain.chainId, RECENT_RUNS), this.payoutTreasury.status()]);
      return { chainId: this.settings.chain.chainId, latest: runs[0] ?? null, runs, treasury };
    });
    this.rpc.handle('admin.reconciliation.run', async (request) => {
      const parsed = runRequest.safeParse(request);
      if (!parsed.success) throw new RpcError('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 400);
      try {
        return await this.reconcile.execute({ trigger: 'ON_DEMAND', ...(parsed.data?.body ?? {}) });
      } catch (error) {
        if (error instanceof NothingToReconcileError) throw new RpcError('VALIDATION_FAILED', error.message, 409);
        throw error;
      }
    });
  }
}
