import { describe, expect, it } from 'vitest';
import { checkInvariants, INVARIANTS, type DrillSnapshot } from './invariants';

const TREASURY = '0x00000000000000000000000000000000000000aa';
const TRADER = '0x00000000000000000000000000000000000000bb';
const CHECKOUT = '0x00000000000000000000000000000000000000cc';
const PREMIUM = 400_692n;
const PAYOUT = 2_400_000_000n;

/** One journey's worth of a healthy stack: paid, activated once, claimed, paid out once. */
function healthy(): DrillSnapshot {
  return {
    journeys: [{ fault: null, ok: true }],
    orders: [{ id: 'po-1', status: 'CLOSED' }],
    activations: [{ purchaseOrderId: 'po-1', cause: '31337:0xpay:1' }],
    payments: [{ purchaseOrderId: 'po-1', key: '31337:0xpay:1', status: 'CONFIRMED', buyer: TRADER, premium: PREMIUM }],
    claims: [{ id: 'cl-1', purchaseOrderId: 'po-1', okxEventId: 'liq-1', status: 'PAID' }],
    payouts: [{ id: 'pay-1', claimId: 'cl-1', status: 'EXECUTED', safeTxHash: '0xsafe1', execTxHash: '0xexec', recipient: TRADER, amount: PAYOUT }],
    outbox: [
      { id: 'ev-paid', type: 'PremiumPaid', state: 'PUBLISHED' },
      { id: 'ev-approved', type: 'ClaimApproved', state: 'PUBLISHED' },
    ],
    inbox: [
      { messageId: 'ev-paid', consumer: 'policy', eventType: 'PremiumPaid' },
      { messageId: 'ev-approved', consumer: 'policy', eventType: 'ClaimApproved' },
      { messageId: 'ev-approved', consumer: 'payout', eventType: 'ClaimApproved' },
    ],
    safeExecutions: [{ safeTxHash: '0xSAFE1', txHash: '0xexec' }],
    transfers: [
      { txHash: '0xpay', from: TRADER, to: TREASURY, value: PREMIUM },
      { txHash: '0xexec', from: TREASURY, to: TRADER, value: PAYOUT },
    ],
    addresses: { treasury: TREASURY, trader: TRADER, checkout: CHECKOUT },
    balances: {
      treasury: { before: 1_000_000_000n, after: 1_000_000_000n + PREMIUM - PAYOUT },
      trader: { before: 10_000_000_000n, after: 10_000_000_000n - PREMIUM + PAYOUT },
      checkout: { after: 0n },
    },
  };
}

const failing = (snapshot: DrillSnapshot) => checkInvariants(snapshot).filter((r) => !r.ok).map((r) => r.name);

describe('drill invariants', () => {
  it('all hold on a healthy snapshot', () => {
    expect(checkInvariants(healthy()).map((r) => [r.name, r.ok])).toEqual(INVARIANTS.map((i) => [i(healthy()).name, true]));
  });

  it('a journey that did not reach PAID fails the journey invariant', () => {
    expect(failing({ ...healthy(), journeys: [{ fault: 'kill -9 policy + restart', ok: false }] })).toEqual(['every journey reached PAID']);
  });

  it('a claim left in VERIFYING is caught', () => {
    const s = healthy();
    expect(failing({ ...s, claims: [{ ...s.claims[0]!, status: 'VERIFYING' }] })).toContain('no claim left in VERIFYING; every claim PAID');
  });

  it('a paid policy that never became ACTIVE is caught, and an ACTIVE one with no payment', () => {
    const s = healthy();
    expect(failing({ ...s, orders: [{ id: 'po-1', status: 'BOUND_UNPAID' }] })).toEqual(['policies: paid ⇔ ACTIVE or later, one confirmed payment each']);
    expect(failing({ ...s, payments: [{ ...s.payments[0]!, status: 'REVERTED' }] })).toContain('policies: paid ⇔ ACTIVE or later, one confirmed payment each');
  });

  it('a payment that activated its policy twice is caught (an event handled twice)', () => {
    const s = healthy();
    expect(failing({ ...s, activations: [...s.activations, { purchaseOrderId: 'po-1', cause: '31337:0xPAY:1' }] })).toEqual(['one policy activation per payment']);
  });

  it('two claims for the same liquidation of one policy are caught', () => {
    const s = healthy();
    const twin = { ...s.claims[0]!, id: 'cl-2' };
    expect(failing({ ...s, claims: [...s.claims, twin] })).toContain('one claim per (purchase_order_id, okx_event_id)');
  });

  it('an event handled twice, one never handled, and an unpublished outbox row are each caught', () => {
    const s = healthy();
    const name = 'every event handled exactly once per consumer (inbox = outbox)';
    expect(failing({ ...s, inbox: [...s.inbox, s.inbox[0]!] })).toEqual([name]);
    expect(failing({ ...s, inbox: s.inbox.filter((i) => i.consumer !== 'payout') })).toEqual([name]); // payout lost every ClaimApproved
    expect(failing({ ...s, outbox: [...s.outbox, { id: 'ev-approved-2', type: 'ClaimApproved', state: 'PUBLISHED' }] })).toEqual([name]);
    expect(failing({ ...s, outbox: [...s.outbox, { id: 'ev-stuck', type: 'PolicyCreated', state: 'PENDING' }] })).toEqual([name]);
  });

  it('a second payout for a claim is caught', () => {
    const s = healthy();
    expect(failing({ ...s, payouts: [...s.payouts, { ...s.payouts[0]!, id: 'pay-2', status: 'PROPOSED', safeTxHash: '0xsafe2', execTxHash: null }] })).toEqual(['one payout proposed per claim']);
  });

  it('a SafeTx executed twice on-chain is caught, and so is money that moved for it', () => {
    const s = healthy();
    const twice = {
      ...s,
      safeExecutions: [...s.safeExecutions, { safeTxHash: '0xsafe1', txHash: '0xexec2' }],
      transfers: [...s.transfers, { txHash: '0xexec2', from: TREASURY, to: TRADER, value: PAYOUT }],
      balances: { ...s.balances, treasury: { ...s.balances.treasury, after: s.balances.treasury.after - PAYOUT }, trader: { ...s.balances.trader, after: s.balances.trader.after + PAYOUT } },
    };
    expect(failing(twice)).toEqual(['one Safe execution per safeTxHash', 'no money moved that should not have (balances = premiums − payouts)']);
  });

  it('money the ledger does not explain is caught: a balance off by one unit, a stray transfer, USDC left in the checkout', () => {
    const s = healthy();
    const name = 'no money moved that should not have (balances = premiums − payouts)';
    expect(failing({ ...s, balances: { ...s.balances, treasury: { ...s.balances.treasury, after: s.balances.treasury.after - 1n } } })).toEqual([name]);
    expect(failing({ ...s, transfers: [...s.transfers, { txHash: '0xother', from: TREASURY, to: CHECKOUT, value: 5n }] })).toEqual([name]);
    expect(failing({ ...s, balances: { ...s.balances, checkout: { after: 1n } } })).toEqual([name]);
  });

  it('a reverted payment counts neither as money in nor as a second payment', () => {
    const s = healthy();
    const reorged = { ...s, payments: [{ ...s.payments[0]!, key: '31337:0xgone:1', status: 'REVERTED' }, ...s.payments], activations: [{ purchaseOrderId: 'po-1', cause: '31337:0xgone:1' }, ...s.activations] };
    expect(failing(reorged)).toEqual([]);
  });
});
