import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { RpcServer } from '@liqpass/service-kit';
import { OpenClaimHandler } from '../application/open-claim.handler';
import { ReviewClaimHandler } from '../application/review-claim.handler';
import { VerifyClaimHandler } from '../application/verify-claim.handler';
import { claimView } from '../application/claim-view';
import { CLAIM_STATUSES } from '../domain/claim-state-machine';
import { ClaimsRepository } from '../infrastructure/claims.repository';
import { ClaimRpcError } from '../../shared/claim-rpc-error';

const wallet = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const walletCaller = z.object({ kind: z.literal('wallet'), wallet, roles: z.array(z.string()).optional() });
const uuid = z.string().uuid();
const page = { limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) };
const listQuery = z.object({ status: z.enum(CLAIM_STATUSES).optional(), ...page });

const traderCreate = z.object({ caller: walletCaller, body: z.object({ purchaseOrderId: uuid }) });
const internalTrigger = z.object({
  caller: z.object({ kind: z.literal('internal') }),
  body: z.object({ purchaseOrderId: uuid, claimant: wallet, submitTxHash: z.string().optional(), triggeredAtSec: z.number().optional() }),
});
const traderList = z.object({ caller: walletCaller, query: listQuery.default({ limit: 50, offset: 0 }) });
const byId = z.object({ caller: walletCaller, params: z.object({ id: uuid }) });
const adminList = z.object({ caller: walletCaller, query: listQuery.default({ limit: 50, offset: 0 }) });
const reject = z.object({ caller: walletCaller, params: z.object({ id: uuid }), body: z.object({ reason: z.string().trim().min(1).max(500) }) });

/** The bundle exactly as sealed, or NOT_FOUND while there is none (still verifying, or refused before sealing). */
function sealedBundle(claim: { evidence_json: unknown; status: string }) {
  const bundle = claim.evidence_json as { leaves?: unknown } | null;
  if (!bundle || !Array.isArray(bundle.leaves)) throw new ClaimRpcError('NOT_FOUND', `the claim has no sealed evidence (status ${claim.status})`, 404);
  return bundle;
}

function parse<T>(schema: z.ZodType<T>, request: unknown): T {
  const parsed = schema.safeParse(request);
  if (!parsed.success) throw new ClaimRpcError('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 400);
  return parsed.data;
}

/** The gateway's routes to this service (apps/api-gateway routing table); the kit serves admin.deadLetters.list. */
@Injectable()
export class ClaimsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly open: OpenClaimHandler,
    private readonly review: ReviewClaimHandler,
    private readonly verifier: VerifyClaimHandler,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('claims.create', async (request) => {
      const { caller, body } = parse(traderCreate, request);
      return claimView((await this.open.execute({ purchaseOrderId: body.purchaseOrderId, claimant: caller.wallet, source: 'TRADER' })).claim);
    });
    this.rpc.handle('claims.onchainTrigger', async (request) => {
      const { body } = parse(internalTrigger, request);
      return claimView((await this.open.execute({ purchaseOrderId: body.purchaseOrderId, claimant: body.claimant, source: 'INTERNAL_TRIGGER', submitTxHash: body.submitTxHash })).claim);
    });
    this.rpc.handle('claims.list', async (request) => {
      const { caller, query } = parse(traderList, request);
      const { items, total } = await this.claims.list(this.dataSource.manager, { claimant: caller.wallet.toLowerCase(), ...query });
      return { items: items.map(claimView), total, limit: query.limit, offset: query.offset };
    });
    this.rpc.handle('claims.get', async (request) => claimView(await this.owned(request)));
    this.rpc.handle('claims.evidence', async (request) => sealedBundle(await this.owned(request)));
    this.rpc.handle('admin.claims.list', async (request) => {
      const { query } = parse(adminList, request);
      const { items, total } = await this.claims.list(this.dataSource.manager, query);
      return { items: items.map(claimView), total, limit: query.limit, offset: query.offset };
    });
    this.rpc.handle('admin.claims.get', async (request) => this.review.detail(parse(byId, request).params.id, this.verifier.signerAddress));
    // The reviewer's copy of the sealed bundle (the gateway allows reviewers only): any claim, bodies included.
    this.rpc.handle('admin.claims.evidence', async (request) => {
      const claim = await this.claims.find(this.dataSource.manager, parse(byId, request).params.id);
      if (!claim) throw new ClaimRpcError('NOT_FOUND', 'no such claim', 404);
      return sealedBundle(claim);
    });
    this.rpc.handle('admin.claims.approve', async (request) => {
      const { caller, params } = parse(byId, request);
      return this.review.approve(params.id, caller.wallet);
    });
    this.rpc.handle('admin.claims.reject', async (request) => {
      const { caller, params, body } = parse(reject, request);
      return this.review.reject(params.id, caller.wallet, body.reason);
    });
  }

  /** A trader's own claim; another wallet's is "not found" (no ownership oracle). */
  private async owned(request: unknown) {
    const { caller, params } = parse(byId, request);
    const claim = await this.claims.find(this.dataSource.manager, params.id);
    if (!claim || claim.claimant !== caller.wallet.toLowerCase()) throw new ClaimRpcError('NOT_FOUND', 'no such claim', 404);
    return claim;
  }
}
