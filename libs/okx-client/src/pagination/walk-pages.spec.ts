import { describe, expect, it } from 'vitest';
import type { OkxResult } from '../client/okx-http';
import type { RawOkxResponse } from '../client/raw-okx-response';
import { walkPages, walkRecentThenArchive, type PageCursor } from './walk-pages';

interface Rec {
  readonly id: string;
}

/** An in-memory OKX list: ids are numeric strings, newest (largest) first, as OKX pages them. */
function okxList(ids: number[]) {
  const calls: PageCursor[] = [];
  const sorted = [...ids].sort((a, b) => b - a);
  const fetchPage = async (cursor: PageCursor, limit: number): Promise<OkxResult<Rec>> => {
    calls.push(cursor);
    let rows = sorted;
    if (cursor.after !== undefined) rows = rows.filter((id) => id < Number(cursor.after));
    if (cursor.before !== undefined) rows = rows.filter((id) => id > Number(cursor.before)).slice(-limit);
    const data = rows.slice(0, limit).map((id) => ({ id: String(id) }));
    return { data, raw: { status: 200, query: { ...cursor } } as unknown as RawOkxResponse };
  };
  return { fetchPage, calls };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('walkPages', () => {
  it('walks back with after = the oldest id of each page until a short page', async () => {
    const list = okxList(range(1, 25));
    const walk = await walkPages({ fetchPage: list.fetchPage, cursorOf: (r) => r.id, direction: 'older' }, { limit: 10 });
    expect(walk.items.map((r) => Number(r.id))).toEqual(range(1, 25).reverse());
    expect(list.calls).toEqual([{}, { after: '16' }, { after: '6' }]);
    expect(walk.pages).toHaveLength(3);
    expect(walk.complete).toBe(true);
  });

  it('stops on an empty page after a full one', async () => {
    const list = okxList(range(1, 20));
    const walk = await walkPages({ fetchPage: list.fetchPage, cursorOf: (r) => r.id, direction: 'older' }, { limit: 10 });
    expect(walk.items).toHaveLength(20);
    expect(list.calls).toEqual([{}, { after: '11' }, { after: '1' }]);
    expect(walk.complete).toBe(true);
  });

  it('walks forward with before = the newest id of each page', async () => {
    const list = okxList(range(1, 25));
    const walk = await walkPages({ fetchPage: list.fetchPage, cursorOf: (r) => r.id, direction: 'newer', start: { before: '3' } }, { limit: 10 });
    expect(walk.items.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(range(4, 25));
    expect(list.calls).toEqual([{ before: '3' }, { before: '13' }, { before: '23' }]);
  });

  it('reports an incomplete walk when maxPages stops it', async () => {
    const list = okxList(range(1, 50));
    const walk = await walkPages({ fetchPage: list.fetchPage, cursorOf: (r) => r.id, direction: 'older' }, { limit: 10, maxPages: 2 });
    expect(walk.items).toHaveLength(20);
    expect(walk.complete).toBe(false);
  });

  it('stops when the cursor does not move', async () => {
    const fetchPage = async (): Promise<OkxResult<Rec>> => ({ data: [{ id: '5' }, { id: '5' }], raw: {} as RawOkxResponse });
    const walk = await walkPages({ fetchPage, cursorOf: (r) => r.id, direction: 'older', start: { after: '5' } }, { limit: 2, maxPages: 5 });
    expect(walk.pages).toHaveLength(1);
  });
});

describe('walkRecentThenArchive', () => {
  it('continues in the archive after the oldest recent record and counts overlaps once', async () => {
    const recent = okxList(range(41, 55));
    const archive = okxList(range(1, 55));
    const walk = await walkRecentThenArchive(
      { recent: recent.fetchPage, archive: archive.fetchPage, cursorOf: (r) => r.id, idOf: (r) => r.id },
      { limit: 10 },
    );
    expect(walk.items.map((r) => Number(r.id))).toEqual(range(1, 55).reverse());
    expect(archive.calls[0]).toEqual({ after: '41' });
    expect(walk.usedArchive).toBe(true);
    expect(walk.complete).toBe(true);
  });

  it('starts the archive from the top when the recent window is empty', async () => {
    const recent = okxList([]);
    const archive = okxList(range(1, 3));
    const walk = await walkRecentThenArchive({ recent: recent.fetchPage, archive: archive.fetchPage, cursorOf: (r) => r.id, idOf: (r) => r.id });
    expect(walk.items.map((r) => r.id)).toEqual(['3', '2', '1']);
    expect(archive.calls).toEqual([{}]);
  });

  it('does not reach the archive when the page budget ran out in the recent window', async () => {
    const recent = okxList(range(1, 30));
    const archive = okxList(range(1, 30));
    const walk = await walkRecentThenArchive(
      { recent: recent.fetchPage, archive: archive.fetchPage, cursorOf: (r) => r.id, idOf: (r) => r.id },
      { limit: 10, maxPages: 2 },
    );
    expect(walk.usedArchive).toBe(false);
    expect(walk.complete).toBe(false);
    expect(archive.calls).toEqual([]);
  });
});
