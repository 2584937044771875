import type { NatsConnection } from '@nats-io/transport-node';
import { createLogger } from '@liqpass/observability';
import { OkxClient, OkxClientError, type OkxAccountClient, type RawOkxResponse, type SimAccount } from '@liqpass/okx-client';
import { RpcError, RpcServer } from '@liqpass/service-kit';

type Call = { name: string; endpoint: string; query: Record<string, string> };

const CALLS: Record<string, (okx: OkxAccountClient, q: Record<string, string>) => Promise<{ raw: RawOkxResponse }>> = {
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
 * Stands in for okx-binding's documented `account.read` (apps/okx-binding/README.md): a real
 * RpcServer on the test's prefix that reads OKX (the simulator) with the trader's key through
 * @liqpass/okx-client, the calls in parallel, each answer raw. Tests may not import the app.
 */
export class OkxBindingStandIn {
  private readonly accounts = new Map<string, SimAccount & { wallet: string }>();
  private readonly server: RpcServer;
  readonly requests: unknown[] = [];
  private unanswered = 0;
  private readonly stalled: (() => void)[] = [];

  constructor(nc: NatsConnection, prefix: string, baseUrl: string, options: { readonly maxConnections?: number } = {}) {
    const okx = new OkxClient({ baseUrl, timeoutMs: 3000, retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 }, rateLimit: false, maxConnections: options.maxConnections });
    this.server = new RpcServer(nc, 'okx-binding', createLogger('okx-binding-stand-in', 'silent'), prefix);
    this.server.handle('account.read', async (body) => {
      this.requests.push(body);
      if (this.unanswered > 0) {
        // As if okx-binding died holding the request: no answer ever comes back in time.
        this.unanswered -= 1;
        await new Promise<void>((resolve) => this.stalled.push(resolve));
        throw new RpcError('OKX_UNAVAILABLE', 'stand-in stopped answering', 503);
      }
      const { wallet, okxUid, calls } = body as { wallet: string; okxUid: string; calls: Call[] };
      const account = this.accounts.get(okxUid);
      if (!account || account.wallet !== wallet.toLowerCase()) throw new RpcError('OKX_ACCOUNT_NOT_LINKED', 'no such linked account', 404);
      const client = okx.forAccount(account);
      const results = await Promise.all(
        calls.map(async (call) => {
          try {
            return { name: call.name, ok: true, raw: (await CALLS[call.endpoint]!(client, call.query)).raw };
          } catch (error) {
            if (!(error instanceof OkxClientError)) throw error;
            return { name: call.name, ok: false, reason: error.reason, okxCode: error.okxCode ?? null, raw: error.raw ?? null };
          }
        }),
      );
      return { okxUid, results };
    });
  }

  link(wallet: string, account: SimAccount): void {
    this.accounts.set(account.uid, { ...account, wallet: wallet.toLowerCase() });
  }

  /** The next `count` account.read requests are never answered (until close). */
  leaveUnanswered(count: number): void {
    this.unanswered = count;
  }

  close(): Promise<void> {
    for (const release of this.stalled.splice(0)) release();
    return this.server.close();
  }
}
