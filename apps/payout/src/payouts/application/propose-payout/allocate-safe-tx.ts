import type { EntityManager } from 'typeorm';
import type { PayoutSettings } from '../../../config/payout-settings';
import { safeTxHash, usdcTransferSafeTx } from '../../domain/safe-tx';
import type { NewSafeTx, PayoutRepository } from '../../infrastructure/payout.repository';
import type { SafeChain } from '../../infrastructure/safe-chain';

/**
 * The SafeTx paying `amount` to `recipient` at the next free Safe nonce: after the Safe's own
 * nonce and after every payout already waiting for its turn (Safe nonces are sequential). The
 * caller holds the per-Safe lock (PayoutRepository.lockSafe) for the rest of its transaction.
 */
export async function allocateSafeTx(
  manager: EntityManager,
  deps: { readonly settings: PayoutSettings; readonly payouts: PayoutRepository; readonly chain: SafeChain },
  recipient: string,
  amount: bigint,
): Promise<NewSafeTx> {
  const { chain } = deps.settings;
  const [state, head, highest] = await Promise.all([
    deps.chain.safeState(),
    deps.chain.head(),
    deps.payouts.highestNonce(manager, chain.chainId, chain.contracts.treasurySafe),
  ]);
  const nonce = Math.max(state.nonce, highest === null ? 0 : highest + 1);
  const tx = usdcTransferSafeTx(chain.contracts.usdc, recipient, amount, nonce);
  return { nonce, tx, hash: safeTxHash(chain.chainId, chain.contracts.treasurySafe, tx), proposedBlock: head };
}
