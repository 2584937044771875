import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness, type SimCredentials } from '../../testing/sim-harness';

// The acceptance point of issue 5: requests are signed here with node:crypto, not with any
// signer of the project, and the simulator must accept them and refuse each kind of mistake.
const hmac = (secret: string, prehash: string) => createHmac('sha256', secret).update(prehash).digest('base64');

async function rawGet(sim: SimHarness, path: string, headers: Record<string, string>) {
  const response = await fetch(`${sim.baseUrl}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as { code: string; msg: string; data?: unknown[] } };
}

describe('OKX REST authentication', () => {
  let sim: SimHarness;
  let creds: SimCredentials;

  beforeAll(async () => {
    sim = await SimHarness.start();
    creds = await sim.createAccount();
  });
  afterAll(() => sim.close());

  const headersFor = (path: string, overrides: { secret?: string; timestamp?: string } = {}) => {
    const timestamp = overrides.timestamp ?? new Date().toISOString();
    return {
      'OK-ACCESS-KEY': creds.apiKey,
      'OK-ACCESS-PASSPHRASE': creds.passphrase,
      'OK-ACCESS-TIMESTAMP': timestamp,
      'OK-ACCESS-SIGN': hmac(overrides.secret ?? creds.secretKey, `${timestamp}GET${path}`),
    };
  };

  it('accepts a request signed by an independent HMAC implementation', async () => {
    const path = '/api/v5/account/config';
    const reply = await rawGet(sim, path, headersFor(path));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ code: '0', msg: '', data: [{ uid: creds.uid, perm: 'read_only' }] });
  });

  it('accepts a GET that carries Content-Type: application/json, as some SDKs send', async () => {
    const path = '/api/v5/account/config';
    const reply = await rawGet(sim, path, { ...headersFor(path), 'Content-Type': 'application/json' });
    expect(reply.body.code).toBe('0');
  });

  it('refuses a wrong secret with 50113 (HTTP 401, no data)', async () => {
    const path = '/api/v5/account/config';
    const reply = await rawGet(sim, path, headersFor(path, { secret: 'NOT-THE-SECRET' }));
    expect(reply.status).toBe(401);
    expect(reply.body.code).toBe('50113');
    expect(reply.body).not.toHaveProperty('data');
  });

  it('refuses a timestamp older than 30 s with 50102', async () => {
    const path = '/api/v5/account/config';
    const reply = await rawGet(sim, path, headersFor(path, { timestamp: new Date(Date.now() - 60_000).toISOString() }));
    expect(reply).toMatchObject({ status: 401, body: { code: '50102' } });
  });

  it.each([
    ['OK-ACCESS-KEY', '50103'],
    ['OK-ACCESS-PASSPHRASE', '50104'],
    ['OK-ACCESS-SIGN', '50106'],
    ['OK-ACCESS-TIMESTAMP', '50107'],
  ])('refuses a request without %s with %s', async (header, code) => {
    const path = '/api/v5/account/config';
    const headers: Record<string, string> = headersFor(path);
    delete headers[header];
    const reply = await rawGet(sim, path, headers);
    expect(reply).toMatchObject({ status: 401, body: { code } });
  });

  it('verifies the path and query exactly as sent', async () => {
    const sent = '/api/v5/account/positions?instId=BTC-USDT-SWAP%2CETH-USDT-SWAP&instType=SWAP';
    expect((await rawGet(sim, sent, headersFor(sent))).body.code).toBe('0');
    // Signed with the query in another order, or decoded: a different string, so a bad sign.
    const reordered = '/api/v5/account/positions?instType=SWAP&instId=BTC-USDT-SWAP%2CETH-USDT-SWAP';
    expect((await rawGet(sim, sent, headersFor(reordered))).body.code).toBe('50113');
    const decoded = '/api/v5/account/positions?instId=BTC-USDT-SWAP,ETH-USDT-SWAP&instType=SWAP';
    expect((await rawGet(sim, sent, headersFor(decoded))).body.code).toBe('50113');
  });

  it('verifies a POST over the raw body bytes', async () => {
    const trader = await sim.createAccount({ perm: 'read_only,trade' });
    const path = '/api/v5/account/set-leverage';
    const body = '{"instId":"BTC-USDT-SWAP",  "lever":"5","mgnMode":"isolated"}';
    const timestamp = new Date().toISOString();
    const headers = {
      'OK-ACCESS-KEY': trader.apiKey, 'OK-ACCESS-PASSPHRASE': trader.passphrase, 'OK-ACCESS-TIMESTAMP': timestamp,
      'Content-Type': 'application/json',
    };
    const post = (signedBody: string) =>
      fetch(`${sim.baseUrl}${path}`, { method: 'POST', body, headers: { ...headers, 'OK-ACCESS-SIGN': hmac(trader.secretKey, `${timestamp}POST${path}${signedBody}`) } })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as { code: string } }));
    expect(await post(body)).toMatchObject({ status: 200, body: { code: '0' } });
    expect((await post(JSON.stringify(JSON.parse(body)))).body.code).toBe('50113');
  });
});
