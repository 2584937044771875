import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { LinkedAccountView } from '../../../accounts/domain/linked-account';
import { maskUid } from '../../../accounts/domain/masked-uid';
import { LinkedOkxAccounts } from '../../../accounts/infrastructure/linked-okx-accounts';
import { isInsuredInstType } from '../../../shared/domain/instrument';
import { instId, parseRequest, traderRequest } from '../../../shared/interface/rpc-request';
import { newestFirst, positionView, type PositionView } from '../../domain/portfolio-views';
import { collectPerAccount, type AccountError } from '../collect-per-account';

/** `positions.list` ← `GET /okx/positions?instId=`. */
const listPositionsRequest = traderRequest(z.unknown(), z.object({ instId: instId.optional() }));

export interface ListPositionsResult {
  readonly accounts: LinkedAccountView[];
  readonly positions: PositionView[];
  readonly accountErrors: AccountError[];
}

/** The open SWAP, FUTURES and MARGIN positions of every OKX account the caller linked. */
@Injectable()
export class ListPositionsHandler {
  constructor(private readonly linked: LinkedOkxAccounts) {}

  async execute(request: unknown): Promise<ListPositionsResult> {
    const { caller, query } = parseRequest(listPositionsRequest, request);
    const accounts = await this.linked.ofWallet(caller.wallet);
    const { items, accountErrors } = await collectPerAccount(accounts, async ({ account, okx }) => {
      const { data } = await okx.getPositions(query.instId ? { instId: query.instId } : {});
      return data.filter((p) => isInsuredInstType(p.instType)).map((p) => positionView(account, p));
    });
    return {
      accounts: accounts.map(({ account }) => ({ id: account.id, okxUid: maskUid(account.okxUid), perm: account.perm })),
      positions: items.sort(newestFirst((p) => p.uTime, (p) => p.posId)),
      accountErrors,
    };
  }
}
