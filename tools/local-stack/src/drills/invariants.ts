/**
 * The drills' invariants, as pure functions over one snapshot of the stack taken after the
 * journeys (database rows of every service and the chain's own record), so each one is tested
 * against a deliberately broken snapshot (invariants.spec.ts). Money is bigint base units.
 */

export interface DrillSnapshot {
  readonly journeys: readonly { fault: string | null; ok: boolean }[];
  readonly orders: readonly { id: string; status: string }[];
  /** Transitions to ACTIVE: cause is the payment's key `chainId:txHash:logIndex`. */
  readonly activations: readonly { purchaseOrderId: string; cause: string }[];
  readonly payments: readonly { purchaseOrderId: string | null; key: string; status: string; buyer: string; premium: bigint }[];
  readonly claims: readonly { id: string; purchaseOrderId: string; okxEventId: string | null; status: string }[];
  readonly payouts: readonly { id: string; claimId: string; status: string; safeTxHash: string | null; execTxHash: string | null; recipient: string; amount: bigint }[];
  readonly outbox: readonly { id: string; type: string; state: string }[];
  readonly inbox: readonly { messageId: string; consumer: string; eventType: string }[];
  /** The treasury Safe's ExecutionSuccess logs since the drills began. */
  readonly safeExecutions: readonly { safeTxHash: string; txHash: string }[];
  /** USDC Transfer logs since the drills began that touch the treasury, the trader or the checkout. */
  readonly transfers: readonly { txHash: string; from: string; to: string; value: bigint }[];
  readonly addresses: { readonly treasury: string; readonly trader: string; readonly checkout: string };
  readonly balances: {
    readonly treasury: { before: bigint; after: bigint };
    readonly trader: { before: bigint; after: bigint };
    readonly checkout: { after: bigint };
  };
}

export interface InvariantResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

type Invariant = (s: DrillSnapshot) => InvariantResult;

const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
const usdc = (units: bigint) => `${units < 0n ? '-' : ''}${(units < 0n ? -units : units) / 1_000_000n}.${((units < 0n ? -units : units) % 1_000_000n).toString().padStart(6, '0')}`;

