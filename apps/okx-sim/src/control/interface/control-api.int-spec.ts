import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness } from '../../testing/sim-harness';

describe('control API', () => {
  let sim: SimHarness;

  beforeAll(async () => {
    sim = await SimHarness.start();
  });
  afterAll(() => sim.close());

  it('creates accounts with OKX-shaped credentials', async () => {
    const creds = await sim.createAccount({ perm: 'trade,read_only' });
    expect(creds.uid).toMatch(/^\d{17}$/);
    expect(creds.apiKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(creds.secretKey).toMatch(/^[0-9A-F]{32}$/);
    expect(creds.passphrase).not.toBe('');
    expect(creds.perm).toBe('read_only,trade');
  });

  it('answers GET /health', async () => {
    expect(await (await fetch(`${sim.baseUrl}/health`)).json()).toEqual({ status: 'ok' });
  });

  it.each([
    ['accounts', { perm: 'trade' }, 400, 'SIM_BAD_REQUEST'],
    ['accounts', { nonsense: true }, 400, 'SIM_BAD_REQUEST'],
    ['positions', { uid: '1', instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: '10', sz: '1', avgPx: '1' }, 404, 'SIM_ACCOUNT_NOT_FOUND'],
    ['liquidations', { uid: '1', posId: '1', kind: 'total' }, 400, 'SIM_BAD_REQUEST'],
    ['mark-price', { instId: 'NOPE', markPx: '1' }, 404, 'SIM_INSTRUMENT_NOT_FOUND'],
    ['mark-price', { instId: 'BTC-USDT-SWAP', markPx: '-1' }, 400, 'SIM_BAD_REQUEST'],
    ['keys/revoke', { apiKey: 'nope' }, 404, 'SIM_KEY_NOT_FOUND'],
  ])('POST /sim/%s %j → %i %s', async (path, body, status, code) => {
    expect(await sim.control(path, body, status)).toMatchObject({ code });
  });

  it('answers unparseable JSON in the style of the API hit: OKX 50002, or SIM_BAD_REQUEST', async () => {
    const post = (path: string) => fetch(`${sim.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad' });
    const okx = await post('/api/v5/account/set-leverage');
    expect([okx.status, await okx.json()]).toEqual([400, { code: '50002', msg: 'JSON syntax error', data: [] }]);
    const control = await post('/sim/accounts');
    expect(control.status).toBe(400);
    expect(await control.json()).toMatchObject({ code: 'SIM_BAD_REQUEST' });
  });

  it('refuses impossible positions and closes', async () => {
    const creds = await sim.createAccount();
    const base = { uid: creds.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', sz: '1', avgPx: '60000' };
    expect(await sim.control('positions', { ...base, lever: '125' }, 400)).toMatchObject({ code: 'SIM_BAD_REQUEST' });
    expect(await sim.control('positions', { ...base, lever: '10', posSide: 'net', side: 'buy' }, 400)).toMatchObject({ code: 'SIM_BAD_REQUEST' });
    const { posId } = await sim.control<{ posId: string }>('positions', { ...base, lever: '10' });
    expect(await sim.control('liquidations', { uid: creds.uid, posId, kind: 'partial', sz: '1' }, 400)).toMatchObject({ code: 'SIM_BAD_REQUEST' });
    expect(await sim.control('close', { uid: creds.uid, posId, sz: '2' }, 400)).toMatchObject({ code: 'SIM_BAD_REQUEST' });
    expect(await sim.control('liquidations', { uid: creds.uid, posId, kind: 'full', ts: 1 }, 409)).toMatchObject({ code: 'SIM_INVALID_STATE' });
    const other = await sim.createAccount();
    expect(await sim.control('adl', { uid: other.uid, posId }, 404)).toMatchObject({ code: 'SIM_POSITION_NOT_FOUND' });
  });

  it('reports the liquidation price it will use, isolated and cross', async () => {
    const creds = await sim.createAccount({ balance: 1000 });
    const isolated = await sim.control<{ liqPx: string }>('positions', { uid: creds.uid, instId: 'BTC-USDT-SWAP', posSide: 'short', mgnMode: 'isolated', lever: '10', sz: '10', avgPx: '60000' });
    expect(Number(isolated.liqPx)).toBeCloseTo((60000 * 1.1) / 1.004, 0);
    const cross = await sim.control<{ liqPx: string }>('positions', { uid: creds.uid, instId: 'ETH-USDT-SWAP', posSide: 'long', mgnMode: 'cross', lever: '10', sz: '10', avgPx: '3000' });
    // Cash 1000 − fees 3 and 1.5 − 600 locked as isolated margin backs 1 ETH: (3000 − 395.5) / (1 − 0.005).
    expect(Number(cross.liqPx)).toBeCloseTo((3000 - (1000 - 3 - 1.5 - 600)) / 0.995, 1);
  });
});

describe('POST /sim/reset', () => {
  it('clears accounts, positions, orders, faults, rate counters and marks', async () => {
    let now = Date.now();
    const sim = await SimHarness.start({ now: () => now });
    try {
      const creds = await sim.createAccount();
      await sim.control('positions', { uid: creds.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: '10', sz: '1', avgPx: '60000' });
      await sim.control('mark-price', { instId: 'BTC-USDT-SWAP', markPx: '50000' }, 200);
      await sim.control('faults', { path: '/api/v5/account/bills', errorCode: '500' }, 200);
      expect(await sim.control('reset', {}, 200)).toEqual({ reset: true });

      expect((await sim.okx(creds, { path: '/api/v5/account/config', timestamp: new Date(now).toISOString() })).body.code).toBe('50111');
      expect(await (await fetch(`${sim.baseUrl}/sim/faults`)).json()).toEqual({ faults: [] });
      const mark = (await sim.publicGet('/api/v5/market/mark-price?instId=BTC-USDT-SWAP')).body.data![0];
      expect(mark.markPx).toBe('60000');

      const again = await sim.createAccount({ apiKey: creds.apiKey, secretKey: creds.secretKey, passphrase: creds.passphrase });
      const call = (path: string) => sim.okx(again, { path, timestamp: new Date(now).toISOString() });
      expect((await call('/api/v5/account/positions')).body.data).toEqual([]);
      expect((await call('/api/v5/trade/orders-history?instType=SWAP')).body.data).toEqual([]);
      expect((await call('/api/v5/account/bills')).body.code).toBe('0');
      now += 1;
    } finally {
      await sim.close();
    }
  });
});
