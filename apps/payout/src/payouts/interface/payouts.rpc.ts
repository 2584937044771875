import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { z } from 'zod';
import { wire } from '@liqpass/events';
import { RpcError, RpcServer } from '@liqpass/service-kit';
import { PAYOUT_SETTINGS, type PayoutSettings } from '../../config/payout-settings';
import { AddSignatureHandler } from '../application/add-signature/add-signature.handler';
import { ExecutePayoutHandler } from '../application/execute-payout/execute-payout.handler';
import { MarkPaidHandler } from '../application/mark-paid/mark-paid.handler';
import { payoutView } from '../application/payout-view';
import { ReleasePayoutHandler } from '../application/release-payout/release-payout.handler';
import { ReproposePayoutHandler } from '../application/repropose-payout/repropose-payout.handler';
import { TreasuryMonitor } from '../application/treasury-monitor';
import { PAYOUT_STATUSES, PayoutError } from '../domain/payout';
import { transactionBuilderBatch } from '../domain/transaction-builder';
import { PayoutRepository } from '../infrastructure/payout.repository';

const adminCaller = z.object({ kind: z.literal('wallet'), wallet: wire.walletAddress, roles: z.array(z.string()).optional() });
const idParams = z.object({ id: z.uuid() });
const listRequest = z.object({
  query: z
    .object({ status: z.enum(PAYOUT_STATUSES).optional(), limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.uuid().optional() })
    .nullish(),
});
const signatureRequest = z.object({
  caller: adminCaller,
  params: idParams,
  body: z.object({ signer: wire.walletAddress, signature: z.string().regex(/^0x[0-9a-fA-F]{130}$/, 'expected a 0x-130-hex signature') }),
});
const executeRequest = z.object({ caller: adminCaller, params: idParams });
const markPaidRequest = z.object({
  caller: adminCaller,
  params: idParams,
  body: z.object({ multisigTxHash: wire.txHash, paidAtSec: z.number().int().positive() }),
});
const exportRequest = z.object({ caller: adminCaller, query: z.object({ ids: z.array(z.uuid()).min(1).max(50).optional() }).nullish() });
const releaseRequest = z.object({ caller: adminCaller, params: idParams, body: z.object({ reason: z.string().trim().min(1).max(500) }) });
const reproposeRequest = z.object({ caller: adminCaller, params: idParams });

function parse<T>(schema: z.ZodType<T>, request: unknown): T {
  const parsed = schema.safeParse(request);
  if (!parsed.success) throw new RpcError('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 400);
  return parsed.data;
}

function requireFinance(caller: z.infer<typeof adminCaller>): void {
  if (!caller.roles?.includes('finance')) throw new RpcError('FORBIDDEN', 'the finance role is required', 403);
}

async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PayoutError) throw new RpcError(error.code, error.message, error.status);
    throw error;
  }
}

/**
 * The payout service's request/reply methods (api-gateway routing table): `admin.payouts.list`,
 * `admin.payouts.addSignature`, `admin.payouts.execute`, `admin.claims.markPaid`,
 * `admin.payouts.export` (Safe Transaction Builder JSON of PROPOSED payouts, all or `ids`),
 * `admin.payouts.release` (a HELD payout), `admin.payouts.repropose` (a consumed nonce), and
 * `treasury.status` (balance, limits and alerts; payment-listener puts it in GET /admin/reconciliation).
 */
@Injectable()
export class PayoutsRpc implements OnApplicationBootstrap {
  constructor(
    @Inject(PAYOUT_SETTINGS) private readonly settings: PayoutSettings,
    private readonly rpc: RpcServer,
    private readonly payouts: PayoutRepository,
    private readonly addSignature: AddSignatureHandler,
    private readonly executePayout: ExecutePayoutHandler,
    private readonly markPaid: MarkPaidHandler,
    private readonly release: ReleasePayoutHandler,
    private readonly repropose: ReproposePayoutHandler,
    private readonly treasury: TreasuryMonitor,
  ) {}

  onApplicationBootstrap(): void {
    this.rpc.handle('admin.payouts.list', async (request) => {
      const { query } = parse(listRequest, request ?? {});
      const limit = query?.limit ?? 50;
      const rows = await this.payouts.list(query?.status, limit, query?.cursor);
      const signatures = await this.payouts.signatures(rows.map((r) => r.id));
      return {
        items: rows.map((r) => payoutView(r, signatures.get(r.id) ?? [])),
        nextCursor: rows.length === limit ? rows[rows.length - 1]!.id : null,
      };
    });
    this.rpc.handle('admin.payouts.addSignature', async (request) => {
      const { caller, params, body } = parse(signatureRequest, request);
      if (!caller.roles?.includes('finance') && caller.wallet.toLowerCase() !== body.signer.toLowerCase()) {
        throw new RpcError('FORBIDDEN', 'only finance or the signing owner may post a signature', 403);
      }
      return answering(() => this.addSignature.execute({ payoutId: params.id, signer: body.signer, signature: body.signature, submittedBy: caller.wallet }));
    });
    this.rpc.handle('admin.payouts.execute', async (request) => {
      const { caller, params } = parse(executeRequest, request);
      requireFinance(caller);
      return answering(() => this.executePayout.execute({ payoutId: params.id, caller: caller.wallet }));
    });
    this.rpc.handle('admin.claims.markPaid', async (request) => {
      const { caller, params, body } = parse(markPaidRequest, request);
      requireFinance(caller);
      return answering(() => this.markPaid.execute({ claimId: params.id, multisigTxHash: body.multisigTxHash, paidAtSec: body.paidAtSec, caller: caller.wallet }));
    });
    this.rpc.handle('admin.payouts.export', async (request) => {
      const { caller, query } = parse(exportRequest, request);
      requireFinance(caller);
      const ids = query?.ids;
      const pending = (await this.payouts.byStatus('PROPOSED')).filter((p) => !ids || ids.includes(p.id));
      if (ids && pending.length !== ids.length) throw new RpcError('INVALID_STATUS_TRANSITION', 'every payout exported must exist and be PROPOSED', 409);
      return transactionBuilderBatch(this.settings.chain.chainId, this.settings.chain.contracts.treasurySafe, pending, Date.now());
    });
    this.rpc.handle('admin.payouts.release', async (request) => {
      const { caller, params, body } = parse(releaseRequest, request);
      requireFinance(caller);
      return answering(() => this.release.execute({ payoutId: params.id, caller: caller.wallet, reason: body.reason }));
    });
    this.rpc.handle('admin.payouts.repropose', async (request) => {
      const { caller, params } = parse(reproposeRequest, request);
      requireFinance(caller);
      return answering(() => this.repropose.execute({ payoutId: params.id, caller: caller.wallet }));
    });
    // Service to service (payment-listener), read-only: no caller.
    this.rpc.handle('treasury.status', () => this.treasury.refresh());
  }
}
