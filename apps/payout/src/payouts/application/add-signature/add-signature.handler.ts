import { Injectable } from '@nestjs/common';
import { getAddress } from 'ethers';
import { DataSource } from 'typeorm';
import { PayoutError } from '../../domain/payout';
import { recoverSafeTxSigner } from '../../domain/safe-tx';
import { PayoutRepository } from '../../infrastructure/payout.repository';
import { SafeChain } from '../../infrastructure/safe-chain';
import { payoutView, type PayoutView } from '../payout-view';

export interface AddSignatureCommand {
  readonly payoutId: string;
  readonly signer: string;
  readonly signature: string;
  /** The signed-in wallet that posted it (finance, or the owner themself). */
  readonly submittedBy: string | null;
}

/**
 * Records one owner's EIP-712 SafeTx signature: the payout must be waiting for signatures, the
 * signer must be a current owner of the Safe (read from the chain, not remembered), the
 * signature must recover to that signer over this payout's SafeTx hash, and each owner signs once.
 */
@Injectable()
export class AddSignatureHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly payouts: PayoutRepository,
    private readonly chain: SafeChain,
  ) {}

  async execute(cmd: AddSignatureCommand): Promise<PayoutView> {
    const signer = getAddress(cmd.signer);
    const existing = await this.payouts.get(cmd.payoutId);
    if (!existing) throw new PayoutError('NOT_FOUND', `no payout ${cmd.payoutId}`, 404);
    if (existing.status !== 'PROPOSED' || !existing.safeTxHash) {
      throw new PayoutError('INVALID_STATUS_TRANSITION', `payout is ${existing.status}; signatures are collected only while PROPOSED`, 409);
    }
    const { owners } = await this.chain.safeState();
    if (!owners.includes(signer.toLowerCase())) throw new PayoutError('FORBIDDEN', `${signer} is not a current owner of the treasury Safe`, 403);

    let recovered: { signer: string; normalized: string };
    try {
      recovered = recoverSafeTxSigner(existing.safeTxHash, cmd.signature);
    } catch {
      throw new PayoutError('VALIDATION_FAILED', 'signature is not a valid ECDSA signature', 422);
    }
    if (recovered.signer !== signer) {
      throw new PayoutError('VALIDATION_FAILED', `the signature is not ${signer}'s signature of SafeTx ${existing.safeTxHash}`, 422);
    }

    return this.dataSource.transaction(async (manager) => {
      const payout = await this.payouts.get(cmd.payoutId, manager, true);
      if (payout?.status !== 'PROPOSED') throw new PayoutError('INVALID_STATUS_TRANSITION', `payout is ${payout?.status}; signatures are collected only while PROPOSED`, 409);
      const added = await this.payouts.addSignature(manager, payout.id, signer, recovered.normalized, cmd.submittedBy);
      if (!added) throw new PayoutError('INVALID_STATUS_TRANSITION', `${signer} has already signed this payout`, 409);
      const signatures = await this.payouts.signatures([payout.id], manager);
      return payoutView(payout, signatures.get(payout.id) ?? []);
    });
  }
}
