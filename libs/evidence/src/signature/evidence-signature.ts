import { verifyTypedData, type Signer, type TypedDataDomain } from 'ethers';

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

export function signEvidence(signer: Signer, seal: EvidenceSeal): Promise<string> {
  return signer.signTypedData(EVIDENCE_DOMAIN, EVIDENCE_TYPES, message(seal));
}

/** The address that signed; throws on a malformed signature. */
export function recoverEvidenceSigner(seal: EvidenceSeal, signature: string): string {
  return verifyTypedData(EVIDENCE_DOMAIN, EVIDENCE_TYPES, message(seal), signature);
}
