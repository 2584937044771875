import { describe, expect, it } from 'vitest';
import {
  decideBinding,
  decideCancellation,
  decideClaimApproved,
  decideClaimPaid,
  decideExpiry,
  decidePayment,
  decidePaymentReverted,
  type Decision,
} from './life-cycle';
import type { PolicyStatus } from './policy-status';
import type { OkxMeta, PremiumPayment, PurchaseOrder } from './purchase-order';

const buyer = '0x976EA74026E726554dB657fA54763abd0C3a0aa9';
const checkout = '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
const T0 = new Date('2026-11-27T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const order = (overrides: Partial<PurchaseOrder> = {}): PurchaseOrder => ({
  id: '0195f0e8-0000-7000-8000-000000000001',
  orderId: `0x${'11'.repeat(32)}`,
  status: 'PENDING_PAYMENT',
  userWallet: buyer,
  chainId: 31337,
  checkoutAddress: checkout,
  quoteHash: `0x${'22'.repeat(32)}`,
  premiumAmountUsdc: 12_500_000n,
  payoutFixedUsdc: 400_000_000n,
  payoutCapUsdc: 500_000_000n,
  coverageSeconds: 86_400,
  waitingPeriodSeconds: 600,
  quoteExpiresAt: at(300),
  okxMeta: null,
  boundAt: null,
  payment: null,
  paymentProblem: null,
  coverageStartAt: null,
  coverageEndAt: null,
  ...overrides,
});

const payment = (overrides: Partial<PremiumPayment> = {}): PremiumPayment => ({
  chainId: 31337,
  checkoutAddress: checkout.toLowerCase(),
  txHash: `0x${'33'.repeat(32)}`,
  logIndex: 1,
  blockTime: at(100),
  orderId: `0x${'11'.repeat(32)}`,
  payer: buyer.toLowerCase(),
  amountUsdc: 12_500_000n,
  quoteHash: `0x${'22'.repeat(32)}`,
  ...overrides,
});

const meta = (overrides: Partial<OkxMeta> = {}): OkxMeta => ({
  ordId: '123',
  instId: 'BTC-USDT-SWAP',
  posId: '456',
  posCTime: '1732700000000',
  posSide: 'long',
  mgnMode: 'isolated',
  lever: '20',
  okxUid: '44705892343619584',
  liqPxAtBind: '57142.9',
  boundAt: at(200).toISOString(),
  ...overrides,
});

const accepted = { chainId: 31337, checkouts: [checkout] };

function steps(decision: Decision): PolicyStatus[] {
  if (decision.kind !== 'change') throw new Error(`expected a change, got ${decision.kind}: ${decision.reason}`);
  return [...decision.steps];
}

describe('payment', () => {
  it('pays an unbound order (PAID_UNBOUND) and activates a bound one with the coverage window of §5', () => {
    expect(steps(decidePayment(order(), payment(), accepted))).toEqual(['PAID_UNBOUND']);
    const decision = decidePayment(order({ status: 'BOUND_UNPAID', okxMeta: meta(), boundAt: at(200) }), payment(), accepted);
    expect(steps(decision)).toEqual(['ACTIVE']);
    if (decision.kind !== 'change') return;
    // later of payment (100) and binding (200), plus the 600 s waiting period
    expect(decision.patch.coverageStartAt).toEqual(at(800));
    expect(decision.patch.coverageEndAt).toEqual(at(800 + 86_400));
    expect(decision.events).toEqual(['PolicyActivated']);
  });

  it.each([
    ['a wrong amount', { amountUsdc: 12_499_999n }, /amount/],
    ['a wrong payer', { payer: '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955' }, /payer/],
    ['another quote', { quoteHash: `0x${'44'.repeat(32)}` }, /quote hash/],
    ['another chain', { chainId: 1 }, /chain 1/],
    ['an unknown checkout', { checkoutAddress: '0x0000000000000000000000000000000000000001' }, /checkout/],
  ])('moves to PAYMENT_MISMATCH on %s', (_name, overrides, problem) => {
    const decision = decidePayment(order(), payment(overrides), accepted);
    expect(steps(decision)).toEqual(['PAYMENT_MISMATCH']);
    if (decision.kind === 'change') expect(decision.patch.paymentProblem).toMatch(problem);
  });

  it('changes nothing for the same payment twice, and refuses a second payment', () => {
    const paid = order({ status: 'PAID_UNBOUND', payment: payment() });
    expect(decidePayment(paid, payment(), accepted).kind).toBe('unchanged');
    expect(decidePayment(paid, payment({ txHash: `0x${'55'.repeat(32)}` }), accepted).kind).toBe('refused');
  });

  it('revives a cancelled order paid before the deadline, not one paid after it', () => {
    expect(steps(decidePayment(order({ status: 'CANCELLED' }), payment(), accepted))).toEqual(['PAID_UNBOUND']);
    expect(decidePayment(order({ status: 'CANCELLED' }), payment({ blockTime: at(301) }), accepted).kind).toBe('refused');
  });

  it('refuses a payment on a finished policy with INVALID_STATUS_TRANSITION', () => {
    const decision = decidePayment(order({ status: 'REFUNDED' }), payment(), accepted);
    expect(decision).toMatchObject({ kind: 'refused', code: 'INVALID_STATUS_TRANSITION' });
  });
});

