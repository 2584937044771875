import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OkxSimProcess, type SimAccount } from '@liqpass/okx-client';
import { OkxBindingTestApp, randomWallet } from '../../testing/okx-binding-test-app';
import type { ReadAccountResult } from '../application/read-account/read-account.handler';

/** `account.read`: another service reads OKX with a trader's stored key, which never leaves here. */
describe('reading a linked account for another service', () => {
  let sim: OkxSimProcess;
  let service: OkxBindingTestApp;
  let wallet: string;
  let account: SimAccount;

  beforeAll(async () => {
    sim = await OkxSimProcess.start();
    service = await OkxBindingTestApp.start('okx_account_reads', sim);
    account = await sim.createAccount();
    wallet = randomWallet();
    expect((await service.link(wallet, account)).ok).toBe(true);
  });

  afterAll(async () => {
    await service?.close();
    await sim?.stop();
  });

  it('returns the raw OKX answers of every call, run in parallel, without any credential', async () => {
    const position = await sim.openPosition({ uid: account.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: 20, sz: 2, avgPx: 60000 });
    const liquidation = await sim.control<{ ordId: string }>('liquidations', { uid: account.uid, posId: position.posId, kind: 'full' });
    const reply = await service.call<ReadAccountResult>('account.read', {
      wallet,
      okxUid: account.uid,
      calls: [
        { name: 'liquidationOrders', endpoint: 'ordersHistory', query: { instType: 'SWAP', instId: 'BTC-USDT-SWAP', category: 'full_liquidation' } },
        { name: 'positionsHistory', endpoint: 'positionsHistory', query: { instId: 'BTC-USDT-SWAP' } },
        { name: 'bills', endpoint: 'bills', query: { instType: 'SWAP', type: '5' } },
      ],
    });
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    expect(reply.data.results.map((r) => [r.name, r.ok])).toEqual([
      ['liquidationOrders', true],
      ['positionsHistory', true],
      ['bills', true],
    ]);
    const [orders] = reply.data.results;
    expect(orders!.ok && orders!.raw).toMatchObject({ method: 'GET', path: '/api/v5/trade/orders-history', status: 200, query: { category: 'full_liquidation' } });
    const body = (orders as { raw: { body: { code: string; data: { ordId: string; category: string }[] } } }).raw.body;
    expect(body.code).toBe('0');
    expect(body.data.map((o) => [o.ordId, o.category])).toEqual([[liquidation.ordId, 'full_liquidation']]);
    const text = JSON.stringify(reply);
    for (const secret of [account.apiKey, account.secretKey, account.passphrase]) expect(text).not.toContain(secret);
  });

  it('reports a failing call with its reason while the others still answer', async () => {
    await sim.setFault({ path: '/api/v5/account/bills', errorCode: '50001', errorRate: 1 });
    try {
      const reply = await service.call<ReadAccountResult>('account.read', {
        wallet,
        okxUid: account.uid,
        calls: [
          { name: 'positionsHistory', endpoint: 'positionsHistory', query: {} },
          { name: 'bills', endpoint: 'bills', query: { type: '5' } },
        ],
      });
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      expect(reply.data.results[0]).toMatchObject({ name: 'positionsHistory', ok: true });
      expect(reply.data.results[1]).toMatchObject({ name: 'bills', ok: false, reason: 'OKX_UNAVAILABLE', okxCode: '50001' });
    } finally {
      await sim.clearFaults();
    }
  });

  it("refuses to read an account the wallet did not link", async () => {
    const reply = await service.call('account.read', { wallet: randomWallet(), okxUid: account.uid, calls: [{ name: 'p', endpoint: 'positions' }] });
    expect(reply).toEqual({ ok: false, error: { code: 'OKX_ACCOUNT_NOT_LINKED', message: `OKX account ${account.uid} is not linked to this wallet`, status: 404 } });
  });

  it('refuses an endpoint outside the read-only list', async () => {
    const reply = await service.call('account.read', { wallet, okxUid: account.uid, calls: [{ name: 'lev', endpoint: 'setLeverage', query: {} }] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', status: 400 } });
  });
});
