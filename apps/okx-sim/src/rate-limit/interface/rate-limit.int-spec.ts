import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness, type SimCredentials } from '../../testing/sim-harness';

// The simulator's clock is held still here, so a window only moves when the test moves it.
describe('per-endpoint rate limits per API key', () => {
  let sim: SimHarness;
  let now = Date.now();
  let creds: SimCredentials;

  beforeAll(async () => {
    sim = await SimHarness.start({ now: () => now });
    creds = await sim.createAccount();
  });
  afterAll(() => sim.close());

  const call = (who: SimCredentials, path: string) => sim.okx(who, { path, timestamp: new Date(now).toISOString() });
  const burst = async (who: SimCredentials, path: string, count: number) => {
    const codes: string[] = [];
    for (let i = 0; i < count; i += 1) codes.push((await call(who, path)).body.code);
    return codes;
  };

  it('/account/config allows 5 per 2 s, then answers 50011 with HTTP 429', async () => {
    expect(await burst(creds, '/api/v5/account/config', 5)).toEqual(['0', '0', '0', '0', '0']);
    const refused = await call(creds, '/api/v5/account/config');
    expect(refused).toMatchObject({ status: 429, body: { code: '50011', data: [] } });
  });

  it('counts per key: another key of the same account is not limited', async () => {
    const second = await sim.createAccount({ uid: creds.uid });
    expect((await call(second, '/api/v5/account/config')).body.code).toBe('0');
  });

  it('counts per endpoint: the same key can still read positions', async () => {
    expect((await call(creds, '/api/v5/account/positions')).body.code).toBe('0');
  });

  it('lets requests through again once the window has passed', async () => {
    now += 1999;
    expect((await call(creds, '/api/v5/account/config')).body.code).toBe('50011');
    now += 1;
    expect((await call(creds, '/api/v5/account/config')).body.code).toBe('0');
  });

  it.each([
    ['/api/v5/account/bills', 5],
    ['/api/v5/account/bills-archive', 5],
    ['/api/v5/account/positions-history', 10],
    ['/api/v5/trade/fills-history?instType=SWAP', 10],
    ['/api/v5/trade/orders-history-archive?instType=SWAP', 20],
    ['/api/v5/trade/orders-history?instType=SWAP', 40],
    ['/api/v5/trade/orders-pending', 60],
  ])('%s allows %i per window', async (path, limit) => {
    const who = await sim.createAccount();
    const codes = await burst(who, path, limit + 1);
    expect(codes.slice(0, limit).every((code) => code === '0')).toBe(true);
    expect(codes[limit]).toBe('50011');
  });

  it('bills use a 1 s window, bills-archive a 2 s one', async () => {
    const who = await sim.createAccount();
    await burst(who, '/api/v5/account/bills', 5);
    await burst(who, '/api/v5/account/bills-archive', 5);
    now += 1000;
    expect((await call(who, '/api/v5/account/bills')).body.code).toBe('0');
    expect((await call(who, '/api/v5/account/bills-archive')).body.code).toBe('50011');
  });

  it('refused authentications do not use up the allowance', async () => {
    const who = await sim.createAccount();
    for (let i = 0; i < 6; i += 1) await sim.okx(who, { path: '/api/v5/account/config', timestamp: new Date(now).toISOString(), secret: 'wrong' });
    expect((await call(who, '/api/v5/account/config')).body.code).toBe('0');
  });
});
