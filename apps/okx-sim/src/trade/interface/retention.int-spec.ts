import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness, type SimCredentials } from '../../testing/sim-harness';

const DAY = 86_400_000;

// Events are back-dated through the control API's `ts`; the lists must keep OKX's windows:
// fills 3 days, orders-history and bills 7 days, archives and positions-history 3 months.
describe('retention windows', () => {
  let sim: SimHarness;
  let creds: SimCredentials;
  const now = Date.now();
  const ids: Record<string, { ordId: string; posId: string }> = {};

  beforeAll(async () => {
    sim = await SimHarness.start({ now: () => now });
    creds = await sim.createAccount();
    for (const [name, ageDays] of [['recent', 1], ['fourDays', 4], ['eightDays', 8], ['old', 100]] as const) {
      const ts = now - ageDays * DAY;
      const opened = await sim.control<{ ordId: string; posId: string }>('positions', { uid: creds.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: '10', sz: '1', avgPx: '60000', ts: ts - 1000 });
      const liq = await sim.control<{ ordId: string }>('liquidations', { uid: creds.uid, posId: opened.posId, kind: 'full', ts });
      ids[name] = { ordId: liq.ordId, posId: opened.posId };
    }
  });
  afterAll(() => sim.close());

  const list = async (path: string, field: string) => {
    const reply = await sim.okx(creds, { path, timestamp: new Date(now).toISOString() });
    expect(reply.body.code).toBe('0');
    return reply.body.data!.map((record) => record[field]);
  };
  const liquidations = (names: string[]) => names.map((name) => ids[name].ordId);

  it('orders-history keeps 7 days, the archive 3 months', async () => {
    expect(await list('/api/v5/trade/orders-history?instType=SWAP&category=full_liquidation', 'ordId')).toEqual(liquidations(['recent', 'fourDays']));
    expect(await list('/api/v5/trade/orders-history-archive?instType=SWAP&category=full_liquidation', 'ordId')).toEqual(liquidations(['recent', 'fourDays', 'eightDays']));
  });

  it('fills keep 3 days, fills-history 3 months', async () => {
    expect(await list('/api/v5/trade/fills?subType=104', 'ordId')).toEqual(liquidations(['recent']));
    expect(await list('/api/v5/trade/fills-history?instType=SWAP&subType=104', 'ordId')).toEqual(liquidations(['recent', 'fourDays', 'eightDays']));
  });

  it('bills keep 7 days, bills-archive 3 months', async () => {
    expect(await list('/api/v5/account/bills?type=5', 'ordId')).toEqual(liquidations(['recent', 'fourDays']));
    expect(await list('/api/v5/account/bills-archive?type=5', 'ordId')).toEqual(liquidations(['recent', 'fourDays', 'eightDays']));
  });

  it('positions-history keeps 3 months', async () => {
    const kept = await list('/api/v5/account/positions-history?type=3', 'uTime');
    expect(kept).toEqual([1, 4, 8].map((days) => String(now - days * DAY)));
  });

  it('order details still answer for an order of any age on a live instrument', async () => {
    const reply = await sim.okx(creds, { path: `/api/v5/trade/order?instId=BTC-USDT-SWAP&ordId=${ids.old.ordId}`, timestamp: new Date(now).toISOString() });
    expect(reply.body.data).toMatchObject([{ ordId: ids.old.ordId, category: 'full_liquidation' }]);
  });
});