describe('binding', () => {
  it('binds an unpaid order and activates a paid one from the later of payment and binding', () => {
    expect(steps(decideBinding(order(), meta()))).toEqual(['BOUND_UNPAID']);
    const decision = decideBinding(order({ status: 'PAID_UNBOUND', payment: payment({ blockTime: at(900) }) }), meta());
    expect(steps(decision)).toEqual(['ACTIVE']);
    if (decision.kind === 'change') expect(decision.patch.coverageStartAt).toEqual(at(1500));
  });

  it('is idempotent for the same order and refuses another one', () => {
    const bound = order({ status: 'BOUND_UNPAID', okxMeta: meta(), boundAt: at(200) });
    expect(decideBinding(bound, meta()).kind).toBe('unchanged');
    expect(decideBinding(bound, meta({ ordId: '999' }))).toMatchObject({ kind: 'refused', code: 'PURCHASE_ORDER_ALREADY_BOUND' });
  });

  it.each(['CANCELLED', 'PAYMENT_MISMATCH', 'REFUNDED'] as const)('refuses to bind a %s order', (status) => {
    expect(decideBinding(order({ status }), meta())).toMatchObject({ kind: 'refused', code: 'INVALID_STATUS_TRANSITION' });
  });
});

describe('reverted payment', () => {
  const reverted = { chainId: 31337, txHash: `0x${'33'.repeat(32)}`, logIndex: 1 };

  it('rolls an activation back to BOUND_UNPAID and clears the payment and window', () => {
    const active = order({ status: 'ACTIVE', okxMeta: meta(), boundAt: at(200), payment: payment(), coverageStartAt: at(800), coverageEndAt: at(2000) });
    const decision = decidePaymentReverted(active, reverted);
    expect(steps(decision)).toEqual(['BOUND_UNPAID']);
    if (decision.kind === 'change') expect(decision.patch).toMatchObject({ payment: null, coverageStartAt: null, coverageEndAt: null });
    expect(steps(decidePaymentReverted(order({ status: 'PAID_UNBOUND', payment: payment() }), reverted))).toEqual(['PENDING_PAYMENT']);
  });

  it('ignores a reverted log that is not the recorded payment', () => {
    expect(decidePaymentReverted(order({ status: 'PAID_UNBOUND', payment: payment() }), { ...reverted, logIndex: 2 }).kind).toBe('unchanged');
  });
});

describe('expiry, cancellation and claims', () => {
  const active = order({ status: 'ACTIVE', okxMeta: meta(), boundAt: at(200), payment: payment(), coverageStartAt: at(800), coverageEndAt: at(2000) });

  it('expires an active policy at coverage_end_at, not before', () => {
    expect(decideExpiry(active, at(1999)).kind).toBe('unchanged');
    const decision = decideExpiry(active, at(2000));
    expect(steps(decision)).toEqual(['EXPIRED']);
    if (decision.kind === 'change') expect(decision.events).toEqual(['PolicyExpired']);
  });

  it('cancels unpaid orders once the quote expired and the grace passed', () => {
    expect(decideCancellation(order(), at(300 + 59), 60).kind).toBe('unchanged');
    expect(steps(decideCancellation(order(), at(360), 60))).toEqual(['CANCELLED']);
    expect(steps(decideCancellation(order({ status: 'BOUND_UNPAID' }), at(360), 60))).toEqual(['CANCELLED']);
    expect(decideCancellation(order({ status: 'PAID_UNBOUND' }), at(9999), 60).kind).toBe('unchanged');
  });

  it('claims and closes, also a recently expired policy, once', () => {
    expect(steps(decideClaimApproved(active))).toEqual(['CLAIMED']);
    expect(steps(decideClaimApproved(order({ status: 'EXPIRED' })))).toEqual(['CLAIMED']);
    expect(steps(decideClaimPaid(order({ status: 'CLAIMED' })))).toEqual(['CLOSED']);
    expect(steps(decideClaimPaid(active))).toEqual(['CLAIMED', 'CLOSED']);
    expect(decideClaimPaid(order({ status: 'CLOSED' })).kind).toBe('unchanged');
    expect(decideClaimApproved(order())).toMatchObject({ kind: 'refused', code: 'INVALID_STATUS_TRANSITION' });
  });
});
