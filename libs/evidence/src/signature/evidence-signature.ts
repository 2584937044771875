import { keccak256, toUtf8Bytes, TypedDataEncoder, verifyTypedData, type TypedDataDomain } from 'ethers';
import { bytes32Word, uintWord, WORD, type DigestSigner } from '@liqpass/signing';

/**
 * The verifier's EIP-712 seal. No chainId or contract in the domain: evidence is about OKX,
 * not a chain, and anyone must be able to check a bundle offline with nothing but the bundle.
 */
export const EVIDENCE_DOMAIN: TypedDataDomain = { name: 'LiqPass Evidence', version: '1' };

export const EVIDENCE_TYPES = {
  Evidence: [
    { name: 'claimId', type: 'string' },
    { name: 'orderId', type: 'bytes32' },
    { name: 'root', type: 'bytes32' },
    { name: 'liquidationTimeMs', type: 'uint64' },
    { name: 'payoutUsdc', type: 'uint256' },
  ],
};

export interface EvidenceSeal {
  readonly claimId: string;
  /** The purchase order's bytes32 on-chain id. */
  readonly orderId: string;
  readonly root: string;
  /** 0 when no liquidation was found. */
  readonly liquidationTimeMs: number;
  /** USDC base units as a decimal string (0 when nothing is payable). */
  readonly payoutUsdc: string;
}

const message = (seal: EvidenceSeal) => ({ ...seal, liquidationTimeMs: BigInt(seal.liquidationTimeMs), payoutUsdc: BigInt(seal.payoutUsdc) });

const TYPE_HASH = Buffer.from(keccak256(toUtf8Bytes(TypedDataEncoder.from(EVIDENCE_TYPES).encodeType('Evidence'))).slice(2), 'hex');
/** `0x19 0x01 ‖ domainSeparator`, the fixed start of every seal's digest input. */
const DIGEST_PREFIX = Buffer.concat([Buffer.from([0x19, 0x01]), Buffer.from(TypedDataEncoder.hashDomain(EVIDENCE_DOMAIN).slice(2), 'hex')]);

/**
 * The seal's EIP-712 digest, the struct encoded straight into its fixed layout (six words:
 * type hash, keccak of the claim id, order id, root, time, payout) rather than by ethers'
 * generic encoder, which resolved the types and round-tripped every field through hex on each
 * call. The same digest as `TypedDataEncoder.hash` (the unit test compares them); checking a
 * bundle (`recoverEvidenceSigner`) still goes through ethers' encoder, independently.
 */
export function evidenceDigest(seal: EvidenceSeal): string {
  const words = Buffer.alloc(6 * WORD);
  TYPE_HASH.copy(words, 0);
  words.write(keccak256(Buffer.from(seal.claimId, 'utf8')).slice(2), WORD, 'hex');
  bytes32Word(seal.orderId, 'orderId').copy(words, 2 * WORD);
  bytes32Word(seal.root, 'root').copy(words, 3 * WORD);
  uintWord(BigInt(seal.liquidationTimeMs), 64, 'liquidationTimeMs').copy(words, 4 * WORD);
  uintWord(BigInt(seal.payoutUsdc), 256, 'payoutUsdc').copy(words, 5 * WORD);
  const input = Buffer.alloc(DIGEST_PREFIX.length + WORD);
  DIGEST_PREFIX.copy(input, 0);
  input.write(keccak256(words).slice(2), DIGEST_PREFIX.length, 'hex');
  return keccak256(input);
}

export function signEvidence(signer: DigestSigner, seal: EvidenceSeal): string {
  return signer.sign(Buffer.from(evidenceDigest(seal).slice(2), 'hex'));
}

/** The address that signed; throws on a malformed signature. */
export function recoverEvidenceSigner(seal: EvidenceSeal, signature: string): string {
  return verifyTypedData(EVIDENCE_DOMAIN, EVIDENCE_TYPES, message(seal), signature);
}
