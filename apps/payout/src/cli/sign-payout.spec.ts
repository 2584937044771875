import { describe, expect, it } from 'vitest';
import { Wallet } from 'ethers';
import { recoverSafeTxSigner, safeTxHash, safeTxTypedData, usdcTransferSafeTx } from '../payouts/domain/safe-tx';
import { signPayout } from './sign-payout';

const SAFE = '0x1111111111111111111111111111111111111111';
const USDC = '0x2222222222222222222222222222222222222222';
const RECIPIENT = '0x3333333333333333333333333333333333333333';

function listed(amount = 500n) {
  const tx = usdcTransferSafeTx(USDC, RECIPIENT, amount, 3);
  return { id: 'p1', status: 'PROPOSED', chainId: 31337, safeAddress: SAFE, safeTxHash: safeTxHash(31337, SAFE, tx), recipient: RECIPIENT, token: USDC, amountUsdc: String(amount), typedData: safeTxTypedData(31337, SAFE, tx) };
}

describe('sign-payout', () => {
  it('signs the listed SafeTx so that it recovers to the key file owner', async () => {
    const owner = Wallet.createRandom();
    const payout = listed();
    const { signer, signature } = await signPayout(payout, owner.privateKey);
    expect(signer).toBe(owner.address);
    expect(recoverSafeTxSigner(payout.safeTxHash, signature).signer).toBe(owner.address);
  });

  it('refuses typed data that does not match the listed hash, amount or status', async () => {
    const key = Wallet.createRandom().privateKey;
    await expect(signPayout({ ...listed(), safeTxHash: listed(501n).safeTxHash }, key)).rejects.toThrow(/does not hash/);
    await expect(signPayout({ ...listed(), amountUsdc: '1' }, key)).rejects.toThrow(/not a plain USDC transfer/);
    await expect(signPayout({ ...listed(), status: 'EXECUTED' }, key)).rejects.toThrow(/only PROPOSED/);
  });
});
