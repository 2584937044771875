import type { OkxResult } from '../client/okx-http';
import type { RawOkxResponse } from '../client/raw-okx-response';

/** OKX cursors: `after` asks for older records than the cursor, `before` for newer. */
export interface PageCursor {
  readonly after?: string;
  readonly before?: string;
}

export interface WalkOptions {
  /** Records per page, 1–100. */
  readonly limit?: number;
  /** Stop after this many pages (a walk is bounded by OKX's rate limits). */
  readonly maxPages?: number;
}

export interface PageWalk<T> {
  readonly items: T[];
  /** Every page's raw response, in the order fetched: evidence of what was (and was not) there. */
  readonly pages: RawOkxResponse[];
  /** False when `maxPages` stopped the walk before OKX ran out of records. */
  readonly complete: boolean;
}

export interface WalkSpec<T> {
  readonly fetchPage: (cursor: PageCursor, limit: number) => Promise<OkxResult<T>>;
  /** The record's cursor value: ordId, billId, or uTime for positions history. */
  readonly cursorOf: (record: T) => string;
  /** `older` walks back from the newest (or from `start.after`); `newer` walks forward from `start.before`. */
  readonly direction: 'older' | 'newer';
  readonly start?: PageCursor;
}

export const DEFAULT_PAGE_LIMIT = 100;
export const DEFAULT_MAX_PAGES = 10;

/**
 * Follows OKX's newest-first pagination. Older: the next `after` is the last (oldest) record
 * of the page. Newer: the next `before` is the first (newest) record, which relies on OKX
 * returning the records nearest the cursor. Ends on a short or empty page, or a cursor that
 * does not move.
 */
export async function walkPages<T>(spec: WalkSpec<T>, options: WalkOptions = {}): Promise<PageWalk<T>> {
  const limit = options.limit ?? DEFAULT_PAGE_LIMIT;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const items: T[] = [];
  const pages: RawOkxResponse[] = [];
  let cursor: PageCursor = spec.start ?? {};
  for (let page = 0; page < maxPages; page += 1) {
    const { data, raw } = await spec.fetchPage(cursor, limit);
    pages.push(raw);
    items.push(...data);
    if (data.length < limit) return { items, pages, complete: true };
    const next = nextCursor(spec, data);
    if (next === undefined || sameCursor(next, cursor)) return { items, pages, complete: true };
    cursor = next;
  }
  return { items, pages, complete: false };
}

function nextCursor<T>(spec: WalkSpec<T>, data: readonly T[]): PageCursor | undefined {
  const edge = spec.direction === 'older' ? data[data.length - 1] : data[0];
  if (edge === undefined) return undefined;
  const value = spec.cursorOf(edge);
  if (!value) return undefined;
  return spec.direction === 'older' ? { after: value } : { before: value };
}

function sameCursor(a: PageCursor, b: PageCursor): boolean {
  return a.after === b.after && a.before === b.before;
}

export interface ArchiveWalkSpec<T> {
  /** The short-retention endpoint (orders-history, fills, bills). */
  readonly recent: WalkSpec<T>['fetchPage'];
  /** Its long-retention twin (orders-history-archive, fills-history, bills-archive). */
  readonly archive: WalkSpec<T>['fetchPage'];
  readonly cursorOf: (record: T) => string;
  /** Identity for de-duplication: the archive overlaps the recent window. */
  readonly idOf: (record: T) => string;
}

/**
 * Walks the recent endpoint back in time, then continues in the archive from where it ended
 * (`after` = the oldest record seen), so records past the recent retention are still found.
 * Records the two return in common count once.
 */
export async function walkRecentThenArchive<T>(spec: ArchiveWalkSpec<T>, options: WalkOptions = {}): Promise<PageWalk<T> & { readonly usedArchive: boolean }> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const recent = await walkPages({ fetchPage: spec.recent, cursorOf: spec.cursorOf, direction: 'older' }, { ...options, maxPages });
  const remaining = maxPages - recent.pages.length;
  if (!recent.complete || remaining <= 0) return { ...recent, complete: false, usedArchive: false };
  const oldest = recent.items[recent.items.length - 1];
  const archive = await walkPages(
    { fetchPage: spec.archive, cursorOf: spec.cursorOf, direction: 'older', start: oldest ? { after: spec.cursorOf(oldest) } : {} },
    { ...options, maxPages: remaining },
  );
  const seen = new Set(recent.items.map(spec.idOf));
  const items = [...recent.items, ...archive.items.filter((record) => !seen.has(spec.idOf(record)))];
  return { items, pages: [...recent.pages, ...archive.pages], complete: archive.complete, usedArchive: true };
}
