/**
 * PRODUCT.md §5: coverage starts at the later of the payment's block time and the binding,
 * plus the waiting period, and lasts `coverage_seconds`.
 */
export function coverageWindow(paidBlockTime: Date, boundAt: Date, waitingPeriodSeconds: number, coverageSeconds: number): { start: Date; end: Date } {
  const later = Math.max(paidBlockTime.getTime(), boundAt.getTime());
  const start = new Date(later + waitingPeriodSeconds * 1000);
  return { start, end: new Date(start.getTime() + coverageSeconds * 1000) };
}
