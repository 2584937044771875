/**
 * Ids shaped like OKX's: decimal strings that grow with time. An id is the event time in ms
 * followed by a six-digit counter, so sorting ids numerically sorts records by time even when
 * a control call back-dates an event — which is what the `after`/`before` cursors rely on.
 */
export class IdSequence {
  private counter = 0;
  private trades = 0;

  next(atMs: number): string {
    this.counter = (this.counter + 1) % 1_000_000;
    return `${Math.trunc(atMs)}${String(this.counter).padStart(6, '0')}`;
  }

  /** Trade ids are short, increasing numbers on OKX. */
  nextTradeId(): string {
    this.trades += 1;
    return String(100_000_000 + this.trades);
  }
}
