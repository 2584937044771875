import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { OkxSimProcess, type SimAccount } from '@liqpass/okx-client';
import { eventually } from '@liqpass/testing';
import { OkxBindingTestApp, randomWallet } from './testing/okx-binding-test-app';

/**
 * PRODUCT.md §2 step 2: secrets are never logged or returned. A whole session — links that
 * work and fail, lists, bindings that work and fail, OKX failing — with the service logging at
 * trace level; then every captured log line, every reply and the stored rows are searched for
 * the API keys, secrets and passphrases used.
 */
describe('OKX secrets never leave okx-binding', () => {
  let sim: OkxSimProcess;
  let service: OkxBindingTestApp;
  const used: string[] = [];

  beforeAll(async () => {
    sim = await OkxSimProcess.start();
    service = await OkxBindingTestApp.start('okx_secrets', sim);
  });

  afterAll(async () => {
    await service?.close();
    await sim?.stop();
  });

  const remember = (account: SimAccount) => {
    used.push(account.apiKey, account.secretKey, account.passphrase);
    return account;
  };
  const asTrader = (wallet: string) => ({ caller: { kind: 'wallet', wallet }, params: {}, query: {}, body: null });

  it('runs a whole session that touches every path', async () => {
    const wallet = randomWallet();
    const account = remember(await sim.createAccount());
    const trading = remember(await sim.createAccount({ perm: 'read_only,trade,withdraw' }));
    const wrongSecret = { ...remember(await sim.createAccount()), secretKey: 'ZZZZ0123456789ZZZZ0123456789ZZZZ' };
    used.push(wrongSecret.secretKey);

    expect((await service.link(wallet, account)).ok).toBe(true);
    expect(await service.link(wallet, trading)).toMatchObject({ ok: false, error: { code: 'OKX_KEY_NOT_READ_ONLY' } });
    expect(await service.link(wallet, wrongSecret)).toMatchObject({ ok: false, error: { code: 'OKX_KEY_INVALID' } });
    await service.call('accounts.link', { caller: { kind: 'wallet', wallet }, query: {}, body: { apiKey: account.apiKey, secretKey: 'bad secret!', passphrase: account.passphrase } });

    const position = await sim.openPosition({ uid: account.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: 20, sz: 1, avgPx: 60000 });
    expect((await service.call('positions.list', asTrader(wallet))).ok).toBe(true);
    expect((await service.call('orders.list', asTrader(wallet))).ok).toBe(true);
    const payload = await service.publishPolicyCreated({ userWallet: wallet });
    await eventually(async () => (await service.sql('SELECT 1 FROM purchase_order_terms WHERE purchase_order_id = $1', [payload.purchaseOrderId])).length === 1);
    expect((await service.call('bindings.verify', { purchaseOrderId: payload.purchaseOrderId, wallet, ordId: position.ordId, instId: 'BTC-USDT-SWAP' })).ok).toBe(true);
    expect((await service.call('bindings.verify', { purchaseOrderId: randomUUID(), wallet, ordId: '1', instId: 'BTC-USDT-SWAP', terms: { instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: '20' } })).ok).toBe(false);

    await sim.setFault({ path: '/api/v5/account/positions', errorCode: 500 });
    expect((await service.call('positions.list', asTrader(wallet))).ok).toBe(false);
    await sim.clearFaults();
  });

  it('logged the session (so the search below means something)', () => {
    const text = service.logLines.join('\n');
    expect(service.logLines.length).toBeGreaterThan(10);
    expect(text).toContain('okx key linked');
    expect(text).toContain('okx key refused: not read-only');
    expect(text).toContain('okx order bound');
  });

  it('wrote no API key, secret or passphrase to any log line', () => {
    const text = service.logLines.join('\n');
    for (const secret of used) expect(text).not.toContain(secret);
  });

  it('returned none in any reply', () => {
    const text = JSON.stringify(service.replies);
    expect(service.replies.length).toBeGreaterThan(5);
    for (const secret of used) expect(text).not.toContain(secret);
  });

  it('stored none in clear: the credentials column holds only AES-256-GCM ciphertext', async () => {
    const rows = await service.sql('SELECT * FROM linked_accounts');
    expect(rows).toHaveLength(1);
    const text = JSON.stringify(rows);
    for (const secret of used) expect(text).not.toContain(secret);
    expect(rows[0]).toMatchObject({ credentials_ciphertext: expect.stringMatching(/^v1\./), encryption_key_id: 'local-dev' });
    const events = JSON.stringify(await service.sql('SELECT envelope FROM outbox'));
    for (const secret of used) expect(events).not.toContain(secret);
  });
});
