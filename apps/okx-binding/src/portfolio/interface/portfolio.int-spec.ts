import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OkxSimProcess, type SimAccount } from '@liqpass/okx-client';
import { OkxBindingTestApp, randomWallet } from '../../testing/okx-binding-test-app';
import type { ListOrdersResult } from '../application/list-orders/list-orders.handler';
import type { ListPositionsResult } from '../application/list-positions/list-positions.handler';

/** `positions.list` and `orders.list` for the caller's linked accounts, against the simulator process. */
describe('positions and opening orders of linked accounts', () => {
  let sim: OkxSimProcess;
  let service: OkxBindingTestApp;

  beforeAll(async () => {
    sim = await OkxSimProcess.start();
    service = await OkxBindingTestApp.start('okx_portfolio', sim);
  });

  afterAll(async () => {
    await service?.close();
    await sim?.stop();
  });

  const asTrader = (wallet: string, query: Record<string, string> = {}) => ({ caller: { kind: 'wallet', wallet }, params: {}, query, body: null });

  async function linkedTrader(): Promise<{ wallet: string; account: SimAccount }> {
    const account = await sim.createAccount();
    const wallet = randomWallet();
    expect((await service.link(wallet, account)).ok).toBe(true);
    return { wallet, account };
  }

  it('lists the open positions of every linked account, with each account named (masked)', async () => {
    const { wallet, account } = await linkedTrader();
    const second = await sim.createAccount();
    expect((await service.link(wallet, second)).ok).toBe(true);
    const a = await sim.openPosition({ uid: account.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: 20, sz: 2, avgPx: 60000 });
    const b = await sim.openPosition({ uid: second.uid, instId: 'ETH-USDT-SWAP', posSide: 'short', mgnMode: 'cross', lever: 5, sz: 1, avgPx: 3000 });
    const reply = await service.call<ListPositionsResult>('positions.list', asTrader(wallet));
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    expect(reply.data.accounts).toHaveLength(2);
    expect(reply.data.accountErrors).toEqual([]);
    expect(reply.data.positions).toHaveLength(2);
    expect(reply.data.positions).toContainEqual(
      expect.objectContaining({ posId: a.posId, instId: 'BTC-USDT-SWAP', instType: 'SWAP', posSide: 'long', mgnMode: 'isolated', lever: '20', pos: '2', liqPx: a.liqPx, cTime: a.cTime }),
    );
    expect(reply.data.positions).toContainEqual(expect.objectContaining({ posId: b.posId, instId: 'ETH-USDT-SWAP', posSide: 'short', okxUid: expect.stringContaining('…') }));
    const filtered = await service.call<ListPositionsResult>('positions.list', asTrader(wallet, { instId: 'ETH-USDT-SWAP' }));
    expect(filtered.ok && filtered.data.positions.map((p) => p.posId)).toEqual([b.posId]);
  });

  it('answers an empty list to a wallet with no linked account', async () => {
    expect(await service.call('positions.list', asTrader(randomWallet()))).toEqual({ ok: true, data: { accounts: [], positions: [], accountErrors: [] } });
  });

  it("reports an account whose key stopped working beside the others' positions", async () => {
    const { wallet, account } = await linkedTrader();
    const revoked = await sim.createAccount();
    expect((await service.link(wallet, revoked)).ok).toBe(true);
    await sim.openPosition({ uid: account.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'cross', lever: 10, sz: 1, avgPx: 60000 });
    await sim.control('keys/revoke', { apiKey: revoked.apiKey });
    const reply = await service.call<ListPositionsResult>('positions.list', asTrader(wallet));
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    expect(reply.data.positions).toHaveLength(1);
    expect(reply.data.accountErrors).toEqual([expect.objectContaining({ code: 'OKX_KEY_INVALID', message: expect.stringContaining('no longer exists') })]);
  });

  it('fails with the reason when the only linked key stopped working', async () => {
    const { wallet, account } = await linkedTrader();
    await sim.control('keys/revoke', { apiKey: account.apiKey });
    expect(await service.call('positions.list', asTrader(wallet))).toMatchObject({ ok: false, error: { code: 'OKX_KEY_INVALID', status: 409 } });
  });

  it('lists recent opening orders only: not liquidations, closes, unfilled orders', async () => {
    const { wallet, account } = await linkedTrader();
    const opened = await sim.openPosition({ uid: account.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: 50, sz: 4, avgPx: 60000 });
    const added = await sim.openPosition({ uid: account.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: 50, sz: 1, avgPx: 60100 });
    const closed = await sim.control<{ ordId: string }>('close', { uid: account.uid, posId: opened.posId, sz: 1 });
    const liquidation = await sim.control<{ ordId: string }>('liquidations', { uid: account.uid, posId: opened.posId, kind: 'partial', sz: 1 });
    const live = await sim.control<{ ordId: string }>('orders', { uid: account.uid, instId: 'BTC-USDT-SWAP', side: 'buy', posSide: 'long', tdMode: 'isolated', sz: 1, px: 50000 });
    const margin = await sim.openPosition({ uid: account.uid, instId: 'ETH-USDT', posSide: 'long', mgnMode: 'cross', lever: 3, sz: 1, avgPx: 3000 });
    const reply = await service.call<ListOrdersResult>('orders.list', asTrader(wallet));
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    const ordIds = reply.data.orders.map((o) => o.ordId);
    expect(ordIds).toEqual([margin.ordId, added.ordId, opened.ordId]);
    for (const excluded of [closed.ordId, liquidation.ordId, live.ordId]) expect(ordIds).not.toContain(excluded);
    expect(reply.data.orders[1]).toMatchObject({ instType: 'SWAP', instId: 'BTC-USDT-SWAP', side: 'buy', posSide: 'long', tdMode: 'isolated', state: 'filled' });
  });

  it('lists the opening orders of one open position (posId), and of one instrument', async () => {
    const { wallet, account } = await linkedTrader();
    const btc = await sim.openPosition({ uid: account.uid, instId: 'BTC-USDT-SWAP', posSide: 'short', mgnMode: 'cross', lever: 10, sz: 1, avgPx: 60000 });
    const eth = await sim.openPosition({ uid: account.uid, instId: 'ETH-USDT-SWAP', posSide: 'long', mgnMode: 'cross', lever: 10, sz: 1, avgPx: 3000 });
    const byPosition = await service.call<ListOrdersResult>('orders.list', asTrader(wallet, { posId: btc.posId }));
    expect(byPosition.ok && byPosition.data.orders.map((o) => o.ordId)).toEqual([btc.ordId]);
    const byInstrument = await service.call<ListOrdersResult>('orders.list', asTrader(wallet, { instId: 'ETH-USDT-SWAP' }));
    expect(byInstrument.ok && byInstrument.data.orders.map((o) => o.ordId)).toEqual([eth.ordId]);
  });

  it('refuses an instrument LiqPass does not insure', async () => {
    const { wallet } = await linkedTrader();
    expect(await service.call('orders.list', asTrader(wallet, { instId: 'BTC-USD-261225-60000-C' }))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
