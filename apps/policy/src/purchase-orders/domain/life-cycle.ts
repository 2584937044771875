import { coverageWindow } from './coverage-window';
import { canTransition, type PolicyStatus } from './policy-status';
import { sameAddress, sameHex, type OkxMeta, type PremiumPayment, type PurchaseOrder } from './purchase-order';

/** Fields a decision changes besides the status. */
export type OrderPatch = Partial<Pick<PurchaseOrder, 'okxMeta' | 'boundAt' | 'payment' | 'paymentProblem' | 'coverageStartAt' | 'coverageEndAt'>>;

export type PolicyEvent = 'PolicyActivated' | 'PolicyExpired';

/**
 * What the life cycle decides for one input: nothing to do (a duplicate, an input that no
 * longer applies), a change through one or more statuses (each checked against the table),
 * or a refusal with a reason code.
 */
export type Decision =
  | { readonly kind: 'unchanged'; readonly reason: string }
  | { readonly kind: 'change'; readonly steps: readonly PolicyStatus[]; readonly patch: OrderPatch; readonly reason: string; readonly events: readonly PolicyEvent[] }
  | { readonly kind: 'refused'; readonly code: 'INVALID_STATUS_TRANSITION' | 'PURCHASE_ORDER_ALREADY_BOUND'; readonly reason: string };

const unchanged = (reason: string): Decision => ({ kind: 'unchanged', reason });
const refused = (reason: string, code: 'INVALID_STATUS_TRANSITION' | 'PURCHASE_ORDER_ALREADY_BOUND' = 'INVALID_STATUS_TRANSITION'): Decision => ({ kind: 'refused', code, reason });

function change(order: PurchaseOrder, steps: PolicyStatus[], patch: OrderPatch, reason: string, events: PolicyEvent[] = []): Decision {
  let from = order.status;
  for (const to of steps) {
    if (!canTransition(from, to)) return refused(`${from} → ${to} is not a transition (${reason})`);
    from = to;
  }
  return { kind: 'change', steps, patch, reason, events };
}

/** The chain and checkouts a payment must come from. */
export interface AcceptedChain {
  readonly chainId: number;
  readonly checkouts: readonly string[];
}

/** Why a payment does not pay this order (empty when it does). */
export function paymentProblems(order: PurchaseOrder, payment: PremiumPayment, accepted: AcceptedChain): string[] {
  return [
    !sameHex(payment.orderId, order.orderId) && `order id ${payment.orderId} is not ${order.orderId}`,
    payment.chainId !== order.chainId && `chain ${payment.chainId} is not the order's chain ${order.chainId}`,
    payment.chainId !== accepted.chainId && `chain ${payment.chainId} is not the configured chain ${accepted.chainId}`,
    !accepted.checkouts.some((c) => sameAddress(c, payment.checkoutAddress)) && `checkout ${payment.checkoutAddress} is not a configured checkout`,
    !sameAddress(payment.payer, order.userWallet) && `payer ${payment.payer} is not the buyer ${order.userWallet}`,
    payment.amountUsdc !== order.premiumAmountUsdc && `amount ${payment.amountUsdc} is not the premium ${order.premiumAmountUsdc} (base units)`,
    !sameHex(payment.quoteHash, order.quoteHash) && `quote hash ${payment.quoteHash} is not the order's ${order.quoteHash}`,
  ].filter((problem): problem is string => typeof problem === 'string');
}

const samePayment = (a: PremiumPayment, b: PremiumPayment) => sameHex(a.txHash, b.txHash) && a.logIndex === b.logIndex && a.chainId === b.chainId;

/** A confirmed PremiumPaid for this order: paid (and maybe active), or PAYMENT_MISMATCH. */
export function decidePayment(order: PurchaseOrder, payment: PremiumPayment, accepted: AcceptedChain): Decision {
  if (order.payment && samePayment(order.payment, payment)) return unchanged('this payment is already recorded');
  if (order.payment) return refused(`already paid by ${order.payment.txHash}; ${payment.txHash} needs a refund`);
  const problems = paymentProblems(order, payment, accepted);
  if (problems.length > 0) {
    return change(order, ['PAYMENT_MISMATCH'], { payment, paymentProblem: problems.join('; ') }, `PAYMENT_MISMATCH: ${problems.join('; ')}`);
  }
  if (order.status === 'CANCELLED' && payment.blockTime.getTime() > order.quoteExpiresAt.getTime()) {
    return refused(`paid at ${payment.blockTime.toISOString()}, after the quote expired at ${order.quoteExpiresAt.toISOString()}`);
  }
  const bound = order.okxMeta !== null && order.boundAt !== null;
  if (!bound) return change(order, ['PAID_UNBOUND'], { payment, paymentProblem: null }, 'premium paid, not yet bound');
  return activate(order, { payment, paymentProblem: null }, payment.blockTime, order.boundAt!, 'premium paid and already bound');
}

