import { Injectable } from '@nestjs/common';
import { isOkxClientError, type OkxAccountClient, type RawOkxResponse } from '@liqpass/okx-client';
import { RpcError } from '@liqpass/service-kit';
import { LinkedOkxAccounts } from '../../../accounts/infrastructure/linked-okx-accounts';
import type { ReadAccountCommand, ReadableEndpoint } from './read-account.command';

export type ReadResult =
  | { readonly name: string; readonly ok: true; readonly raw: RawOkxResponse }
  | { readonly name: string; readonly ok: false; readonly reason: string; readonly okxCode: string | null; readonly raw: RawOkxResponse | null };

export interface ReadAccountResult {
  readonly okxUid: string;
  readonly results: readonly ReadResult[];
}

const CALLS: Readonly<Record<ReadableEndpoint, (okx: OkxAccountClient, query: Record<string, string>) => Promise<{ raw: RawOkxResponse }>>> = {
  order: (okx, q) => okx.getOrder(q as never),
  ordersHistory: (okx, q) => okx.getOrdersHistory(q as never),
  ordersHistoryArchive: (okx, q) => okx.getOrdersHistoryArchive(q as never),
  fills: (okx, q) => okx.getFills(q),
  fillsHistory: (okx, q) => okx.getFillsHistory(q as never),
  positions: (okx, q) => okx.getPositions(q),
  positionsHistory: (okx, q) => okx.getPositionsHistory(q),
  bills: (okx, q) => okx.getBills(q),
  billsArchive: (okx, q) => okx.getBillsArchive(q),
};

/**
 * Reads OKX with a trader's stored read-only key for another service (the claims verifier
 * gathering evidence). The calls run in parallel; each answer is OKX's raw response, kept
 * whole for sealing, and one failing call does not hide the others' answers.
 */
@Injectable()
export class ReadAccountHandler {
  constructor(private readonly linked: LinkedOkxAccounts) {}

  async execute(command: ReadAccountCommand): Promise<ReadAccountResult> {
    const account = (await this.linked.ofWallet(command.wallet)).find((candidate) => candidate.account.okxUid === command.okxUid);
    if (!account) throw new RpcError('OKX_ACCOUNT_NOT_LINKED', `OKX account ${command.okxUid} is not linked to this wallet`, 404);
    const results = await Promise.all(
      command.calls.map(async (call): Promise<ReadResult> => {
        try {
          const { raw } = await CALLS[call.endpoint](account.okx, call.query);
          return { name: call.name, ok: true, raw };
        } catch (error) {
          if (!isOkxClientError(error)) throw error;
          return { name: call.name, ok: false, reason: error.reason, okxCode: error.okxCode ?? null, raw: error.raw ?? null };
        }
      }),
    );
    return { okxUid: command.okxUid, results };
  }
}
