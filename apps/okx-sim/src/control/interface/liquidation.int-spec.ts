import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness, type SimCredentials } from '../../testing/sim-harness';

interface Opened {
  ordId: string;
  posId: string;
  cTime: string;
  liqPx: string;
}

// Walks OKX.md's liquidation-detection rule against what the control API produced: the
// system order in orders-history by category, the positions-history record, fills and bills.
describe('liquidations as OKX shows them', () => {
  let sim: SimHarness;
  let creds: SimCredentials;

  beforeAll(async () => {
    sim = await SimHarness.start();
    creds = await sim.createAccount();
  });
  afterAll(() => sim.close());

  const open = (body: Record<string, unknown>) =>
    sim.control<Opened>('positions', { uid: creds.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: '100', sz: '10', avgPx: '60000', ...body });
  const get = async (path: string) => {
    const reply = await sim.okx(creds, { path });
    expect(reply.body.code).toBe('0');
    return reply.body.data ?? [];
  };

  it('full liquidation: a separate full_liquidation order, type-3 history, sub-type 104 fill, type-5 bill', async () => {
    const coverageStart = Date.now() - 1000;
    const opened = await open({});
    expect(Number(opened.liqPx)).toBeCloseTo((60000 * 0.99) / 0.996, 0);
    await sim.control('mark-price', { instId: 'BTC-USDT-SWAP', markPx: '59500' }, 200);
    const liq = await sim.control<{ ordId: string; fillTime: string; category: string }>('liquidations', { uid: creds.uid, posId: opened.posId, kind: 'full' });
    expect(liq.category).toBe('full_liquidation');
    expect(liq.ordId).not.toBe(opened.ordId);

    const orders = await get(`/api/v5/trade/orders-history?instType=SWAP&instId=BTC-USDT-SWAP&category=full_liquidation&begin=${coverageStart}`);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      ordId: liq.ordId, category: 'full_liquidation', state: 'filled', ordType: 'limit', reduceOnly: 'true', tdMode: 'isolated',
      lever: '100.0', posSide: 'long', side: 'sell', fillTime: liq.fillTime, cTime: liq.fillTime, uTime: liq.fillTime, fillPx: '59500',
    });
    expect(Object.values(orders[0]).every((value) => typeof value === 'string')).toBe(true);
    // The insured opening order is a different, normal order on the same position.
    const opening = await get(`/api/v5/trade/order?instId=BTC-USDT-SWAP&ordId=${opened.ordId}`);
    expect(opening[0]).toMatchObject({ category: 'normal', reduceOnly: 'false', state: 'filled', lever: '100' });

    const history = await get(`/api/v5/account/positions-history?posId=${opened.posId}`);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ posId: opened.posId, cTime: opened.cTime, type: '3', triggerPx: '59500', direction: 'long', mgnMode: 'isolated', uTime: liq.fillTime });
    expect(Number(history[0].liqPenalty)).toBeLessThan(0);

    const fills = await get(`/api/v5/trade/fills-history?instType=SWAP&ordId=${liq.ordId}`);
    expect(fills).toMatchObject([{ ordId: liq.ordId, subType: '104', fillSz: '10' }]);
    const bills = await get('/api/v5/account/bills?type=5');
    expect(bills).toMatchObject([{ ordId: liq.ordId, type: '5', subType: '104' }]);
    expect(await get('/api/v5/account/positions?instId=BTC-USDT-SWAP')).toEqual([]);
  });

  it('partial liquidation: partial_liquidation order, type-4 history, sub-type 100, the rest stays open', async () => {
    const opened = await open({ instId: 'ETH-USDT-SWAP', avgPx: '3000', lever: '20', sz: '8' });
    const liq = await sim.control<{ ordId: string; category: string }>('liquidations', { uid: creds.uid, posId: opened.posId, kind: 'partial', sz: '3' });
    expect(liq.category).toBe('partial_liquidation');
    const orders = await get('/api/v5/trade/orders-history?instType=SWAP&instId=ETH-USDT-SWAP&category=partial_liquidation');
    expect(orders).toMatchObject([{ ordId: liq.ordId, reduceOnly: 'true', sz: '3', lever: '20.0', fillPx: opened.liqPx }]);
    expect(await get(`/api/v5/account/positions-history?posId=${opened.posId}&type=4`)).toMatchObject([{ type: '4', cTime: opened.cTime, triggerPx: opened.liqPx }]);
    expect(await get(`/api/v5/trade/fills?ordId=${liq.ordId}`)).toMatchObject([{ subType: '100' }]);
    expect(await get(`/api/v5/account/positions?posId=${opened.posId}`)).toMatchObject([{ pos: '5', posId: opened.posId, cTime: opened.cTime }]);

    // A later manual close: type becomes 2, the liquidation penalty survives.
    await sim.control('close', { uid: creds.uid, posId: opened.posId });
    const [record] = await get(`/api/v5/account/positions-history?posId=${opened.posId}`);
    expect(record).toMatchObject({ type: '2', closeTotalPos: '8' });
    expect(Number(record.liqPenalty)).toBeLessThan(0);
  });

  it('net mode: a short liquidated shows sub-type 106 (liquidation buy)', async () => {
    const net = await sim.createAccount({ posMode: 'net_mode' });
    const opened = await sim.control<Opened>('positions', { uid: net.uid, instId: 'SOL-USDT-SWAP', posSide: 'net', side: 'sell', mgnMode: 'cross', lever: '10', sz: '5', avgPx: '150' });
    const liq = await sim.control<{ ordId: string }>('liquidations', { uid: net.uid, posId: opened.posId, kind: 'full' });
    const fills = (await sim.okx(net, { path: `/api/v5/trade/fills?ordId=${liq.ordId}` })).body.data;
    expect(fills).toMatchObject([{ subType: '106', side: 'buy', posSide: 'net' }]);
  });

  it('ADL and manual closes are not liquidations: categories adl/normal, types 5/6 and 1/2, no penalty', async () => {
    const adlPos = await open({ instId: 'SOL-USDT-SWAP', avgPx: '150', lever: '10', sz: '6' });
    const adl = await sim.control<{ category: string; type: string }>('adl', { uid: creds.uid, posId: adlPos.posId, sz: '2' });
    expect(adl).toMatchObject({ category: 'adl', type: '5' });
    await sim.control('adl', { uid: creds.uid, posId: adlPos.posId });
    const [adlRecord] = await get(`/api/v5/account/positions-history?posId=${adlPos.posId}`);
    expect(adlRecord).toMatchObject({ type: '6', liqPenalty: '0' });
    expect(await get('/api/v5/account/bills?type=9')).toHaveLength(2);

    const manual = await open({ instId: 'BTC-USDT-261225', avgPx: '61000', lever: '5', sz: '1', posSide: 'short' });
    await sim.control('close', { uid: creds.uid, posId: manual.posId, sz: '0.5', px: '60000' });
    const [partial] = await get(`/api/v5/account/positions-history?posId=${manual.posId}`);
    expect(partial).toMatchObject({ type: '1', liqPenalty: '0', triggerPx: '', pnl: '5', instType: 'FUTURES' });

    for (const category of ['full_liquidation', 'partial_liquidation']) {
      const found = await get(`/api/v5/trade/orders-history?instType=FUTURES&category=${category}`);
      expect(found).toEqual([]);
    }
    expect(await get('/api/v5/trade/orders-history?instType=SWAP&instId=SOL-USDT-SWAP&category=adl')).toHaveLength(2);
  });

  it('reuses a posId after a full close, with a new cTime', async () => {
    const t = Date.now() - 10_000;
    const first = await open({ instId: 'BTC-USDT-SWAP', mgnMode: 'cross', lever: '3', sz: '1', ts: t });
    await sim.control('close', { uid: creds.uid, posId: first.posId, ts: t + 1000 });
    const second = await open({ instId: 'BTC-USDT-SWAP', mgnMode: 'cross', lever: '3', sz: '1', ts: t + 2000 });
    expect(second.posId).toBe(first.posId);
    expect(second.cTime).toBe(String(t + 2000));
    await sim.control('liquidations', { uid: creds.uid, posId: second.posId, kind: 'full', ts: t + 3000 });
    const records = await get(`/api/v5/account/positions-history?posId=${first.posId}`);
    expect(records.map((r) => [r.cTime, r.type])).toEqual([
      [String(t + 2000), '3'],
      [String(t), '2'],
    ]);
  });

  it('moving the mark with liquidate: true liquidates the positions it reaches', async () => {
    const opened = await open({ instId: 'ETH-USDT-SWAP', avgPx: '3000', lever: '50', sz: '1' });
    const moved = await sim.control<{ liquidated: { posId: string; category: string }[] }>('mark-price', { instId: 'ETH-USDT-SWAP', markPx: '2900', liquidate: true }, 200);
    expect(moved.liquidated).toMatchObject([{ posId: opened.posId, category: 'full_liquidation' }]);
  });
});
