import { describe, expect, it } from 'vitest';
import { classifyTransfers, reconcile, ReconciliationTally, type ChainPayment, type ReconciliationInput } from './reconcile';

const TREASURY = '0x1111111111111111111111111111111111111111';
const BUYER = '0x2222222222222222222222222222222222222222';
const SAFE_PAYEE = '0x3333333333333333333333333333333333333333';
const tx = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

const paid = (n: number, premium: bigint): ChainPayment => ({ txHash: tx(n), logIndex: 1, orderId: tx(1000 + n), buyer: BUYER, premium, treasury: TREASURY });
const premiumTransfer = (p: ChainPayment) => ({ txHash: p.txHash, logIndex: 0, from: p.buyer, to: TREASURY, value: p.premium });

function balanced(payments: ChainPayment[], before = 5_000_000n): ReconciliationInput {
  const total = payments.reduce((a, p) => a + p.premium, 0n);
  return {
    treasury: TREASURY,
    chainPayments: payments,
    bookedPayments: payments.map(({ txHash, logIndex, orderId, premium, treasury }) => ({ txHash, logIndex, orderId, premium, treasury })),
    transfers: payments.map(premiumTransfer),
    treasuryBefore: before,
    treasuryAfter: before + total,
    checkoutBalances: [{ address: '0xc', balance: 0n }],
    hotBalanceLimit: 10n ** 15n,
  };
}

describe('reconcile', () => {
  const payments = [paid(1, 12_500_000n), paid(2, 7_000_001n)];

  it('finds nothing wrong when chain, books and balances agree', () => {
    const result = reconcile(balanced(payments));
    expect(result.mismatches).toEqual([]);
    expect(result.chainPremiumSum).toBe(19_500_001n);
    expect(result.treasury.expectedAfter).toBe(result.treasury.after);
  });

  it('reports a payment the books miss: premium sum, missing payment, and a treasury holding more than booked', () => {
    const input = balanced(payments);
    const result = reconcile({ ...input, bookedPayments: input.bookedPayments.slice(0, 1) });
    expect(result.mismatches.map((m) => [m.kind, m.expected, m.actual])).toEqual([
      ['PREMIUM_SUM', 19_500_001n, 12_500_000n],
      ['MISSING_PAYMENT', 7_000_001n, 0n],
      ['TREASURY_BALANCE', input.treasuryAfter - 7_000_001n, input.treasuryAfter],
    ]);
    expect(result.mismatches[1]!.detail).toContain(tx(2));
  });

  it('reports a booked payment the chain does not have', () => {
    const input = balanced(payments);
    const ghost = { txHash: tx(9), logIndex: 0, orderId: tx(9999), premium: 1_000_000n, treasury: TREASURY };
    const result = reconcile({ ...input, bookedPayments: [...input.bookedPayments, ghost] });
    expect(result.mismatches.map((m) => m.kind)).toEqual(['PREMIUM_SUM', 'UNKNOWN_PAYMENT', 'TREASURY_BALANCE']);
  });

  it('reports a booked amount that differs from the log even when the same logs are present', () => {
    const input = balanced(payments);
    const books = input.bookedPayments.map((p, i) => (i === 0 ? { ...p, premium: p.premium + 1n } : p));
    const result = reconcile({ ...input, bookedPayments: books });
    expect(result.mismatches.map((m) => m.kind)).toEqual(['PREMIUM_SUM', 'TREASURY_BALANCE']);
  });

  it('accounts for transfers that are not premiums: payouts out and top-ups in', () => {
    const input = balanced(payments);
    const result = reconcile({
      ...input,
      transfers: [...input.transfers, { txHash: tx(50), logIndex: 0, from: TREASURY, to: SAFE_PAYEE, value: 3_000_000n }, { txHash: tx(51), logIndex: 0, from: SAFE_PAYEE, to: TREASURY, value: 1n }],
      treasuryAfter: input.treasuryAfter - 3_000_000n + 1n,
    });
    expect(result.mismatches).toEqual([]);
    expect(result.treasury).toMatchObject({ otherOutflow: 3_000_000n, otherInflow: 1n });
  });

  it('reports a treasury balance that moved without a transfer to explain it', () => {
    const result = reconcile({ ...balanced(payments), treasuryAfter: balanced(payments).treasuryAfter - 1n });
    expect(result.mismatches.map((m) => m.kind)).toEqual(['TREASURY_BALANCE']);
  });

  it('reports a checkout holding anything', () => {
    const result = reconcile({ ...balanced(payments), checkoutBalances: [{ address: '0xc', balance: 0n }, { address: '0xold', balance: 5n }] });
    expect(result.mismatches).toEqual([expect.objectContaining({ kind: 'CHECKOUT_BALANCE', expected: 0n, actual: 5n })]);
  });

  it('reports a treasury above its hot-balance limit', () => {
    const input = balanced(payments);
    const result = reconcile({ ...input, hotBalanceLimit: input.treasuryAfter - 1n });
    expect(result.mismatches).toEqual([expect.objectContaining({ kind: 'HOT_BALANCE_THRESHOLD', actual: input.treasuryAfter })]);
  });

  it('keeps details short when many payments are missing', () => {
    const many = Array.from({ length: 50 }, (_, i) => paid(i + 1, 1_000_000n));
    const result = reconcile({ ...balanced(many), bookedPayments: [] });
    const missing = result.mismatches.find((m) => m.kind === 'MISSING_PAYMENT')!;
    expect(missing.detail).toMatch(/^50 PremiumPaid logs/);
    expect(missing.detail).toMatch(/and 40 more$/);
    expect(missing.detail.length).toBeLessThan(2000);
  });
});

