import { describe, expect, it } from 'vitest';
import { chunkByBlock } from './commit-chunks';

const at = (...blocks: number[]) => blocks.map((blockNumber, i) => ({ blockNumber, i }));

describe('chunkByBlock', () => {
  it('keeps a small range in one chunk ending at the range end', () => {
    const chunks = chunkByBlock(at(3, 3, 5), 10, 9);
    expect(chunks).toEqual([{ toBlock: 9, items: at(3, 3, 5) }]);
  });

  it('still advances to the range end with no items at all', () => {
    expect(chunkByBlock([], 10, 42)).toEqual([{ toBlock: 42, items: [] }]);
  });

  it('cuts after about maxItems, only where a block ends', () => {
    const chunks = chunkByBlock(at(1, 1, 1, 2, 2, 3, 4), 2, 10);
    expect(chunks.map((c) => [c.toBlock, c.items.map((x) => x.blockNumber)])).toEqual([
      [1, [1, 1, 1]],
      [2, [2, 2]],
      [10, [3, 4]],
    ]);
  });

  it('never splits a block, however many logs it holds', () => {
    const chunks = chunkByBlock(at(7, 7, 7, 7, 7), 2, 7);
    expect(chunks).toEqual([{ toBlock: 7, items: at(7, 7, 7, 7, 7) }]);
  });

  it('loses and duplicates nothing', () => {
    const items = at(...Array.from({ length: 1000 }, (_, i) => Math.floor(i / 7)));
    const chunks = chunkByBlock(items, 50, 200);
    expect(chunks.flatMap((c) => c.items)).toEqual(items);
    for (const chunk of chunks) expect(chunk.items.every((x) => x.blockNumber <= chunk.toBlock)).toBe(true);
    expect(chunks.at(-1)!.toBlock).toBe(200);
  });

  it('refuses items past the range end', () => {
    expect(() => chunkByBlock(at(11), 5, 10)).toThrow(/past the range end/);
  });
});
