/**
 * One range is read at once but committed in chunks that end on block boundaries, so the outbox
 * relay publishes the first chunk while the next is written, and no transaction grows without
 * bound during a backfill. The cursor after a chunk is the chunk's last block.
 */
export interface Chunk<T> {
  readonly toBlock: number;
  readonly items: readonly T[];
}

/**
 * Splits items (in chain order) into chunks of about `maxItems`, never splitting one block; the
 * last chunk always ends at `rangeTo`, even when it is empty (the cursor must still advance).
 */
export function chunkByBlock<T extends { readonly blockNumber: number }>(items: readonly T[], maxItems: number, rangeTo: number): Chunk<T>[] {
  if (maxItems < 1) throw new Error('maxItems must be at least 1');
  const chunks: Chunk<T>[] = [];
  let current: T[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    if (item.blockNumber > rangeTo) throw new Error(`item in block ${item.blockNumber} lies past the range end ${rangeTo}`);
    current.push(item);
    const next = items[i + 1];
    const blockEnds = next === undefined || next.blockNumber !== item.blockNumber;
    if (blockEnds && current.length >= maxItems && next !== undefined) {
      chunks.push({ toBlock: item.blockNumber, items: current });
      current = [];
    }
  }
  chunks.push({ toBlock: rangeTo, items: current });
  return chunks;
}
