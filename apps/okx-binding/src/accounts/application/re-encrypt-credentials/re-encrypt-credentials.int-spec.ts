import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@liqpass/observability';
import { OkxSimProcess, type SimAccount } from '@liqpass/okx-client';
import { OkxBindingTestApp, randomWallet } from '../../../testing/okx-binding-test-app';
import { reEncryptCredentials } from './re-encrypt-credentials.run';

const OLD = `old:${Buffer.alloc(32, 11).toString('base64')}`;
const NEW = `new:${Buffer.alloc(32, 22).toString('base64')}`;

/**
 * Key rotation: put the new key first (old ones still open their rows), run the command, and
 * every row is sealed under the new key — after which the old key can go.
 */
describe('rotating the credentials key', () => {
  let sim: OkxSimProcess;
  let service: OkxBindingTestApp;
  const accounts: { wallet: string; account: SimAccount }[] = [];
  const silent = createLogger('okx-binding', 'silent');

  beforeAll(async () => {
    sim = await OkxSimProcess.start();
    service = await OkxBindingTestApp.start('okx_rotation', sim, { OKX_ENCRYPTION_KEYS: OLD });
    for (let i = 0; i < 3; i += 1) {
      const entry = { wallet: randomWallet(), account: await sim.createAccount() };
      expect((await service.link(entry.wallet, entry.account)).ok).toBe(true);
      await sim.openPosition({ uid: entry.account.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'cross', lever: 10, sz: 1, avgPx: 60000 });
      accounts.push(entry);
    }
    await service.app.close();
  });

  afterAll(async () => {
    await service?.close();
    await sim?.stop();
  });

  const keyIds = async () => (await service.sql<{ encryption_key_id: string }>('SELECT encryption_key_id FROM linked_accounts ORDER BY id')).map((r) => r.encryption_key_id);
  const ciphertexts = async () => (await service.sql<{ credentials_ciphertext: string }>('SELECT credentials_ciphertext FROM linked_accounts ORDER BY id')).map((r) => r.credentials_ciphertext);

  async function positionsWork(keys: string): Promise<boolean> {
    const restarted = await OkxBindingTestApp.start('okx_rotation_check', sim, { OKX_ENCRYPTION_KEYS: keys, DATABASE_URL: service.env.DATABASE_URL! });
    try {
      const replies = await Promise.all(accounts.map(({ wallet }) => restarted.call<{ positions: unknown[] }>('positions.list', { caller: { kind: 'wallet', wallet }, query: {}, body: null })));
      return replies.every((reply) => reply.ok && reply.data.positions.length === 1);
    } finally {
      await restarted.close();
    }
  }

  it('stores rows under the key that sealed them', async () => {
    expect(await keyIds()).toEqual(['old', 'old', 'old']);
  });

  it('keeps old rows readable once the new key is first', async () => {
    expect(await positionsWork(`${NEW},${OLD}`)).toBe(true);
  });

  it('re-seals every old row under the new key, and can be repeated', async () => {
    const before = await ciphertexts();
    const report = await reEncryptCredentials({ ...service.env, OKX_ENCRYPTION_KEYS: `${NEW},${OLD}` }, { batchSize: 2, logger: silent });
    expect(report).toEqual({ activeKeyId: 'new', reencrypted: 3, failed: [], byKeyId: { new: 3 } });
    expect(await keyIds()).toEqual(['new', 'new', 'new']);
    const after = await ciphertexts();
    after.forEach((ciphertext, i) => expect(ciphertext).not.toBe(before[i]));
    expect(await reEncryptCredentials({ ...service.env, OKX_ENCRYPTION_KEYS: `${NEW},${OLD}` }, { logger: silent })).toMatchObject({ reencrypted: 0, failed: [] });
  });

  it('lets the old key go afterwards: rows open with the new key alone', async () => {
    expect(await positionsWork(NEW)).toBe(true);
  });

  it('reports rows it cannot open and leaves them untouched', async () => {
    await service.sql(`UPDATE linked_accounts SET encryption_key_id = 'retired' WHERE id = (SELECT id FROM linked_accounts ORDER BY id LIMIT 1)`);
    const report = await reEncryptCredentials({ ...service.env, OKX_ENCRYPTION_KEYS: NEW }, { logger: silent });
    expect(report.reencrypted).toBe(0);
    expect(report.failed).toEqual([{ accountId: expect.any(String), problem: 'no configured encryption key has id "retired" (OKX_ENCRYPTION_KEYS)' }]);
    expect(report.byKeyId).toEqual({ new: 2, retired: 1 });
  });
});
