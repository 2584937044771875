import { concat, getBytes, keccak256, ZeroHash } from 'ethers';
import { canonicalJson } from '../canonical/canonical-json';

/**
 * keccak256 of the UTF-8 bytes of the item's RFC 8785 form: one leaf of the evidence tree.
 * Buffer's native encoder, not ethers' per-character one: the same bytes (JSON.stringify never
 * leaves a lone surrogate), a tenth of the CPU on a claim's raw OKX answers.
 */
export function evidenceLeaf(item: unknown): string {
  return keccak256(Buffer.from(canonicalJson(item), 'utf8'));
}

/** Byte order of two equal-length hashes (lower-case hex compares like the bytes do). */
function sortedPair(a: string, b: string): [string, string] {
  return a.toLowerCase() <= b.toLowerCase() ? [a, b] : [b, a];
}

/**
 * Sorted-pair Merkle root (LOCAL-STACK.md "Evidence bundle"): parent = keccak256(min ‖ max),
 * a lone last node moves up unchanged — OpenZeppelin `MerkleProof`'s rule and merkletreejs with
 * `sortPairs: true`. No leaves gives the zero hash (a claim always has at least one item).
 */
export function merkleRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) return ZeroHash;
  let level = leaves.map((leaf) => {
    if (getBytes(leaf).length !== 32) throw new TypeError(`a leaf must be 32 bytes: ${leaf}`);
    return leaf.toLowerCase();
  });
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      if (i + 1 === level.length) next.push(level[i]!);
      else next.push(keccak256(concat(sortedPair(level[i]!, level[i + 1]!))));
    }
    level = next;
  }
  return level[0]!;
}
