import { keccak256, ZeroHash } from 'ethers';
import { canonicalJsonBytes } from '../canonical/canonical-json';

/**
 * keccak256 of the UTF-8 bytes of the item's RFC 8785 form: one leaf of the evidence tree,
 * hashed straight from the bytes the canonical form was written as (no string in between).
 */
export function evidenceLeaf(item: unknown): string {
  return keccak256(canonicalJsonBytes(item));
}

/**
 * Sorted-pair Merkle root (LOCAL-STACK.md "Evidence bundle"): parent = keccak256(min ‖ max),
 * a lone last node moves up unchanged — OpenZeppelin `MerkleProof`'s rule and merkletreejs with
 * `sortPairs: true`. No leaves gives the zero hash (a claim always has at least one item).
 * Worked on bytes, not hex strings: each node is hashed straight from the two below it.
 */
export function merkleRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) return ZeroHash;
  let level: Buffer[] = leaves.map((leaf) => {
    if (typeof leaf !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(leaf)) throw new TypeError(`a leaf must be 32 bytes: ${leaf}`);
    return Buffer.from(leaf.slice(2), 'hex');
  });
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i]!;
      const b = level[i + 1];
      next.push(b === undefined ? a : Buffer.from(keccak256(Buffer.compare(a, b) <= 0 ? Buffer.concat([a, b]) : Buffer.concat([b, a])).slice(2), 'hex'));
    }
    level = next;
  }
  return `0x${level[0]!.toString('hex')}`;
}
