import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness, type SimCredentials } from '../../testing/sim-harness';

// Every authentication and permission code of OKX.md's table the simulator can produce, with its HTTP status.
describe('OKX authentication errors', () => {
  let sim: SimHarness;
  let creds: SimCredentials;
  const config = '/api/v5/account/config';

  beforeAll(async () => {
    sim = await SimHarness.start();
    creds = await sim.createAccount();
  });
  afterAll(() => sim.close());

  it('50105: passphrase incorrect', async () => {
    expect(await sim.okx(creds, { path: config, headers: { 'OK-ACCESS-PASSPHRASE': 'not-it' } })).toMatchObject({ status: 401, body: { code: '50105' } });
  });

  it('50111: an API key the exchange never issued', async () => {
    const unknown = { ...creds, apiKey: '00000000-0000-0000-0000-000000000000' };
    expect(await sim.okx(unknown, { path: config })).toMatchObject({ status: 401, body: { code: '50111' } });
  });

  it('50112: a timestamp that is not ISO-8601 with milliseconds', async () => {
    for (const timestamp of [String(Date.now()), new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), 'yesterday']) {
      expect(await sim.okx(creds, { path: config, timestamp })).toMatchObject({ status: 401, body: { code: '50112' } });
    }
  });

  it('50102: also a timestamp more than 30 s in the future', async () => {
    const timestamp = new Date(Date.now() + 45_000).toISOString();
    expect(await sim.okx(creds, { path: config, timestamp })).toMatchObject({ status: 401, body: { code: '50102' } });
  });

  it('50110: the caller IP is not in the key whitelist', async () => {
    const fenced = await sim.createAccount({ ipWhitelist: ['10.1.2.3'] });
    const reply = await sim.okx(fenced, { path: config });
    expect(reply).toMatchObject({ status: 401, body: { code: '50110' } });
    expect(reply.body.msg).toContain('127.0.0.1');
    const local = await sim.createAccount({ ipWhitelist: ['10.1.2.3', '127.0.0.1'] });
    expect((await sim.okx(local, { path: config })).body).toMatchObject({ code: '0', data: [{ ip: '10.1.2.3,127.0.0.1' }] });
  });

  it('50101: a demo key without x-simulated-trading, or a live key with it', async () => {
    const demo = await sim.createAccount({ demo: true });
    expect(await sim.okx(demo, { path: config })).toMatchObject({ status: 401, body: { code: '50101' } });
    expect((await sim.okx(demo, { path: config, demo: true })).body.code).toBe('0');
    expect(await sim.okx(creds, { path: config, demo: true })).toMatchObject({ status: 401, body: { code: '50101' } });
  });

  it('50119 (HTTP 200): a key that was deleted', async () => {
    const doomed = await sim.createAccount();
    await sim.control('keys/revoke', { apiKey: doomed.apiKey }, 200);
    expect(await sim.okx(doomed, { path: config })).toMatchObject({ status: 200, body: { code: '50119', data: [] } });
  });

  it('50120 (HTTP 200): a read-only key calling a trade endpoint', async () => {
    const body = JSON.stringify({ instId: 'BTC-USDT-SWAP', lever: '5', mgnMode: 'isolated' });
    const reply = await sim.okx(creds, { path: '/api/v5/account/set-leverage', method: 'POST', body });
    expect(reply).toMatchObject({ status: 200, body: { code: '50120', data: [] } });
    const trader = await sim.createAccount({ perm: 'read_only,trade' });
    expect((await sim.okx(trader, { path: '/api/v5/account/set-leverage', method: 'POST', body })).body).toMatchObject({
      code: '0',
      data: [{ instId: 'BTC-USDT-SWAP', lever: '5', mgnMode: 'isolated' }],
    });
  });

  it('reports perm on /account/config in OKX order, several keys sharing one uid', async () => {
    const first = await sim.createAccount({ perm: 'withdraw,trade,read_only' });
    const second = await sim.createAccount({ uid: first.uid });
    expect((await sim.okx(first, { path: config })).body.data?.[0]).toMatchObject({ uid: first.uid, perm: 'read_only,trade,withdraw' });
    expect((await sim.okx(second, { path: config })).body.data?.[0]).toMatchObject({ uid: first.uid, perm: 'read_only' });
  });
});