describe('ReconciliationTally', () => {
  /** The input cut into pieces of `size` payments each (a payment, its transfer and its row stay together). */
  function inPieces(input: ReconciliationInput, size: number): ReconciliationTally {
    const tally = new ReconciliationTally(input.treasury);
    const inPiece = (i: number) => (p: { txHash: string }) => {
      const at = input.chainPayments.findIndex((c) => c.txHash === p.txHash);
      return Math.floor((at < 0 ? input.chainPayments.length : at) / size) === i;
    };
    const pieces = Math.ceil((input.chainPayments.length + 1) / size);
    for (let i = 0; i < pieces; i += 1) {
      tally.add({ chainPayments: input.chainPayments.filter(inPiece(i)), bookedPayments: input.bookedPayments.filter(inPiece(i)), transfers: input.transfers.filter(inPiece(i)) });
    }
    return tally;
  }

  it('finds, piece by piece, exactly what one comparison of the whole range finds', () => {
    const many = Array.from({ length: 37 }, (_, i) => paid(i + 1, BigInt(1_000_000 + i)));
    const base = balanced(many);
    const variants: ReconciliationInput[] = [
      base,
      { ...base, bookedPayments: base.bookedPayments.filter((_, i) => i % 3 !== 0) },
      { ...base, bookedPayments: [...base.bookedPayments, { txHash: tx(999), logIndex: 4, orderId: tx(5), premium: 3n, treasury: TREASURY }] },
      { ...base, bookedPayments: base.bookedPayments.map((p, i) => (i === 7 ? { ...p, premium: p.premium + 1n } : p)) },
      { ...base, transfers: [...base.transfers, { txHash: tx(2), logIndex: 9, from: TREASURY, to: SAFE_PAYEE, value: 400n }], treasuryAfter: base.treasuryAfter - 400n },
      { ...base, chainPayments: [], transfers: [] },
    ];
    for (const input of variants) {
      for (const size of [1, 5, 100]) expect(inPieces(input, size).result(input)).toEqual(reconcile(input));
    }
  });
});

describe('classifyTransfers', () => {
  it('matches each premium to one transfer of its exact amount from its buyer', () => {
    const p = paid(1, 10n);
    const flows = classifyTransfers([premiumTransfer(p), { ...premiumTransfer(p), logIndex: 5 }], [p], TREASURY);
    // The second transfer of the same amount in the same transaction is not that premium.
    expect(flows).toEqual({ otherInflow: 10n, otherOutflow: 0n });
  });

  it('treats a transfer from someone else than the buyer as another inflow', () => {
    const p = paid(1, 10n);
    expect(classifyTransfers([{ ...premiumTransfer(p), from: SAFE_PAYEE }], [p], TREASURY)).toEqual({ otherInflow: 10n, otherOutflow: 0n });
  });

  it('ignores the treasury sending to itself', () => {
    expect(classifyTransfers([{ txHash: tx(1), logIndex: 0, from: TREASURY, to: TREASURY, value: 9n }], [], TREASURY)).toEqual({ otherInflow: 0n, otherOutflow: 0n });
  });
});
