import { getAddress } from 'ethers';
import { evidenceLeaf, merkleRoot } from '../merkle/merkle-root';
import { recoverEvidenceSigner, signEvidence, type EvidenceSeal } from '../signature/evidence-signature';
import type { DigestSigner } from '@liqpass/signing';

/** One raw OKX response as kept for a claim (LOCAL-STACK.md "Evidence bundle"). */
export interface EvidenceItem {
  readonly name: string;
  readonly request: { readonly method: string; readonly path: string; readonly query: Readonly<Record<string, string>> };
  readonly status: number;
  readonly fetchedAt: string;
  readonly body: unknown;
}

/** The normalized outcome next to the raw items; the seal's time and payout are read from it. */
export interface EvidenceSummary {
  readonly outcome: 'VERIFIED' | 'REJECTED' | 'FAILED';
  readonly reasonCode: string | null;
  readonly liquidationKind: 'FULL' | 'PARTIAL' | null;
  readonly okxEventId: string | null;
  readonly liquidationTimeMs: number;
  readonly payoutUsdc: string;
  readonly [key: string]: unknown;
}

export interface EvidenceBundle {
  readonly claimId: string;
  readonly orderId: string;
  readonly items: readonly EvidenceItem[];
  readonly leaves: readonly string[];
  readonly root: string;
  readonly summary: EvidenceSummary;
  readonly signature: string;
  readonly signer: string;
}

export function sealOf(bundle: Pick<EvidenceBundle, 'claimId' | 'orderId' | 'summary'>, root: string): EvidenceSeal {
  return { claimId: bundle.claimId, orderId: bundle.orderId, root, liquidationTimeMs: bundle.summary.liquidationTimeMs, payoutUsdc: bundle.summary.payoutUsdc };
}

/** Leaves in item order, the sorted-pair root, and the verifier's signature over the seal. */
export function sealEvidence(input: { claimId: string; orderId: string; items: readonly EvidenceItem[]; summary: EvidenceSummary }, signer: DigestSigner): EvidenceBundle {
  const leaves = input.items.map(evidenceLeaf);
  const root = merkleRoot(leaves);
  const signature = signEvidence(signer, sealOf(input, root));
  return { claimId: input.claimId, orderId: input.orderId, items: input.items, leaves, root, summary: input.summary, signature, signer: getAddress(signer.address) };
}

export interface BundleCheck {
  readonly ok: boolean;
  /** One line per mismatch, naming what differs. */
  readonly problems: string[];
  readonly recomputedLeaves: string[];
  readonly recomputedRoot: string;
  readonly recoveredSigner: string | null;
}

/**
 * Recomputes every leaf and the root from the items and recovers the signer from the seal;
 * `expectedSigner` (if given) must match too. Never throws on a malformed bundle: it reports.
 */
export function verifyEvidenceBundle(bundle: EvidenceBundle, expectedSigner?: string): BundleCheck {
  const problems: string[] = [];
  const items = Array.isArray(bundle?.items) ? bundle.items : [];
  if (!Array.isArray(bundle?.items)) problems.push('items: missing or not an array');
  const recomputedLeaves: string[] = [];
  items.forEach((item, index) => {
    try {
      recomputedLeaves.push(evidenceLeaf(item));
    } catch (error) {
      recomputedLeaves.push('0x');
      problems.push(`items[${index}]: cannot be canonicalised (${(error as Error).message})`);
    }
  });
  const given = Array.isArray(bundle?.leaves) ? bundle.leaves : [];
  if (given.length !== recomputedLeaves.length) problems.push(`leaves: ${given.length} given, ${recomputedLeaves.length} items`);
  recomputedLeaves.forEach((leaf, index) => {
    if (given[index] !== undefined && String(given[index]).toLowerCase() !== leaf) problems.push(`leaves[${index}] (${items[index]?.name ?? '?'}): given ${given[index]}, recomputed ${leaf}`);
  });
  let recomputedRoot = '0x';
  try {
    recomputedRoot = merkleRoot(recomputedLeaves.filter((leaf) => leaf !== '0x'));
  } catch (error) {
    problems.push(`root: cannot be computed (${(error as Error).message})`);
  }
  if (String(bundle?.root).toLowerCase() !== recomputedRoot) problems.push(`root: given ${bundle?.root}, recomputed ${recomputedRoot}`);
  let recoveredSigner: string | null = null;
  try {
    recoveredSigner = recoverEvidenceSigner(sealOf(bundle, recomputedRoot), bundle.signature);
  } catch (error) {
    problems.push(`signature: cannot be recovered (${(error as Error).message})`);
  }
  if (recoveredSigner !== null) {
    if (!sameAddress(recoveredSigner, bundle.signer)) problems.push(`signature: signed by ${recoveredSigner}, bundle names ${bundle.signer}`);
    if (expectedSigner !== undefined && !sameAddress(recoveredSigner, expectedSigner)) problems.push(`signature: signed by ${recoveredSigner}, expected ${expectedSigner}`);
  }
  return { ok: problems.length === 0, problems, recomputedLeaves, recomputedRoot, recoveredSigner };
}

function sameAddress(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}
