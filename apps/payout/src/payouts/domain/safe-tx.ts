import { getAddress, Interface, Signature, recoverAddress, TypedDataEncoder, ZeroAddress, type TypedDataDomain, type TypedDataField } from 'ethers';

/**
 * The Safe transaction of a payout, built with plain ethers (CHAIN.md "Payouts through a Safe"):
 * a USDC `transfer` called by the Safe (operation 0, no gas refund), its EIP-712 `SafeTx` hash
 * (what owners sign and what `ExecutionSuccess` names), and the signature bytes
 * `execTransaction` expects. Pure: no provider, no keys.
 */
export interface SafeTx {
  readonly to: string;
  readonly value: string;
  readonly data: string;
  readonly operation: 0;
  readonly safeTxGas: string;
  readonly baseGas: string;
  readonly gasPrice: string;
  readonly gasToken: string;
  readonly refundReceiver: string;
  readonly nonce: string;
}

export const SAFE_TX_TYPES: Record<'SafeTx', TypedDataField[]> = {
  SafeTx: [
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'data', type: 'bytes' },
    { name: 'operation', type: 'uint8' },
    { name: 'safeTxGas', type: 'uint256' },
    { name: 'baseGas', type: 'uint256' },
    { name: 'gasPrice', type: 'uint256' },
    { name: 'gasToken', type: 'address' },
    { name: 'refundReceiver', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
};

export const ERC20_TRANSFER = new Interface(['function transfer(address to, uint256 value) returns (bool)']);

/** The Safe's EIP-712 domain (Safe ≥ 1.3: chain id and the Safe's address, no name or version). */
export function safeDomain(chainId: number, safe: string): TypedDataDomain {
  return { chainId, verifyingContract: getAddress(safe) };
}

/** The SafeTx paying `amount` base units of `token` to `recipient` at Safe nonce `nonce`. */
export function usdcTransferSafeTx(token: string, recipient: string, amount: bigint, nonce: number): SafeTx {
  return {
    to: getAddress(token),
    value: '0',
    data: ERC20_TRANSFER.encodeFunctionData('transfer', [getAddress(recipient), amount]),
    operation: 0,
    safeTxGas: '0',
    baseGas: '0',
    gasPrice: '0',
    gasToken: ZeroAddress,
    refundReceiver: ZeroAddress,
    nonce: String(nonce),
  };
}

/** The typed data an owner signs (eth_signTypedData_v4 / ethers `signTypedData`), as JSON. */
export function safeTxTypedData(chainId: number, safe: string, tx: SafeTx) {
  return {
    domain: safeDomain(chainId, safe),
    types: { EIP712Domain: [{ name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }], ...SAFE_TX_TYPES },
    primaryType: 'SafeTx' as const,
    message: tx,
  };
}

/** The SafeTx hash, identical to the contract's `getTransactionHash`. */
export function safeTxHash(chainId: number, safe: string, tx: SafeTx): string {
  return TypedDataEncoder.hash(safeDomain(chainId, safe), SAFE_TX_TYPES, tx).toLowerCase();
}

/**
 * The owner who produced an ECDSA signature of the SafeTx hash, and the signature normalised
 * to the 65 bytes the Safe reads (v = 27/28). Throws when the bytes are no signature at all.
 */
export function recoverSafeTxSigner(hash: string, signature: string): { signer: string; normalized: string } {
  const sig = Signature.from(signature);
  return { signer: recoverAddress(hash, sig), normalized: sig.serialized.toLowerCase() };
}

/** `execTransaction`'s signature bytes: `threshold` signatures, ascending by owner address (the Safe requires it). */
export function packSignatures(signatures: readonly { signer: string; signature: string }[], threshold: number): string {
  if (signatures.length < threshold) throw new Error(`need ${threshold} signatures, have ${signatures.length}`);
  const sorted = [...signatures].sort((a, b) => (BigInt(a.signer) < BigInt(b.signer) ? -1 : 1));
  return `0x${sorted
    .slice(0, threshold)
    .map((s) => s.signature.slice(2))
    .join('')}`;
}
