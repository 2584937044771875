import { Injectable, type OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import { RpcError, RpcServer } from '@liqpass/service-kit';
import { anyObject, instId, okxId, parseRequest, traderRequest, uuid } from '../../shared/interface/rpc-request';
import { BindOkxOrderHandler } from '../application/bind-okx-order/bind-okx-order.handler';
import { CreatePurchaseOrderHandler } from '../application/create-purchase-order/create-purchase-order.handler';
import { MarkPaidHandler } from '../application/mark-paid/mark-paid.handler';
import { OwnedOrders } from '../application/owned-orders';
import { PolicyRefusal } from '../application/policy-transitions';
import { POLICY_STATUSES } from '../domain/policy-status';
import { PurchaseOrderRepository } from '../infrastructure/purchase-order.repository';
import { purchaseOrderView } from './purchase-order.view';

const idParams = z.object({ id: uuid });
const txHash = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 0x-64-hex transaction hash');

const schemas = {
  create: traderRequest({ params: anyObject, query: anyObject, body: z.object({ quoteId: uuid }) }),
  list: traderRequest({
    params: anyObject,
    query: z.object({
      status: z.enum(POLICY_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
      cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/).optional(),
    }),
    body: anyObject,
  }),
  get: traderRequest({ params: idParams, query: anyObject, body: anyObject }),
  bindOkx: traderRequest({ params: idParams, query: anyObject, body: z.object({ ordId: okxId, instId }) }),
  markPaid: traderRequest({ params: idParams, query: anyObject, body: z.object({ txHash }) }),
};

/** A list cursor: the last row's (created_at, id), opaque to callers. */
const encodeCursor = (createdAt: Date, id: string) => Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    if (Number.isNaN(Date.parse(createdAt)) || !uuid.safeParse(id).success) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new RpcError('VALIDATION_FAILED', 'cursor: not a cursor this list handed out', 400);
  }
}

/** purchaseOrders.* — the trader's purchase-order routes (api-gateway routing table). */
@Injectable()
export class PurchaseOrdersRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly create: CreatePurchaseOrderHandler,
    private readonly owned: OwnedOrders,
    private readonly orders: PurchaseOrderRepository,
    private readonly bind: BindOkxOrderHandler,
    private readonly markPaid: MarkPaidHandler,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('purchaseOrders.create', refusalsAsErrors(async (request) => {
      const { caller, body } = parseRequest(schemas.create, request);
      return purchaseOrderView((await this.create.execute(caller.wallet, body.quoteId)).row);
    }));
    this.rpc.handle('purchaseOrders.list', async (request) => {
      const { caller, query } = parseRequest(schemas.list, request);
      const limit = query.limit ?? 50;
      const rows = await this.orders.listByWallet(caller.wallet, { status: query.status, limit: limit + 1, after: query.cursor ? decodeCursor(query.cursor) : undefined });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { items: page.map(purchaseOrderView), nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null };
    });
    this.rpc.handle('purchaseOrders.get', async (request) => {
      const { caller, params } = parseRequest(schemas.get, request);
      return purchaseOrderView(await this.owned.get(caller.wallet, params.id));
    });
    this.rpc.handle('purchaseOrders.bindOkx', refusalsAsErrors(async (request) => {
      const { caller, params, body } = parseRequest(schemas.bindOkx, request);
      return purchaseOrderView(await this.bind.execute(caller.wallet, params.id, body.ordId, body.instId));
    }));
    this.rpc.handle('purchaseOrders.markPaid', refusalsAsErrors(async (request) => {
      const { caller, params, body } = parseRequest(schemas.markPaid, request);
      return purchaseOrderView(await this.markPaid.execute(caller.wallet, params.id, body.txHash));
    }));
  }
}

/** The life cycle's refusals are state conflicts: 409 with their reason code. */
function refusalsAsErrors(handler: (request: unknown) => Promise<unknown>) {
  return async (request: unknown) => {
    try {
      return await handler(request);
    } catch (error) {
      if (error instanceof PolicyRefusal) throw new RpcError(error.code, error.message, 409);
      throw error;
    }
  };
}
