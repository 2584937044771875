import { AdaptiveRangeSize, blocksIn, pieceAt, type BlockRange } from './block-range';

export interface PieceRefusal {
  readonly piece: BlockRange;
  readonly error: unknown;
}

/**
 * Reads a block range in pieces (CHAIN.md step 4): asks for as much as the size allows; when the
 * provider refuses (a range or result-size limit), halves the piece and retries from the same
 * block; a single block that still fails is an error. A provider that is simply down costs
 * log2(range) failed calls, not one per block.
 */
export async function fetchInPieces<T>(
  range: BlockRange,
  size: AdaptiveRangeSize,
  fetch: (piece: BlockRange) => Promise<readonly T[]>,
  onRefused: (refusal: PieceRefusal) => void = () => undefined,
): Promise<T[]> {
  const out: T[] = [];
  let from = range.from;
  let attempt = Math.min(size.current, blocksIn(range));
  while (from <= range.to) {
    const piece = pieceAt(range, from, attempt);
    try {
      const items = await fetch(piece);
      for (const item of items) out.push(item);
      size.succeeded();
      from = piece.to + 1;
      attempt = size.current;
    } catch (error) {
      const smaller = size.refused(blocksIn(piece));
      if (smaller === null) throw error;
      onRefused({ piece, error });
      attempt = smaller;
    }
  }
  return out;
}
