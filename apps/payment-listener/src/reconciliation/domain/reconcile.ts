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

/** The payments of a stretch of blocks: the chain's, the books', and the treasury's transfers. */
export type ReconciliationPiece = Pick<ReconciliationInput, 'chainPayments' | 'bookedPayments' | 'transfers'>;
/** What is read once for the whole range: the balances at its ends and the limits. */
export type ReconciliationEnds = Omit<ReconciliationInput, keyof ReconciliationPiece>;

/** Payments on one side only: counted and summed in full, the first few kept for the detail. */
class OneSided {
  count = 0;
  total = 0n;
  readonly shown: (PaymentKey & { orderId: string; premium: bigint })[] = [];

  add(items: readonly (PaymentKey & { orderId: string; premium: bigint })[]): void {
    for (const p of items) {
      this.count += 1;
      this.total += p.premium;
      if (this.shown.length < DETAIL_ITEMS) this.shown.push(p);
    }
  }

  describe(what: string): string {
    const more = this.count > DETAIL_ITEMS ? `, and ${this.count - DETAIL_ITEMS} more` : '';
    return `${this.count} ${what}: ${this.shown.map((p) => `${keyOf(p)} order ${p.orderId} (${p.premium})`).join('; ')}${more}`;
  }
}

/**
 * Reconciliation over a long range, a stretch of blocks at a time: a day of dense blocks is
 * tens of thousands of logs, transfers and rows, too many to hold at once. A payment's log, its
 * transfer and its booked row sit in the same block, so comparing stretch by stretch finds what
 * comparing the whole range would; only sums, counts and the first few differences are kept.
 */
export class ReconciliationTally {
  private chainSum = 0n;
  private bookedSum = 0n;
  private chainCount = 0;
  private bookedCount = 0;
  private bookedInflow = 0n;
  private otherInflow = 0n;
  private otherOutflow = 0n;
  private readonly missing = new OneSided();
  private readonly unknown = new OneSided();

  constructor(private readonly treasury: string) {}

  add(piece: ReconciliationPiece): void {
    this.chainSum += sum(piece.chainPayments.map((p) => p.premium));
    this.bookedSum += sum(piece.bookedPayments.map((p) => p.premium));
    this.chainCount += piece.chainPayments.length;
    this.bookedCount += piece.bookedPayments.length;
    const bookedKeys = new Set(piece.bookedPayments.map(keyOf));
    const chainKeys = new Set(piece.chainPayments.map(keyOf));
    this.missing.add(piece.chainPayments.filter((p) => !bookedKeys.has(keyOf(p))));
    this.unknown.add(piece.bookedPayments.filter((p) => !chainKeys.has(keyOf(p))));
    const flows = classifyTransfers(piece.transfers, piece.chainPayments, this.treasury);
    this.otherInflow += flows.otherInflow;
    this.otherOutflow += flows.otherOutflow;
    this.bookedInflow += sum(piece.bookedPayments.filter((p) => same(p.treasury, this.treasury)).map((p) => p.premium));
  }

  result(ends: ReconciliationEnds): ReconciliationResult {
    const mismatches: Mismatch[] = [];
    const { chainSum, bookedSum, bookedInflow, otherInflow, otherOutflow } = this;
    if (chainSum !== bookedSum) {
      mismatches.push({
        kind: 'PREMIUM_SUM',
        expected: chainSum,
        actual: bookedSum,
        detail: `PremiumPaid on chain sums to ${chainSum} over ${this.chainCount} logs; the books hold ${bookedSum} over ${this.bookedCount}`,
      });
    }
    if (this.missing.count > 0) {
      mismatches.push({ kind: 'MISSING_PAYMENT', expected: this.missing.total, actual: 0n, detail: this.missing.describe('PremiumPaid logs with no counted payment') });
    }
    if (this.unknown.count > 0) {
      mismatches.push({ kind: 'UNKNOWN_PAYMENT', expected: 0n, actual: this.unknown.total, detail: this.unknown.describe('counted payments with no PremiumPaid log on chain') });
    }
    const expectedAfter = ends.treasuryBefore + bookedInflow + otherInflow - otherOutflow;
    if (expectedAfter !== ends.treasuryAfter) {
      mismatches.push({
        kind: 'TREASURY_BALANCE',
        expected: expectedAfter,
        actual: ends.treasuryAfter,
        detail: `treasury ${ends.treasury}: ${ends.treasuryBefore} before + ${bookedInflow} booked premiums + ${otherInflow} other in − ${otherOutflow} out = ${expectedAfter}, but it holds ${ends.treasuryAfter}`,
      });
    }
    for (const checkout of ends.checkoutBalances) {
      if (checkout.balance !== 0n) {
        mismatches.push({ kind: 'CHECKOUT_BALANCE', expected: 0n, actual: checkout.balance, detail: `checkout ${checkout.address} holds ${checkout.balance} base units; it must pass premiums straight through` });
      }
    }
    if (ends.treasuryAfter > ends.hotBalanceLimit) {
      mismatches.push({
        kind: 'HOT_BALANCE_THRESHOLD',
        expected: ends.hotBalanceLimit,
        actual: ends.treasuryAfter,
        detail: `treasury ${ends.treasury} holds ${ends.treasuryAfter}, above its hot-balance limit ${ends.hotBalanceLimit}: move the excess to cold storage`,
      });
    }
    return {
      chainPremiumSum: chainSum,
      bookedPremiumSum: bookedSum,
      chainPaymentCount: this.chainCount,
      bookedPaymentCount: this.bookedCount,
      treasury: { before: ends.treasuryBefore, after: ends.treasuryAfter, expectedAfter, bookedInflow, otherInflow, otherOutflow },
      mismatches,
    };
  }
}

/** The whole comparison over inputs read at once (one piece). */
export function reconcile(input: ReconciliationInput): ReconciliationResult {
  const tally = new ReconciliationTally(input.treasury);
  tally.add(input);
  return tally.result(input);
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
