import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { OkxAccountClient, OkxOrder, OkxPosition } from '@liqpass/okx-client';
import type { LinkedAccountView } from '../../../accounts/domain/linked-account';
import { maskUid } from '../../../accounts/domain/masked-uid';
import { LinkedOkxAccounts } from '../../../accounts/infrastructure/linked-okx-accounts';
import { POSITION_OPEN_TOLERANCE_MS } from '../../../bindings/domain/binding-rules';
import { INSURED_INST_TYPES, instTypeOf } from '../../../shared/domain/instrument';
import { openingOrderRefusal } from '../../../shared/domain/opening-order';
import { instId, okxId, parseRequest, traderRequest } from '../../../shared/interface/rpc-request';
import { RpcError } from '@liqpass/service-kit';
import { newestFirst, orderView, type OrderView } from '../../domain/portfolio-views';
import { collectPerAccount, type AccountError } from '../collect-per-account';

/** `orders.list` ← `GET /okx/orders?instId=&posId=`. */
const listOrdersRequest = traderRequest(z.unknown(), z.object({ instId: instId.optional(), posId: okxId.optional() }));

export interface ListOrdersResult {
  readonly accounts: LinkedAccountView[];
  readonly orders: OrderView[];
  readonly accountErrors: AccountError[];
}

/**
 * Recent (7-day) opening orders of the caller's linked accounts — filled, category normal, not
 * reduce-only — optionally of one instrument or of the open position `posId`.
 */
@Injectable()
export class ListOrdersHandler {
  constructor(private readonly linked: LinkedOkxAccounts) {}

  async execute(request: unknown): Promise<ListOrdersResult> {
    const { caller, query } = parseRequest(listOrdersRequest, request);
    if (query.instId && !instTypeOf(query.instId)) throw new RpcError('VALIDATION_FAILED', `instId: ${query.instId} is not a SWAP, FUTURES or MARGIN instrument`, 400);
    const accounts = await this.linked.ofWallet(caller.wallet);
    const { items, accountErrors } = await collectPerAccount(accounts, async ({ account, okx }) => {
      const orders = query.posId ? await this.ordersOfPosition(okx, query.posId, query.instId) : await this.openingOrders(okx, query.instId);
      return orders.map((order) => orderView(account, order));
    });
    return {
      accounts: accounts.map(({ account }) => ({ id: account.id, okxUid: maskUid(account.okxUid), perm: account.perm })),
      orders: items.sort(newestFirst((o) => o.cTime, (o) => o.ordId)),
      accountErrors,
    };
  }

  private async openingOrders(okx: OkxAccountClient, instId?: string): Promise<OkxOrder[]> {
    const instTypes = instId ? [instTypeOf(instId)!] : INSURED_INST_TYPES;
    const pages = await Promise.all(
      instTypes.map((instType) => okx.getOrdersHistory({ instType, instId, state: 'filled', category: 'normal', limit: 100 })),
    );
    return pages.flatMap((page) => page.data).filter((order) => openingOrderRefusal(order) === null);
  }

  /** The opening orders that built the open position `posId` (same side and margin mode, filled since it began). */
  private async ordersOfPosition(okx: OkxAccountClient, posId: string, instId?: string): Promise<OkxOrder[]> {
    const { data } = await okx.getPositions({ posId });
    const position: OkxPosition | undefined = data.find((p) => p.posId === posId && (!instId || p.instId === instId));
    if (!position) return [];
    const orders = await this.openingOrders(okx, position.instId);
    const since = Number(position.cTime) - POSITION_OPEN_TOLERANCE_MS;
    return orders.filter((o) => o.posSide === position.posSide && o.tdMode === position.mgnMode && Number(o.fillTime || o.uTime) >= since);
  }
}
