/**
 * OKX lists are newest first. `after` asks for records older than the cursor, `before` for
 * records newer than it; `begin`/`end` bound the record time (inclusive). With only `before`
 * the page holds the records nearest the cursor (still newest first), so a client can walk
 * forward page by page without skipping any.
 */
export interface PageRequest {
  readonly after?: bigint;
  readonly before?: bigint;
  readonly begin?: number;
  readonly end?: number;
  readonly limit: number;
}

export interface Pageable {
  /** The cursor value: an id, or a time in ms for positions-history. */
  readonly cursor: bigint;
  /** The time `begin`/`end` filter on. */
  readonly timeMs: number;
}

export function pageNewestFirst<T>(items: readonly T[], key: (item: T) => Pageable, page: PageRequest): T[] {
  const selected = items
    .map((item) => ({ item, key: key(item) }))
    .filter(({ key: k }) => page.after === undefined || k.cursor < page.after)
    .filter(({ key: k }) => page.before === undefined || k.cursor > page.before)
    .filter(({ key: k }) => page.begin === undefined || k.timeMs >= page.begin)
    .filter(({ key: k }) => page.end === undefined || k.timeMs <= page.end)
    .sort((a, b) => (a.key.cursor === b.key.cursor ? 0 : a.key.cursor > b.key.cursor ? -1 : 1));
  const window = page.before !== undefined && page.after === undefined ? selected.slice(-page.limit) : selected.slice(0, page.limit);
  return window.map(({ item }) => item);
}
