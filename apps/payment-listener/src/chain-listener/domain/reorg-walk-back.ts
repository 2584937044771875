/**
 * Reorg detection by block-hash comparison (CHAIN.md steps 3 and 9), without I/O. The listener
 * keeps the hash of every block it took a log from, of every block its cursor stood on, and
 * one older anchor; a hash that still matches the chain at its height proves the whole chain
 * below it unchanged (each header commits to its parent), so the first match walking down is
 * a common ancestor, and every payment above it sits in a replaced block.
 */
export interface KnownBlock {
  readonly number: number;
  readonly hash: string;
}

export type WalkBack =
  | { readonly kind: 'ancestor'; readonly block: number; readonly hash: string | null }
  /** The chain changed below the window: the listener must stop and someone must look. */
  | { readonly kind: 'too-deep'; readonly mismatchAt: number };

export interface WalkBackInput {
  /** Hashes the listener stored, any order. */
  readonly known: readonly KnownBlock[];
  /** The chain's hash at each known height now (null where the node has no such block). */
  readonly canonical: ReadonlyMap<number, string | null>;
  readonly cursorBlock: number;
  readonly window: number;
  /** The configured start block: from 0 a fully replaced history is simply read again. */
  readonly startBlock: number;
}

export function findCommonAncestor(input: WalkBackInput): WalkBack {
  const floor = windowFloor(input.cursorBlock, input.window);
  const descending = [...input.known].filter((b) => b.number <= input.cursorBlock).sort((a, b) => b.number - a.number);
  for (const block of descending) {
    if (sameHash(input.canonical.get(block.number), block.hash)) return { kind: 'ancestor', block: block.number, hash: block.hash };
    if (block.number < floor) return { kind: 'too-deep', mismatchAt: block.number };
  }
  if (input.startBlock === 0) return { kind: 'ancestor', block: -1, hash: null };
  return { kind: 'too-deep', mismatchAt: descending.at(-1)?.number ?? input.cursorBlock };
}

/** Lowest height inside the reorg window; hashes below it are pruned but for one anchor. */
export function windowFloor(cursorBlock: number, window: number): number {
  return cursorBlock - window;
}

/** Block hashes compare case-insensitively (providers differ in hex case). */
export function sameHash(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}
