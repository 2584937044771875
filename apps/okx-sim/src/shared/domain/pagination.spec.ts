import { describe, expect, it } from 'vitest';
import { pageNewestFirst, type PageRequest } from './pagination';

const records = Array.from({ length: 10 }, (_, i) => ({ id: BigInt(100 + i), ts: 1000 + i * 10 }));
const page = (request: Partial<PageRequest>) =>
  pageNewestFirst(records, (r) => ({ cursor: r.id, timeMs: r.ts }), { limit: 100, ...request }).map((r) => Number(r.id));

describe('pageNewestFirst', () => {
  it('returns newest first, capped by limit', () => {
    expect(page({ limit: 3 })).toEqual([109, 108, 107]);
  });

  it('walks back with after = the last id of the previous page, without gaps or repeats', () => {
    const seen: number[] = [];
    let after: bigint | undefined;
    for (;;) {
      const batch = page({ limit: 4, after });
      if (batch.length === 0) break;
      seen.push(...batch);
      after = BigInt(batch[batch.length - 1]);
    }
    expect(seen).toEqual([109, 108, 107, 106, 105, 104, 103, 102, 101, 100]);
  });

  it('with before returns the records just newer than the cursor, newest first', () => {
    expect(page({ before: 102n, limit: 3 })).toEqual([105, 104, 103]);
    expect(page({ before: 109n })).toEqual([]);
  });

  it('with both cursors returns the range between them', () => {
    expect(page({ after: 106n, before: 102n })).toEqual([105, 104, 103]);
  });

  it('filters by begin and end inclusively on the record time', () => {
    expect(page({ begin: 1030, end: 1050 })).toEqual([105, 104, 103]);
  });
});
