import { getAddress } from 'ethers';

/**
 * The manual path's file (CHAIN.md): pending payouts as a batch the Safe{Wallet} Transaction
 * Builder imports (format version 1.0). One payout gives a single call whose SafeTx hash is the
 * stored one when the Safe UI uses the same nonce; several give a MultiSend batch (another
 * SafeTx hash) — mark-paid accepts either once the transfers check out on-chain. Pure.
 */
export interface ExportablePayout {
  readonly id: string;
  readonly claimId: string;
  readonly token: string;
  readonly recipient: string;
  readonly amountUsdc: string;
  readonly memo: string;
}

export function transactionBuilderBatch(chainId: number, safe: string, payouts: readonly ExportablePayout[], createdAtMs: number) {
  return {
    version: '1.0',
    chainId: String(chainId),
    createdAt: createdAtMs,
    meta: {
      name: `LiqPass payouts (${payouts.length})`,
      description: payouts.map((p) => `claim ${p.claimId} payout ${p.id} memo ${p.memo}`).join('; '),
      txBuilderVersion: '1.16.5',
      createdFromSafeAddress: getAddress(safe),
      createdFromOwnerAddress: '',
    },
    transactions: payouts.map((p) => ({
      to: getAddress(p.token),
      value: '0',
      data: null,
      contractMethod: {
        inputs: [
          { internalType: 'address', name: 'to', type: 'address' },
          { internalType: 'uint256', name: 'value', type: 'uint256' },
        ],
        name: 'transfer',
        payable: false,
      },
      contractInputsValues: { to: getAddress(p.recipient), value: p.amountUsdc },
    })),
  };
}
