import type { EventPayload } from '@liqpass/events';

/**
 * Reconciliation (CHAIN.md): the chain's PremiumPaid logs against the listener's books, the
 * treasury's USDC balance against what the books say flowed in, the checkout's balance against
 * zero, and the treasury against its hot-balance limit. Pure: the inputs are read beforehand.
 */
export type MismatchKind = EventPayload<'ReconciliationMismatch'>['kind'];

export interface PaymentKey {
  readonly txHash: string;
  readonly logIndex: number;
}

export interface ChainPayment extends PaymentKey {
  readonly orderId: string;
  readonly buyer: string;
  readonly premium: bigint;
  readonly treasury: string;
}

export interface BookedPayment extends PaymentKey {
  readonly orderId: string;
  readonly premium: bigint;
  readonly treasury: string;
}

/** A USDC Transfer touching the treasury. */
export interface TreasuryTransfer extends PaymentKey {
  readonly from: string;
  readonly to: string;
  readonly value: bigint;
}

export interface ReconciliationInput {
  readonly treasury: string;
  readonly chainPayments: readonly ChainPayment[];
  readonly bookedPayments: readonly BookedPayment[];
  readonly transfers: readonly TreasuryTransfer[];
  /** Treasury USDC balance just before the range (block from − 1) and at its end. */
  readonly treasuryBefore: bigint;
  readonly treasuryAfter: bigint;
  readonly checkoutBalances: readonly { readonly address: string; readonly balance: bigint }[];
  readonly hotBalanceLimit: bigint;
}

export interface Mismatch {
  readonly kind: MismatchKind;
  readonly expected: bigint;
  readonly actual: bigint;
  readonly detail: string;
}

export interface ReconciliationResult {
  readonly chainPremiumSum: bigint;
  readonly bookedPremiumSum: bigint;
  readonly chainPaymentCount: number;
  readonly bookedPaymentCount: number;
  readonly treasury: {
    readonly before: bigint;
    readonly after: bigint;
    readonly expectedAfter: bigint;
    /** Premiums the books say reached the treasury. */
    readonly bookedInflow: bigint;
    /** Transfers that are not premiums (payouts out, top-ups in). */
    readonly otherInflow: bigint;
    readonly otherOutflow: bigint;
  };
  readonly mismatches: readonly Mismatch[];
}

const DETAIL_ITEMS = 10;
const keyOf = (k: PaymentKey) => `${k.txHash.toLowerCase()}:${k.logIndex}`;
const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function reconcile(input: ReconciliationInput): ReconciliationResult {
  const mismatches: Mismatch[] = [];
  const chainSum = sum(input.chainPayments.map((p) => p.premium));
  const bookedSum = sum(input.bookedPayments.map((p) => p.premium));
  if (chainSum !== bookedSum) {
    mismatches.push({
      kind: 'PREMIUM_SUM',
      expected: chainSum,
      actual: bookedSum,
      detail: `PremiumPaid on chain sums to ${chainSum} over ${input.chainPayments.length} logs; the books hold ${bookedSum} over ${input.bookedPayments.length}`,
    });
  }
  mismatches.push(...membershipMismatches(input.chainPayments, input.bookedPayments));

  const flows = classifyTransfers(input.transfers, input.chainPayments, input.treasury);
  const bookedInflow = sum(input.bookedPayments.filter((p) => same(p.treasury, input.treasury)).map((p) => p.premium));
  const expectedAfter = input.treasuryBefore + bookedInflow + flows.otherInflow - flows.otherOutflow;
  if (expectedAfter !== input.treasuryAfter) {
    mismatches.push({
      kind: 'TREASURY_BALANCE',
      expected: expectedAfter,
      actual: input.treasuryAfter,
      detail: `treasury ${input.treasury}: ${input.treasuryBefore} before + ${bookedInflow} booked premiums + ${flows.otherInflow} other in − ${flows.otherOutflow} out = ${expectedAfter}, but it holds ${input.treasuryAfter}`,
    });
  }
  for (const checkout of input.checkoutBalances) {
    if (checkout.balance !== 0n) {
      mismatches.push({ kind: 'CHECKOUT_BALANCE', expected: 0n, actual: checkout.balance, detail: `checkout ${checkout.address} holds ${checkout.balance} base units; it must pass premiums straight through` });
    }
  }
  if (input.treasuryAfter > input.hotBalanceLimit) {
    mismatches.push({
      kind: 'HOT_BALANCE_THRESHOLD',
      expected: input.hotBalanceLimit,
      actual: input.treasuryAfter,
      detail: `treasury ${input.treasury} holds ${input.treasuryAfter}, above its hot-balance limit ${input.hotBalanceLimit}: move the excess to cold storage`,
    });
  }
  return {
    chainPremiumSum: chainSum,
    bookedPremiumSum: bookedSum,
    chainPaymentCount: input.chainPayments.length,
    bookedPaymentCount: input.bookedPayments.length,
    treasury: { before: input.treasuryBefore, after: input.treasuryAfter, expectedAfter, bookedInflow, ...flows },
    mismatches,
  };
}

