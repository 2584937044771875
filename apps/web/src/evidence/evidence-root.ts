import { getBytes, hexlify, keccak256, toUtf8Bytes } from 'ethers';
import { canonicalJson } from './canonical-json';

/** The part of the sealed bundle (LOCAL-STACK.md "Evidence bundle") the root depends on. */
export interface EvidenceBundleLike {
  readonly items: readonly unknown[];
  readonly leaves?: readonly string[];
  readonly root?: string;
}

/** A leaf: keccak256 of the UTF-8 bytes of the item's RFC 8785 canonical JSON. */
export function evidenceLeaf(item: unknown): string {
  return keccak256(toUtf8Bytes(canonicalJson(item)));
}

/**
 * The sorted-pair Merkle root over the leaves as given: parent = keccak256(min ‖ max) by byte
 * order; a lone last node moves up unchanged (OpenZeppelin MerkleProof / merkletreejs sortPairs).
 */
export function sortedPairRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) throw new Error('an evidence tree needs at least one leaf');
  let level = leaves.map((leaf) => hexlify(getBytes(leaf)));
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i]!;
      const b = level[i + 1];
      if (b === undefined) next.push(a);
      else next.push(keccak256(a < b ? concat(a, b) : concat(b, a)));
    }
    level = next;
  }
  return level[0]!;
}

// Same-length lowercase hex compares in byte order, so string order is byte order here.
const concat = (a: string, b: string) => `0x${a.slice(2)}${b.slice(2)}`;

export interface RootCheck {
  readonly ok: boolean;
  readonly recomputedLeaves: string[];
  readonly recomputedRoot: string;
  readonly problems: string[];
}

/** Recomputes every leaf and the root in the browser and compares them with what the bundle claims. */
export function checkEvidenceRoot(bundle: EvidenceBundleLike): RootCheck {
  const problems: string[] = [];
  const recomputedLeaves = bundle.items.map(evidenceLeaf);
  const recomputedRoot = sortedPairRoot(recomputedLeaves);
  if (bundle.leaves) {
    if (bundle.leaves.length !== recomputedLeaves.length) problems.push(`the bundle lists ${bundle.leaves.length} leaves for ${recomputedLeaves.length} items`);
    recomputedLeaves.forEach((leaf, i) => {
      const claimed = bundle.leaves![i];
      if (claimed !== undefined && claimed.toLowerCase() !== leaf) problems.push(`leaf ${i} does not match item ${i}`);
    });
  }
  if (!bundle.root) problems.push('the bundle has no root');
  else if (bundle.root.toLowerCase() !== recomputedRoot) problems.push('the recomputed root differs from the sealed root');
  return { ok: problems.length === 0, recomputedLeaves, recomputedRoot, problems };
}
