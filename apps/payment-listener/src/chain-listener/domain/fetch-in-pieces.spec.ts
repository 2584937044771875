import { describe, expect, it } from 'vitest';
import { AdaptiveRangeSize, blocksIn, type BlockRange } from './block-range';
import { fetchInPieces } from './fetch-in-pieces';

/** A provider with a block-range limit and a result-size limit, over one log per `every` blocks. */
function limitedProvider(limits: { maxBlocks?: number; maxResults?: number; every?: number }) {
  const calls: BlockRange[] = [];
  const fetch = async (piece: BlockRange) => {
    calls.push(piece);
    if (limits.maxBlocks !== undefined && blocksIn(piece) > limits.maxBlocks) throw new Error(`block range too large: max ${limits.maxBlocks}`);
    const blocks = Array.from({ length: blocksIn(piece) }, (_, i) => piece.from + i).filter((n) => n % (limits.every ?? 1) === 0);
    if (limits.maxResults !== undefined && blocks.length > limits.maxResults) throw new Error(`query returned more than ${limits.maxResults} results`);
    return blocks;
  };
  return { calls, fetch };
}

describe('fetchInPieces', () => {
  it('reads a range in one call when the provider accepts it', async () => {
    const provider = limitedProvider({});
    const logs = await fetchInPieces({ from: 10, to: 19 }, new AdaptiveRangeSize(100), provider.fetch);
    expect(logs).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(provider.calls).toEqual([{ from: 10, to: 19 }]);
  });

  it('splits a refused range and still returns every log once, in order', async () => {
    const provider = limitedProvider({ maxBlocks: 300 });
    const refusals: BlockRange[] = [];
    const logs = await fetchInPieces({ from: 0, to: 1999 }, new AdaptiveRangeSize(2000), provider.fetch, (r) => refusals.push(r.piece));
    expect(logs).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(refusals.length).toBeGreaterThan(0);
    expect(provider.calls.filter((c) => blocksIn(c) <= 300).every((c, i, all) => i === 0 || c.from === all[i - 1]!.to + 1)).toBe(true);
  });

  it('splits on a result-size limit too', async () => {
    const provider = limitedProvider({ maxResults: 10 });
    const logs = await fetchInPieces({ from: 1, to: 100 }, new AdaptiveRangeSize(100), provider.fetch);
    expect(logs).toHaveLength(100);
    expect(provider.calls.every((c) => blocksIn(c) <= 100)).toBe(true);
  });

  it('keeps the smaller size for the next range, and grows it back as calls succeed', async () => {
    const size = new AdaptiveRangeSize(1000);
    await fetchInPieces({ from: 0, to: 999 }, size, limitedProvider({ maxBlocks: 250 }).fetch);
    const reduced = size.current;
    expect(reduced).toBeLessThan(1000);
    const provider = limitedProvider({});
    await fetchInPieces({ from: 1000, to: 29_999 }, size, provider.fetch);
    expect(blocksIn(provider.calls[0]!)).toBe(reduced);
    expect(size.current).toBe(1000);
  });

  it('fails after log2(range) attempts when every call fails, and says why', async () => {
    let calls = 0;
    const down = async () => {
      calls += 1;
      throw new Error('connect ECONNREFUSED');
    };
    await expect(fetchInPieces({ from: 0, to: 1023 }, new AdaptiveRangeSize(1024), down)).rejects.toThrow(/ECONNREFUSED/);
    expect(calls).toBe(11);
  });

  it('fails when a single block is refused', async () => {
    const provider = limitedProvider({ maxResults: 0 });
    await expect(fetchInPieces({ from: 5, to: 5 }, new AdaptiveRangeSize(10), provider.fetch)).rejects.toThrow(/more than 0 results/);
  });
});
