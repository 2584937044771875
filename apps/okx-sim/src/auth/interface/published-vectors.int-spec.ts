import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness, type SimCredentials } from '../../testing/sim-harness';

// OKX.md's published vectors, sent verbatim over HTTP to a simulator whose clock stands at the
// vector's timestamp, with OKX's documented example secret: the server side of the signature
// agrees with OKX byte for byte.
const SECRET = '22582BD0CFF14C41EDBF1AB98506286D';
const AT = '2020-12-08T09:08:57.715Z';

describe('published OKX signature vectors, verified by the simulator', () => {
  let sim: SimHarness;
  let creds: SimCredentials;

  beforeAll(async () => {
    sim = await SimHarness.start({ now: () => Date.parse(AT) });
    creds = await sim.createAccount({ secretKey: SECRET, perm: 'read_only,trade' });
  });
  afterAll(() => sim.close());

  const send = (method: string, path: string, sign: string, body?: string) =>
    fetch(`${sim.baseUrl}${path}`, {
      method,
      body,
      headers: {
        'OK-ACCESS-KEY': creds.apiKey, 'OK-ACCESS-PASSPHRASE': creds.passphrase, 'OK-ACCESS-TIMESTAMP': AT, 'OK-ACCESS-SIGN': sign,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code: string; data?: Record<string, string>[] } }));

  it('GET /api/v5/account/balance?ccy=BTC', async () => {
    const reply = await send('GET', '/api/v5/account/balance?ccy=BTC', 'HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=');
    expect(reply).toMatchObject({ status: 200, body: { code: '0' } });
  });

  it('POST /api/v5/account/set-leverage with the exact body', async () => {
    const body = '{"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}';
    const reply = await send('POST', '/api/v5/account/set-leverage', 'eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8=', body);
    expect(reply).toMatchObject({ status: 200, body: { code: '0', data: [{ instId: 'BTC-USDT', lever: '5', mgnMode: 'isolated' }] } });
  });

  it('refuses the same vector one character off', async () => {
    const reply = await send('GET', '/api/v5/account/balance?ccy=ETH', 'HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=');
    expect(reply).toMatchObject({ status: 401, body: { code: '50113' } });
  });
});
