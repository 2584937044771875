import { describe, expect, it } from 'vitest';
import type { PolicyView } from './claim-preconditions';
import { ORDERS_HISTORY_REACH_MS, verificationReads } from './okx-reads';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const DAY = 86_400_000;
const policy = (posCTimeMs: number | null, boundAtMs = NOW - DAY, posSzAtBind: string | null = '2'): PolicyView =>
  ({ instId: 'BTC-USDT-SWAP', posId: '991', posCTime: posCTimeMs === null ? null : String(posCTimeMs), ordId: '42', posSzAtBind, boundAt: new Date(boundAtMs), paidAt: new Date(boundAtMs) }) as PolicyView;
const names = (p: PolicyView) => verificationReads(p, NOW).map((call) => call.name);

describe('the OKX reads of a verification', () => {
  it('for a position younger than history keeps: history only, no archive reads', () => {
    expect(names(policy(NOW - 2 * DAY))).toEqual(['orders-history:full_liquidation', 'orders-history:partial_liquidation', 'fills-history', 'bills', 'positions-history']);
  });

  it('reads the insured order only for a binding recorded without the insured size', () => {
    expect(names(policy(NOW - 2 * DAY))).not.toContain('insured-order');
    expect(verificationReads(policy(NOW - 2 * DAY, NOW - DAY, null), NOW).find((call) => call.name === 'insured-order')).toEqual({ name: 'insured-order', endpoint: 'order', query: { instId: 'BTC-USDT-SWAP', ordId: '42' } });
  });

  it('for a position opened before history reaches: the archive too, per category', () => {
    const calls = verificationReads(policy(NOW - 20 * DAY), NOW);
    expect(calls.map((call) => call.name)).toContain('orders-history-archive:full_liquidation');
    expect(calls.map((call) => call.name)).toContain('orders-history-archive:partial_liquidation');
    expect(calls.find((call) => call.name === 'orders-history-archive:partial_liquidation')).toMatchObject({ endpoint: 'ordersHistoryArchive', query: { instType: 'SWAP', category: 'partial_liquidation', begin: String(NOW - 20 * DAY) } });
  });

  it('takes the archive from a day before history’s 7-day edge', () => {
    expect(names(policy(NOW - ORDERS_HISTORY_REACH_MS + 1))).not.toContain('orders-history-archive:full_liquidation');
    expect(names(policy(NOW - ORDERS_HISTORY_REACH_MS - 1))).toContain('orders-history-archive:full_liquidation');
  });

  it('without the position’s creation time, reads from a day before binding', () => {
    const calls = verificationReads(policy(null, NOW - 6 * DAY), NOW);
    expect(calls[0]!.query.begin).toBe(String(NOW - 7 * DAY));
    expect(calls.map((call) => call.name)).toContain('orders-history-archive:full_liquidation');
  });
});