function groupCount<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function result(name: string, problems: readonly string[], okDetail: string): InvariantResult {
  return { name, ok: problems.length === 0, detail: problems.length ? problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; … ${problems.length - 3} more` : '') : okDetail };
}

const PAID_STATES = ['ACTIVE', 'CLAIMED', 'CLOSED', 'EXPIRED'];

export const journeysPaid: Invariant = (s) =>
  result('every journey reached PAID', s.journeys.filter((j) => !j.ok).map((j) => `journey "${j.fault ?? 'baseline'}" did not`), `${s.journeys.length} of ${s.journeys.length}`);

export const noClaimStuck: Invariant = (s) =>
  result(
    'no claim left in VERIFYING; every claim PAID',
    s.claims.filter((c) => c.status !== 'PAID').map((c) => `claim ${c.id} is ${c.status}`),
    `${s.claims.length} claims, all PAID`,
  );

export const policiesMatchPayments: Invariant = (s) => {
  const problems: string[] = [];
  const confirmed = groupCount(s.payments.filter((p) => p.status === 'CONFIRMED' && p.purchaseOrderId), (p) => p.purchaseOrderId!);
  for (const order of s.orders) {
    const paid = confirmed.get(order.id) ?? 0;
    if (paid > 1) problems.push(`order ${order.id} has ${paid} confirmed payments`);
    if (paid === 1 && !PAID_STATES.includes(order.status)) problems.push(`order ${order.id} is paid but ${order.status}`);
    if (paid === 0 && PAID_STATES.includes(order.status)) problems.push(`order ${order.id} is ${order.status} without a confirmed payment`);
  }
  for (const orderId of confirmed.keys()) if (!s.orders.some((o) => o.id === orderId)) problems.push(`payment for unknown order ${orderId}`);
  return result('policies: paid ⇔ ACTIVE or later, one confirmed payment each', problems, `${s.orders.length} policies, ${[...confirmed.values()].length} paid`);
};

export const oneActivationPerPayment: Invariant = (s) => {
  const problems: string[] = [];
  for (const [cause, count] of groupCount(s.activations, (a) => a.cause.toLowerCase())) if (count > 1) problems.push(`payment ${cause} activated a policy ${count} times`);
  for (const activation of s.activations) if (!s.payments.some((p) => same(p.key, activation.cause))) problems.push(`activation of ${activation.purchaseOrderId} by unknown payment ${activation.cause}`);
  return result('one policy activation per payment', problems, `${s.activations.length} activations for ${s.payments.length} payment rows (${s.payments.filter((p) => p.status !== 'CONFIRMED').length} reverted)`);
};

export const oneClaimPerEvent: Invariant = (s) => {
  const keyed = s.claims.filter((c) => c.okxEventId);
  const problems = [...groupCount(keyed, (c) => `${c.purchaseOrderId}/${c.okxEventId}`)].filter(([, n]) => n > 1).map(([key, n]) => `${n} claims for ${key}`);
  return result('one claim per (purchase_order_id, okx_event_id)', problems, `${keyed.length} claims, all distinct`);
};

/**
 * Who must handle what (ARCHITECTURE.md "Services", as the services subscribe today); pairs seen
 * in an inbox are added, so a new subscription is judged too. A consumer that lost every event
 * of its type would otherwise not show up at all.
 */
export const EXPECTED_CONSUMERS: Readonly<Record<string, readonly string[]>> = {
  policy: ['OkxOrderBound', 'PremiumPaid', 'PremiumPaymentReverted', 'ClaimApproved', 'ClaimPaid'],
  'okx-binding': ['PolicyCreated'],
  'claims-verifier': ['ClaimRequested', 'PolicyCreated', 'OkxOrderBound', 'PolicyActivated', 'PayoutExecuted'],
  payout: ['ClaimApproved'],
};

/**
 * Every published event was handled exactly once by each consumer of its type: the consumer's
 * inbox holds exactly the ids of the published events of every type it handles (none lost,
 * none twice, none made up), and no outbox row is left unpublished.
 */
export const eventsHandledOnce: Invariant = (s) => {
  const problems: string[] = [];
  for (const row of s.outbox.filter((o) => o.state !== 'PUBLISHED')) problems.push(`outbox ${row.type} ${row.id} is ${row.state}`);
  const published = s.outbox.filter((o) => o.state === 'PUBLISHED');
  const pairs = new Set([
    ...Object.entries(EXPECTED_CONSUMERS).flatMap(([consumer, types]) => types.map((type) => `${consumer}\u0000${type}`)),
    ...s.inbox.map((i) => `${i.consumer}\u0000${i.eventType}`),
  ]);
  for (const pair of pairs) {
    const [consumer, type] = pair.split('\u0000') as [string, string];
    const handled = s.inbox.filter((i) => i.consumer === consumer && i.eventType === type);
    for (const [id, count] of groupCount(handled, (i) => i.messageId)) if (count > 1) problems.push(`${consumer} handled ${type} ${id} ${count} times`);
    const ids = new Set(handled.map((i) => i.messageId));
    const expected = published.filter((o) => o.type === type);
    for (const event of expected) if (!ids.has(event.id)) problems.push(`${consumer} never handled ${type} ${event.id}`);
    for (const id of ids) if (!expected.some((o) => o.id === id)) problems.push(`${consumer} handled ${type} ${id}, which no service published`);
  }
  return result('every event handled exactly once per consumer (inbox = outbox)', problems, `${published.length} events published, ${s.inbox.length} inbox rows over ${pairs.size} consumer/event pairs`);
};

export const onePayoutPerClaim: Invariant = (s) => {
  const problems = [...groupCount(s.payouts, (p) => p.claimId)].filter(([, n]) => n > 1).map(([claim, n]) => `claim ${claim} has ${n} payouts`);
  for (const payout of s.payouts) if (!s.claims.some((c) => c.id === payout.claimId)) problems.push(`payout ${payout.id} for unknown claim ${payout.claimId}`);
  return result('one payout proposed per claim', problems, `${s.payouts.length} payouts for ${s.claims.length} claims`);
};

export const oneExecutionPerSafeTx: Invariant = (s) => {
  const problems: string[] = [];
  const onChain = groupCount(s.safeExecutions, (e) => e.safeTxHash.toLowerCase());
  for (const [hash, n] of onChain) if (n > 1) problems.push(`safeTxHash ${hash} executed ${n} times on-chain`);
  const executed = s.payouts.filter((p) => p.status === 'EXECUTED');
  for (const payout of executed) if (!onChain.has((payout.safeTxHash ?? '').toLowerCase())) problems.push(`EXECUTED payout ${payout.id} has no ExecutionSuccess on-chain`);
  for (const hash of onChain.keys()) if (!executed.some((p) => same(p.safeTxHash, hash))) problems.push(`Safe executed ${hash}, which no EXECUTED payout names`);
  const execTxs = groupCount(executed, (p) => (p.execTxHash ?? '').toLowerCase());
  for (const [tx, n] of execTxs) if (n > 1) problems.push(`${n} payouts claim execution tx ${tx}`);
  return result('one Safe execution per safeTxHash', problems, `${s.safeExecutions.length} executions on-chain = ${executed.length} EXECUTED payouts`);
};

/**
 * No money moved that should not have: the treasury and trader balances moved by exactly the
 * confirmed premiums and the executed payouts, every USDC transfer touching them is one of those,
 * and the checkout holds nothing.
 */
export const moneyMatchesLedger: Invariant = (s) => {
  const problems: string[] = [];
  const { treasury, trader, checkout } = s.addresses;
  const premiums = s.payments.filter((p) => p.status === 'CONFIRMED');
  const payouts = s.payouts.filter((p) => p.status === 'EXECUTED');
  const premiumsIn = sum(premiums.map((p) => p.premium));
  const payoutsOut = sum(payouts.map((p) => p.amount));
  const treasuryDelta = s.balances.treasury.after - s.balances.treasury.before;
  if (treasuryDelta !== premiumsIn - payoutsOut) problems.push(`treasury moved ${usdc(treasuryDelta)}, ledger says ${usdc(premiumsIn)} in − ${usdc(payoutsOut)} out`);
  const traderDelta = s.balances.trader.after - s.balances.trader.before;
  const traderLedger = sum(payouts.filter((p) => same(p.recipient, trader)).map((p) => p.amount)) - sum(premiums.filter((p) => same(p.buyer, trader)).map((p) => p.premium));
  if (traderDelta !== traderLedger) problems.push(`trader moved ${usdc(traderDelta)}, ledger says ${usdc(traderLedger)}`);
  if (s.balances.checkout.after !== 0n) problems.push(`checkout holds ${usdc(s.balances.checkout.after)}`);
  for (const transfer of s.transfers) {
    const premium = same(transfer.to, treasury) && premiums.some((p) => same(p.key.split(':')[1], transfer.txHash) && p.premium === transfer.value);
    const payout = same(transfer.from, treasury) && payouts.some((p) => same(p.execTxHash, transfer.txHash) && p.amount === transfer.value && same(p.recipient, transfer.to));
    // A premium passes through the checkout inside its payment transaction (buyer → checkout → treasury).
    const viaCheckout = (same(transfer.to, checkout) || same(transfer.from, checkout)) && premiums.some((p) => same(p.key.split(':')[1], transfer.txHash) && p.premium === transfer.value);
    if (!premium && !payout && !viaCheckout) problems.push(`unexplained USDC transfer ${usdc(transfer.value)} ${transfer.from} → ${transfer.to} in ${transfer.txHash}`);
  }
  return result(
    'no money moved that should not have (balances = premiums − payouts)',
    problems,
    `treasury ${usdc(treasuryDelta)} = ${usdc(premiumsIn)} premiums − ${usdc(payoutsOut)} payouts; trader ${usdc(traderDelta)}; ${s.transfers.length} transfers all explained; checkout 0`,
  );
};

export const INVARIANTS: readonly Invariant[] = [
  journeysPaid,
  noClaimStuck,
  policiesMatchPayments,
  oneActivationPerPayment,
  oneClaimPerEvent,
  eventsHandledOnce,
  onePayoutPerClaim,
  oneExecutionPerSafeTx,
  moneyMatchesLedger,
];

export function checkInvariants(snapshot: DrillSnapshot): InvariantResult[] {
  return INVARIANTS.map((invariant) => invariant(snapshot));
}