/** The OKX order was bound (bind-okx reply or OkxOrderBound): bound-unpaid, or active when paid. */
export function decideBinding(order: PurchaseOrder, okxMeta: OkxMeta): Decision {
  if (order.okxMeta) {
    return order.okxMeta.ordId === okxMeta.ordId && order.okxMeta.instId === okxMeta.instId
      ? unchanged('this binding is already recorded')
      : refused(`bound to OKX order ${order.okxMeta.ordId} already`, 'PURCHASE_ORDER_ALREADY_BOUND');
  }
  const boundAt = new Date(okxMeta.boundAt);
  if (order.status === 'PAID_UNBOUND' && order.payment) return activate(order, { okxMeta, boundAt }, order.payment.blockTime, boundAt, 'bound, premium already paid');
  // Only an order awaiting its binding can take one: PAYMENT_MISMATCH → BOUND_UNPAID exists
  // for a reorg, not for a binding that raced a mismatched payment.
  if (order.status !== 'PENDING_PAYMENT') return refused(`a ${order.status} purchase order cannot be bound`);
  return change(order, ['BOUND_UNPAID'], { okxMeta, boundAt }, 'bound, awaiting payment');
}

function activate(order: PurchaseOrder, patch: OrderPatch, paidAt: Date, boundAt: Date, reason: string): Decision {
  const { start, end } = coverageWindow(paidAt, boundAt, order.waitingPeriodSeconds, order.coverageSeconds);
  return change(order, ['ACTIVE'], { ...patch, coverageStartAt: start, coverageEndAt: end }, reason, ['PolicyActivated']);
}

/** The payment vanished in a reorg: undo what it did. */
export function decidePaymentReverted(order: PurchaseOrder, reverted: { chainId: number; txHash: string; logIndex: number }): Decision {
  const paid = order.payment;
  if (!paid || !sameHex(paid.txHash, reverted.txHash) || paid.logIndex !== reverted.logIndex || paid.chainId !== reverted.chainId) {
    return unchanged('the reverted log is not this order’s recorded payment');
  }
  const clear: OrderPatch = { payment: null, paymentProblem: null, coverageStartAt: null, coverageEndAt: null };
  const bound = order.okxMeta !== null;
  switch (order.status) {
    case 'ACTIVE':
      return change(order, ['BOUND_UNPAID'], clear, 'payment reverted by a reorg: activation rolled back');
    case 'PAID_UNBOUND':
      return change(order, ['PENDING_PAYMENT'], clear, 'payment reverted by a reorg');
    case 'PAYMENT_MISMATCH':
      return change(order, [bound ? 'BOUND_UNPAID' : 'PENDING_PAYMENT'], clear, 'mismatched payment reverted by a reorg');
    default:
      return refused(`a ${order.status} policy cannot lose its payment`);
  }
}

/** Coverage ended: ACTIVE → EXPIRED (PolicyExpired). */
export function decideExpiry(order: PurchaseOrder, now: Date): Decision {
  if (order.status !== 'ACTIVE') return unchanged(`${order.status} does not expire`);
  if (!order.coverageEndAt || order.coverageEndAt.getTime() > now.getTime()) return unchanged('coverage has not ended');
  return change(order, ['EXPIRED'], {}, 'coverage ended', ['PolicyExpired']);
}

/** The quote expired (plus a grace for payments still confirming) and it was never paid. */
export function decideCancellation(order: PurchaseOrder, now: Date, graceSeconds: number): Decision {
  if (order.status !== 'PENDING_PAYMENT' && order.status !== 'BOUND_UNPAID') return unchanged(`${order.status} is not awaiting payment`);
  if (order.quoteExpiresAt.getTime() + graceSeconds * 1000 > now.getTime()) return unchanged('the quote has not expired');
  return change(order, ['CANCELLED'], {}, 'quote expired unpaid');
}

/** A claim on the policy was approved for payout. */
export function decideClaimApproved(order: PurchaseOrder): Decision {
  if (order.status === 'CLAIMED' || order.status === 'CLOSED') return unchanged('already claimed');
  return change(order, ['CLAIMED'], {}, 'claim approved');
}

/** The claim's payout was confirmed on-chain: the policy is done. */
export function decideClaimPaid(order: PurchaseOrder): Decision {
  if (order.status === 'CLOSED') return unchanged('already closed');
  if (order.status === 'CLAIMED') return change(order, ['CLOSED'], {}, 'claim paid');
  return change(order, ['CLAIMED', 'CLOSED'], {}, 'claim paid');
}
