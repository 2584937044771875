import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness } from '../../testing/sim-harness';

describe('public market routes (no key)', () => {
  let sim: SimHarness;

  beforeAll(async () => {
    sim = await SimHarness.start();
  });
  afterAll(() => sim.close());

  it('serves the mark price a control call set, at both mark-price paths', async () => {
    await sim.control('mark-price', { instId: 'BTC-USDT-SWAP', markPx: '58123.4' }, 200);
    for (const path of ['/api/v5/market/mark-price?instId=BTC-USDT-SWAP', '/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP']) {
      const reply = await sim.publicGet(path);
      expect(reply.body).toMatchObject({ code: '0', data: [{ instType: 'SWAP', instId: 'BTC-USDT-SWAP', markPx: '58123.4' }] });
    }
  });

  it('serves candles ending at the mark price, newest first, as string arrays', async () => {
    const reply = await sim.publicGet('/api/v5/market/candles?instId=BTC-USDT-SWAP&bar=1H&limit=24');
    const rows = reply.body.data as unknown as string[][];
    expect(rows).toHaveLength(24);
    expect(rows[0][4]).toBe('58123.4');
    expect(rows[0]).toHaveLength(9);
    expect(Number(rows[0][0]) - Number(rows[1][0])).toBe(3_600_000);
    expect((await sim.publicGet('/api/v5/market/candles?instId=BTC-USDT-SWAP&bar=7m')).body.code).toBe('51000');
    expect((await sim.publicGet('/api/v5/market/candles?bar=1m')).body.code).toBe('50014');
  });

  it('lists instruments with their contract values', async () => {
    const reply = await sim.publicGet('/api/v5/public/instruments?instType=SWAP');
    expect(reply.body.data).toContainEqual(expect.objectContaining({ instId: 'BTC-USDT-SWAP', ctVal: '0.01', settleCcy: 'USDT', state: 'live' }));
  });
});
