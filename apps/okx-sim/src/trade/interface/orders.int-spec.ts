import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness, type SimCredentials } from '../../testing/sim-harness';

describe('order routes and their business errors', () => {
  let sim: SimHarness;
  let creds: SimCredentials;
  let ordId: string;

  beforeAll(async () => {
    sim = await SimHarness.start();
    creds = await sim.createAccount();
    ({ ordId } = await sim.control<{ ordId: string }>('positions', { uid: creds.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: '10', sz: '1', avgPx: '60000' }));
  });
  afterAll(() => sim.close());

  const call = (path: string) => sim.okx(creds, { path });

  it('finds an order by ordId, with every field a string', async () => {
    const reply = await call(`/api/v5/trade/order?instId=BTC-USDT-SWAP&ordId=${ordId}`);
    expect(reply).toMatchObject({ status: 200, body: { code: '0', msg: '', data: [{ ordId, instId: 'BTC-USDT-SWAP', state: 'filled', avgPx: '60000', accFillSz: '1' }] } });
    expect(Object.values(reply.body.data![0]).every((value) => typeof value === 'string')).toBe(true);
  });

  it('finds an order by clOrdId', async () => {
    await sim.control('orders', { uid: creds.uid, instId: 'ETH-USDT-SWAP', side: 'buy', sz: '2', px: '2500', clOrdId: 'mine1' });
    expect((await call('/api/v5/trade/order?instId=ETH-USDT-SWAP&clOrdId=mine1')).body.data).toMatchObject([{ clOrdId: 'mine1', state: 'live', accFillSz: '0', fillTime: '' }]);
  });

  it('51603 (HTTP 200): order does not exist, also on another account', async () => {
    expect(await call('/api/v5/trade/order?instId=BTC-USDT-SWAP&ordId=1234567890123456789')).toMatchObject({ status: 200, body: { code: '51603', data: [] } });
    const other = await sim.createAccount();
    expect((await sim.okx(other, { path: `/api/v5/trade/order?instId=BTC-USDT-SWAP&ordId=${ordId}` })).body.code).toBe('51603');
    expect((await call(`/api/v5/trade/order?instId=ETH-USDT-SWAP&ordId=${ordId}`)).body.code).toBe('51603');
  });

  it('51001 (HTTP 200): instrument does not exist', async () => {
    for (const path of [
      `/api/v5/trade/order?instId=DOGE-USDT-SWAP&ordId=${ordId}`,
      '/api/v5/trade/orders-history?instType=SWAP&instId=NOPE-USDT-SWAP',
      '/api/v5/account/positions?instId=BTC-USDT-SWAP,NOPE-USDT-SWAP',
      '/api/v5/market/candles?instId=NOPE',
    ]) {
      const reply = path.includes('/market/') ? await sim.publicGet(path) : await call(path);
      expect(reply, path).toMatchObject({ status: 200, body: { code: '51001' } });
    }
  });

  it('50014 (HTTP 400): a required parameter is missing', async () => {
    expect(await call(`/api/v5/trade/order?ordId=${ordId}`)).toMatchObject({ status: 400, body: { code: '50014' } });
    expect(await call('/api/v5/trade/order?instId=BTC-USDT-SWAP')).toMatchObject({ status: 400, body: { code: '50014' } });
    expect(await call('/api/v5/trade/orders-history')).toMatchObject({ status: 400, body: { code: '50014' } });
    expect(await call('/api/v5/trade/fills-history')).toMatchObject({ status: 400, body: { code: '50014' } });
  });

  it('51000 (HTTP 200): a malformed parameter', async () => {
    for (const path of [
      '/api/v5/trade/orders-history?instType=SWAP&limit=101',
      '/api/v5/trade/orders-history?instType=SWAP&after=abc',
      '/api/v5/trade/orders-history?instType=PERP',
      '/api/v5/account/positions?instId=' + Array.from({ length: 11 }, () => 'BTC-USDT-SWAP').join(','),
    ]) {
      expect(await call(path), path).toMatchObject({ status: 200, body: { code: '51000' } });
    }
  });

  it('orders-pending holds open orders only; orders-history completed ones only', async () => {
    const pending = (await call('/api/v5/trade/orders-pending?instId=ETH-USDT-SWAP')).body.data!;
    expect(pending.map((o) => o.state)).toEqual(['live']);
    const history = (await call('/api/v5/trade/orders-history?instType=SWAP')).body.data!;
    expect(history.map((o) => o.ordId)).toEqual([ordId]);
  });
});