function membershipMismatches(onChain: readonly ChainPayment[], booked: readonly BookedPayment[]): Mismatch[] {
  const bookedKeys = new Set(booked.map(keyOf));
  const chainKeys = new Set(onChain.map(keyOf));
  const missing = onChain.filter((p) => !bookedKeys.has(keyOf(p)));
  const unknown = booked.filter((p) => !chainKeys.has(keyOf(p)));
  const out: Mismatch[] = [];
  if (missing.length > 0) {
    out.push({ kind: 'MISSING_PAYMENT', expected: sum(missing.map((p) => p.premium)), actual: 0n, detail: describe('PremiumPaid logs with no counted payment', missing) });
  }
  if (unknown.length > 0) {
    out.push({ kind: 'UNKNOWN_PAYMENT', expected: 0n, actual: sum(unknown.map((p) => p.premium)), detail: describe('counted payments with no PremiumPaid log on chain', unknown) });
  }
  return out;
}

function describe(what: string, items: readonly (PaymentKey & { orderId: string; premium: bigint })[]): string {
  const shown = items.slice(0, DETAIL_ITEMS).map((p) => `${keyOf(p)} order ${p.orderId} (${p.premium})`);
  const more = items.length > DETAIL_ITEMS ? `, and ${items.length - DETAIL_ITEMS} more` : '';
  return `${items.length} ${what}: ${shown.join('; ')}${more}`;
}

/**
 * Splits the treasury's USDC transfers into premiums (one transfer from the buyer of the exact
 * premium, in the same transaction as a PremiumPaid log) and everything else.
 */
export function classifyTransfers(transfers: readonly TreasuryTransfer[], onChain: readonly ChainPayment[], treasury: string): { otherInflow: bigint; otherOutflow: bigint } {
  const unmatched = new Map<string, ChainPayment[]>();
  for (const p of onChain.filter((x) => same(x.treasury, treasury))) {
    const tx = p.txHash.toLowerCase();
    unmatched.set(tx, [...(unmatched.get(tx) ?? []), p]);
  }
  let otherInflow = 0n;
  let otherOutflow = 0n;
  for (const t of [...transfers].sort((a, b) => a.logIndex - b.logIndex)) {
    const incoming = same(t.to, treasury);
    const outgoing = same(t.from, treasury);
    if (incoming && outgoing) continue;
    if (incoming) {
      const candidates = unmatched.get(t.txHash.toLowerCase()) ?? [];
      const match = candidates.findIndex((p) => p.premium === t.value && same(p.buyer, t.from));
      if (match >= 0) candidates.splice(match, 1);
      else otherInflow += t.value;
    } else if (outgoing) {
      otherOutflow += t.value;
    }
  }
  return { otherInflow, otherOutflow };
}
