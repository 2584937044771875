import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness, type SimCredentials } from '../../testing/sim-harness';

describe('newest-first pagination with after / before / limit / begin / end', () => {
  let sim: SimHarness;
  let creds: SimCredentials;
  const base = Date.now() - 3_600_000;
  const ordIds: string[] = [];

  beforeAll(async () => {
    sim = await SimHarness.start();
    creds = await sim.createAccount();
    for (let i = 0; i < 230; i += 1) {
      const { ordId } = await sim.control<{ ordId: string }>('orders', { uid: creds.uid, instId: 'BTC-USDT-SWAP', side: 'buy', sz: '1', px: '60000', state: 'filled', ts: base + i * 1000 });
      ordIds.push(ordId);
    }
  });
  afterAll(() => sim.close());

  const page = async (query: string) => {
    const reply = await sim.okx(creds, { path: `/api/v5/trade/orders-history?instType=SWAP${query}` });
    expect(reply.body.code).toBe('0');
    return reply.body.data!.map((o) => o.ordId);
  };
  const newestFirst = () => [...ordIds].reverse();

  it('returns at most 100, newest first, by default', async () => {
    expect(await page('')).toEqual(newestFirst().slice(0, 100));
  });

  it('walks every order backwards with after = last ordId, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let guard = 0; guard < 10; guard += 1) {
      const batch = await page(`&limit=100${cursor ? `&after=${cursor}` : ''}`);
      if (batch.length === 0) break;
      seen.push(...batch);
      cursor = batch[batch.length - 1];
    }
    expect(seen).toEqual(newestFirst());
  });

  it('walks forwards with before = first ordId of the newer page', async () => {
    const oldest = ordIds.slice(0, 5);
    expect(await page(`&before=${oldest[0]}&limit=3`)).toEqual([ordIds[3], ordIds[2], ordIds[1]]);
  });

  it('filters by begin / end on cTime, inclusively', async () => {
    expect(await page(`&begin=${base + 10_000}&end=${base + 12_000}`)).toEqual([ordIds[12], ordIds[11], ordIds[10]]);
  });

  it('pages positions-history by uTime and bills by billId', async () => {
    const uTimes: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { posId } = await sim.control<{ posId: string }>('positions', { uid: creds.uid, instId: 'ETH-USDT-SWAP', posSide: i % 2 ? 'long' : 'short', mgnMode: 'isolated', lever: '10', sz: '1', avgPx: '3000', ts: base + i * 10_000 });
      await sim.control('close', { uid: creds.uid, posId, ts: base + i * 10_000 + 5000 });
      uTimes.unshift(String(base + i * 10_000 + 5000));
    }
    const first = (await sim.okx(creds, { path: '/api/v5/account/positions-history?limit=2' })).body.data!;
    expect(first.map((h) => h.uTime)).toEqual(uTimes.slice(0, 2));
    const next = (await sim.okx(creds, { path: `/api/v5/account/positions-history?limit=2&after=${first[1].uTime}` })).body.data!;
    expect(next.map((h) => h.uTime)).toEqual(uTimes.slice(2, 4));

    const bills = (await sim.okx(creds, { path: '/api/v5/account/bills?limit=3' })).body.data!;
    const older = (await sim.okx(creds, { path: `/api/v5/account/bills?limit=3&after=${bills[2].billId}` })).body.data!;
    const ids = [...bills, ...older].map((b) => BigInt(b.billId));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    expect(new Set(ids).size).toBe(6);
  });
});
