import { describe, expect, it } from 'vitest';
import { claimPreconditions, mayBeCatchingUp, type PolicyView } from './claim-preconditions';

const HOLDER = '0x14dc79964da2c08b23698b3d3cc7ca32193d9955';
const now = new Date('2026-12-06T12:00:00Z');
const active: PolicyView = {
  purchaseOrderId: 'po', orderId: '0x1', userWallet: HOLDER, chainId: 31337, payoutFixedUsdc: '500000000', payoutCapUsdc: '500000000',
  instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', ordId: '1', posId: '2', posCTime: '3', okxUid: '9', posSzAtBind: '2',
  boundAt: new Date('2026-12-06T10:00:00Z'), paidAt: new Date('2026-12-06T10:00:00Z'), coverageStartAt: new Date('2026-12-06T10:00:00Z'), coverageEndAt: new Date('2026-12-07T10:00:00Z'),
};
const refusalOf = (policy: PolicyView | null, claimant = HOLDER) => claimPreconditions(policy, claimant, now, 0)!;

describe('whether a refusal may only be the read model catching up', () => {
  it('yes for the holder of an unpaid, unbound or window-less policy, and for a policy not seen at all', () => {
    expect(mayBeCatchingUp({ ...active, paidAt: null }, HOLDER, refusalOf({ ...active, paidAt: null }))).toBe(true);
    expect(mayBeCatchingUp({ ...active, ordId: null }, HOLDER, refusalOf({ ...active, ordId: null }))).toBe(true);
    expect(mayBeCatchingUp({ ...active, coverageEndAt: null }, HOLDER, refusalOf({ ...active, coverageEndAt: null }))).toBe(true);
    expect(mayBeCatchingUp(null, HOLDER, refusalOf(null))).toBe(true);
    expect(mayBeCatchingUp({ ...active, userWallet: null }, HOLDER, refusalOf({ ...active, userWallet: null }))).toBe(true);
  });

  it('no for another wallet’s policy, or a claim window that closed: those are final', () => {
    const stranger = '0x0000000000000000000000000000000000000001';
    expect(mayBeCatchingUp({ ...active, paidAt: null }, stranger, refusalOf({ ...active, paidAt: null }, stranger))).toBe(false);
    const closed = { ...active, coverageEndAt: new Date('2026-12-01T00:00:00Z') };
    expect(refusalOf(closed).code).toBe('CLAIM_WINDOW_CLOSED');
    expect(mayBeCatchingUp(closed, HOLDER, refusalOf(closed))).toBe(false);
  });
});
