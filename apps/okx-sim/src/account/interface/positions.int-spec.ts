import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness, type SimCredentials } from '../../testing/sim-harness';

describe('/account/positions and /account/balance', () => {
  let sim: SimHarness;
  let creds: SimCredentials;
  let opened: { posId: string; cTime: string; liqPx: string };

  beforeAll(async () => {
    sim = await SimHarness.start();
    creds = await sim.createAccount({ balance: 5000 });
    opened = await sim.control('positions', { uid: creds.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: '20', sz: '5', avgPx: '60000' });
    await sim.control('mark-price', { instId: 'BTC-USDT-SWAP', markPx: '61000' }, 200);
  });
  afterAll(() => sim.close());

  it('shows the open position with string numbers at the current mark', async () => {
    const [position] = (await sim.okx(creds, { path: '/api/v5/account/positions?instType=SWAP' })).body.data!;
    expect(position).toMatchObject({
      posId: opened.posId, cTime: opened.cTime, instId: 'BTC-USDT-SWAP', instType: 'SWAP', posSide: 'long', mgnMode: 'isolated',
      pos: '5', avgPx: '60000', lever: '20', markPx: '61000', upl: '50', margin: '150', liqPx: opened.liqPx, ccy: 'USDT',
    });
    expect(Object.values(position).every((value) => typeof value === 'string')).toBe(true);
  });

  it('filters by posId and instType', async () => {
    expect((await sim.okx(creds, { path: `/api/v5/account/positions?posId=${opened.posId}` })).body.data).toHaveLength(1);
    expect((await sim.okx(creds, { path: '/api/v5/account/positions?instType=FUTURES' })).body.data).toEqual([]);
  });

  it('reports the USDT balance after fees, with upl in equity', async () => {
    const [balance] = (await sim.okx(creds, { path: '/api/v5/account/balance' })).body.data! as unknown as { totalEq: string; details: Record<string, string>[] }[];
    expect(balance.totalEq).toBe('5048.5');
    expect(balance.details).toMatchObject([{ ccy: 'USDT', cashBal: '4998.5', upl: '50' }]);
  });
});
