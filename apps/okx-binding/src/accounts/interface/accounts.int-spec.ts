import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OkxSimProcess } from '@liqpass/okx-client';
import { OkxBindingTestApp, randomWallet } from '../../testing/okx-binding-test-app';

/** `accounts.link` end to end: real service, Postgres, NATS and the OKX simulator process. */
describe('linking an OKX key (accounts.link)', () => {
  let sim: OkxSimProcess;
  let service: OkxBindingTestApp;

  beforeAll(async () => {
    sim = await OkxSimProcess.start();
    service = await OkxBindingTestApp.start('okx_accounts', sim);
  });

  afterAll(async () => {
    await service?.close();
    await sim?.stop();
  });

  it('links a read-only key after OKX confirmed it, answering { id, okxUid (masked), perm }', async () => {
    const account = await sim.createAccount({ perm: 'read_only' });
    const wallet = randomWallet();
    const reply = await service.link(wallet, account);
    expect(reply).toEqual({ ok: true, data: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), okxUid: `${account.uid.slice(0, 4)}…${account.uid.slice(-4)}`, perm: 'read_only' } });
    const rows = await service.sql<{ wallet: string; okx_uid: string; encryption_key_id: string; api_key_hint: string }>(
      'SELECT wallet, okx_uid, encryption_key_id, api_key_hint FROM linked_accounts WHERE id = $1',
      [reply.ok ? reply.data.id : null],
    );
    expect(rows).toEqual([{ wallet, okx_uid: account.uid, encryption_key_id: 'local-dev', api_key_hint: account.apiKey.slice(-4) }]);
  });

  it('links the same key again as the same account (secrets refreshed), and stores it under the wallet in lower case', async () => {
    const account = await sim.createAccount();
    const wallet = randomWallet().replace('0x', '0X').toUpperCase().replace('0X', '0x');
    const first = await service.link(wallet, account);
    const second = await service.link(wallet.toLowerCase(), account);
    expect(first.ok && second.ok && first.data.id === second.data.id).toBe(true);
    expect(await service.sql('SELECT 1 FROM linked_accounts WHERE wallet = $1', [wallet.toLowerCase()])).toHaveLength(1);
  });

  it.each(['read_only,trade', 'read_only,withdraw', 'read_only,trade,withdraw'])('refuses a key with perm %s: OKX_KEY_NOT_READ_ONLY, nothing stored', async (perm) => {
    const account = await sim.createAccount({ perm });
    const wallet = randomWallet();
    expect(await service.link(wallet, account)).toEqual({
      ok: false,
      error: { code: 'OKX_KEY_NOT_READ_ONLY', status: 400, message: expect.stringContaining('read_only permission only') },
    });
    expect(await service.sql('SELECT 1 FROM linked_accounts WHERE wallet = $1', [wallet])).toEqual([]);
  });

  it.each([
    ['a wrong secret', { secretKey: 'ABCDEF0123456789ABCDEF0123456789' }, /secret key does not match/],
    ['a wrong passphrase', { passphrase: 'wrong-passphrase' }, /passphrase does not match/],
    ['an unknown key', { apiKey: 'unknown-key-1234' }, /does not know this API key/],
  ])('refuses %s: OKX_KEY_INVALID (400), nothing stored', async (_what, change, message) => {
    const account = await sim.createAccount();
    const wallet = randomWallet();
    expect(await service.link(wallet, { ...account, ...change })).toEqual({ ok: false, error: { code: 'OKX_KEY_INVALID', status: 400, message: expect.stringMatching(message) } });
    expect(await service.sql('SELECT 1 FROM linked_accounts WHERE wallet = $1', [wallet])).toEqual([]);
  });

  it('refuses a demo-trading key on a live deployment: OKX_KEY_INVALID', async () => {
    const account = await sim.createAccount({ demo: true });
    expect(await service.link(randomWallet(), account)).toMatchObject({ ok: false, error: { code: 'OKX_KEY_INVALID', message: expect.stringContaining('demo trading vs live') } });
  });

  it('answers OKX_UNAVAILABLE (503) when OKX is down, after retrying', async () => {
    const account = await sim.createAccount();
    await sim.setFault({ path: '/api/v5/account/config', errorCode: 503 });
    try {
      expect(await service.link(randomWallet(), account)).toMatchObject({ ok: false, error: { code: 'OKX_UNAVAILABLE', status: 503 } });
    } finally {
      await sim.clearFaults();
    }
  });

  it('refuses malformed requests with VALIDATION_FAILED, without echoing the values', async () => {
    const reply = await service.call('accounts.link', { caller: { kind: 'wallet', wallet: randomWallet() }, query: {}, body: { apiKey: 'short', secretKey: 'has spaces in it!!', passphrase: '' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', status: 400 } });
    const message = reply.ok ? '' : reply.error.message;
    expect(message).toMatch(/body\.apiKey/);
    expect(message).not.toContain('has spaces in it');
  });
});
