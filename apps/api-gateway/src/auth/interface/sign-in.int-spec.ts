import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anvilWallet, postJson, siweMessage } from '../../testing/siwe-signer';
import { startTestGateway, type TestGateway } from '../../testing/test-gateway';

/** Sign-In with Ethereum through real HTTP, real signatures (anvil accounts) and the real nonce table. */
describe('SIWE sign-in', () => {
  let gw: TestGateway;
  const trader = anvilWallet(6);
  const reviewer = anvilWallet(1);
  const other = anvilWallet(7);

  beforeAll(async () => {
    gw = await startTestGateway('gateway_sign_in');
  });
  afterAll(async () => {
    await gw?.close();
  });

  const nonce = async () => ((await (await postJson(gw.base, '/auth/siwe/nonce', {})).json()) as { nonce: string }).nonce;
  const verify = (message: string, signature: string) => postJson(gw.base, '/auth/siwe/verify', { message, signature });
  const expectRefusal = async (response: Response, reason: RegExp) => {
    const body = (await response.json()) as { error: string; message: string; traceId: string };
    expect(response.status).toBe(401);
    expect(body).toEqual({ error: 'UNAUTHORIZED', message: expect.stringMatching(reason), traceId: response.headers.get('x-correlation-id') });
  };

  it('signs a wallet in: a real EIP-4361 message, a session token, the roles it holds', async () => {
    const issued = await nonce();
    expect(issued).toMatch(/^[0-9a-f]{32}$/);
    const message = siweMessage(reviewer.address, { nonce: issued });
    const response = await verify(message, await reviewer.signMessage(message));
    const body = (await response.json()) as { token: string; address: string; roles: string[]; expiresAt: string };
    expect(response.status).toBe(200);
    expect(body.address).toBe(reviewer.address);
    expect(body.roles).toEqual(['reviewer']);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const session = await fetch(`${gw.base}/auth/session`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(await session.json()).toEqual({ address: reviewer.address, roles: ['reviewer'], expiresAt: body.expiresAt });
    const [row] = await gw.sql<{ consumed_by: string }>('SELECT consumed_by FROM siwe_nonces WHERE nonce = $1', [issued]);
    expect(row.consumed_by).toBe(reviewer.address);
    expect(await gw.sql('SELECT wallet FROM users WHERE wallet = $1', [reviewer.address])).toHaveLength(1);
  });

  it('accepts a message written by hand in the EIP-4361 layout, not only the library’s', async () => {
    const message = [
      'localhost:3000 wants you to sign in with your Ethereum account:',
      trader.address,
      '',
      'Sign in to LiqPass.',
      '',
      'URI: http://localhost:3000',
      'Version: 1',
      'Chain ID: 31337',
      `Nonce: ${await nonce()}`,
      `Issued At: ${new Date().toISOString()}`,
    ].join('\n');
    const response = await verify(message, await trader.signMessage(message));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { roles: string[] }).roles).toEqual([]);
  });

  it('refuses a replayed message: the nonce is single-use', async () => {
    const message = siweMessage(trader.address, { nonce: await nonce() });
    const signature = await trader.signMessage(message);
    expect((await verify(message, signature)).status).toBe(200);
    await expectRefusal(await verify(message, signature), /nonce is unknown, expired or already used/);
  });

  it('lets exactly one of several simultaneous sign-ins with the same message through', async () => {
    const message = siweMessage(trader.address, { nonce: await nonce() });
    const signature = await trader.signMessage(message);
    const statuses = await Promise.all(Array.from({ length: 6 }, async () => (await verify(message, signature)).status));
    expect(statuses.sort()).toEqual([200, 401, 401, 401, 401, 401]);
  });

  it('refuses a nonce the gateway never issued, and one that has expired', async () => {
    const made = siweMessage(trader.address, { nonce: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' });
    await expectRefusal(await verify(made, await trader.signMessage(made)), /nonce is unknown/);
    const stale = await nonce();
    await gw.sql(`UPDATE siwe_nonces SET issued_at = now() - interval '10 minutes', expires_at = now() - interval '1 second' WHERE nonce = $1`, [stale]);
    const message = siweMessage(trader.address, { nonce: stale });
    await expectRefusal(await verify(message, await trader.signMessage(message)), /nonce is unknown, expired or already used/);
  });

  it('refuses a message for another domain', async () => {
    const message = siweMessage(trader.address, { nonce: await nonce(), domain: 'evil.example' });
    await expectRefusal(await verify(message, await trader.signMessage(message)), /domain evil.example, not localhost:3000/);
  });

  it('refuses a message for another chain', async () => {
    const message = siweMessage(trader.address, { nonce: await nonce(), chainId: 1 });
    await expectRefusal(await verify(message, await trader.signMessage(message)), /chain 1, not 31337/);
  });

  it('refuses an expired message and a stale one', async () => {
    const expired = siweMessage(trader.address, { nonce: await nonce(), expirationTime: new Date(Date.now() - 1000) });
    await expectRefusal(await verify(expired, await trader.signMessage(expired)), /expired/);
    const old = siweMessage(trader.address, { nonce: await nonce(), issuedAt: new Date(Date.now() - 3_600_000) });
    await expectRefusal(await verify(old, await trader.signMessage(old)), /too old/);
  });

  it('refuses a tampered message, and the nonce survives the attempt', async () => {
    const issued = await nonce();
    const message = siweMessage(trader.address, { nonce: issued });
    const signature = await trader.signMessage(message);
    await expectRefusal(await verify(message.replace('Sign in to LiqPass.', 'Sign in to LiqPass!'), signature), /signature does not match/);
    const swapped = message.replace(trader.address, other.address);
    await expectRefusal(await verify(swapped, signature), /signature does not match/);
    expect((await verify(message, signature)).status).toBe(200);
  });

  it('refuses a signature by another wallet, and garbage', async () => {
    const message = siweMessage(trader.address, { nonce: await nonce() });
    await expectRefusal(await verify(message, await other.signMessage(message)), /signature does not match/);
    await expectRefusal(await verify(message, `0x${'11'.repeat(65)}`), /signature does not match/);
    await expectRefusal(await verify('not a sign-in message', await trader.signMessage('x')), /not a valid EIP-4361/);
  });

  it('refreshes a live session, and refuses expired, forged and missing tokens', async () => {
    const message = siweMessage(trader.address, { nonce: await nonce() });
    const { token } = (await (await verify(message, await trader.signMessage(message))).json()) as { token: string };
    const refreshed = await postJson(gw.base, '/auth/refresh', {}, { authorization: `Bearer ${token}` });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toMatchObject({ address: trader.address, token: expect.any(String) });

    const secret = new TextEncoder().encode('local-dev-session-secret-change-me-0123456789');
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>, exp: number, key = secret) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(trader.address).setIssuer('liqpass-gateway').setAudience('liqpass').setExpirationTime(exp).sign(key);
    const get = (authorization?: string) => fetch(`${gw.base}/purchase_orders`, { headers: authorization ? { authorization } : {} });
    await expectRefusal(await get(`Bearer ${await sign({ sat: now - 100 }, now - 1)}`), /session has expired/);
    await expectRefusal(await get(`Bearer ${await sign({ sat: now }, now + 60, new TextEncoder().encode('x'.repeat(40)))}`), /not valid/);
    await expectRefusal(await get(`Bearer ${token.slice(0, -2)}xx`), /not valid/);
    await expectRefusal(await get(`Basic ${token}`), /must be Bearer/);
    await expectRefusal(await get(), /sign in first/);
    const tooOld = await sign({ sat: now - 50_000 }, now + 60);
    await expectRefusal(await postJson(gw.base, '/auth/refresh', {}, { authorization: `Bearer ${tooOld}` }), /can no longer be refreshed/);
  });
});
