import type { PolicyView } from './claim-preconditions';

export interface OkxReadCall {
  readonly name: string;
  readonly endpoint: string;
  readonly query: Record<string, string>;
}

/** OKX instType from the instrument id: BTC-USDT-SWAP, BTC-USDT-251226 (futures), BTC-USDT (margin). */
export function instTypeOf(instId: string): string {
  if (instId.endsWith('-SWAP')) return 'SWAP';
  if (/-[0-9]{6}$/.test(instId)) return 'FUTURES';
  return 'MARGIN';
}

/** How far back OKX's orders-history reaches (OKX.md: 7 days), less a day for clocks and the edge. */
export const ORDERS_HISTORY_REACH_MS = 6 * 86_400_000;

/**
 * Every OKX read a verification needs (OKX.md detection rule), independent of each other so
 * okx-binding runs them in parallel: liquidation orders per category from history — and from the
 * archive too when the reads reach back further than history keeps (the archive keeps 3 months,
 * the last 7 days included, so for a younger position it would only repeat history, at half
 * history's rate limit) — the position's history, fills, liquidation bills, and, only for a
 * binding recorded without the insured size (before okx-binding reported it), the insured
 * order, whose fill is then the size a partial liquidation scales against. Reads start at the
 * position's creation (or a day before binding), not at coverage start, so a liquidation before
 * binding or in the waiting period is seen and named.
 */
export function verificationReads(policy: PolicyView, nowMs: number): OkxReadCall[] {
  const instId = policy.instId!;
  const instType = instTypeOf(instId);
  const begin = policy.posCTime ?? String((policy.boundAt?.getTime() ?? policy.paidAt!.getTime()) - 86_400_000);
  const liquidations = (category: string) => ({ instType, instId, category, begin, limit: '100' });
  const calls: OkxReadCall[] = [
    { name: 'orders-history:full_liquidation', endpoint: 'ordersHistory', query: liquidations('full_liquidation') },
    { name: 'orders-history:partial_liquidation', endpoint: 'ordersHistory', query: liquidations('partial_liquidation') },
  ];
  if (Number(begin) < nowMs - ORDERS_HISTORY_REACH_MS) {
    calls.push(
      { name: 'orders-history-archive:full_liquidation', endpoint: 'ordersHistoryArchive', query: liquidations('full_liquidation') },
      { name: 'orders-history-archive:partial_liquidation', endpoint: 'ordersHistoryArchive', query: liquidations('partial_liquidation') },
    );
  }
  calls.push(
    { name: 'fills-history', endpoint: 'fillsHistory', query: { instType, instId, begin, limit: '100' } },
    { name: 'bills', endpoint: 'bills', query: { instType, instId, type: '5', begin, limit: '100' } },
  );
  if (!policy.posSzAtBind) calls.push({ name: 'insured-order', endpoint: 'order', query: { instId, ordId: policy.ordId! } });
  if (policy.posId) calls.push({ name: 'positions-history', endpoint: 'positionsHistory', query: { instType, instId, posId: policy.posId, limit: '100' } });
  return calls;
}
