import { describe, expect, it } from 'vitest';
import { getAddress, Wallet } from 'ethers';
import { packSignatures, recoverSafeTxSigner, SAFE_TX_TYPES, safeTxHash, usdcTransferSafeTx } from './safe-tx';

const SAFE = '0x1111111111111111111111111111111111111111';
const USDC = '0x2222222222222222222222222222222222222222';
const RECIPIENT = '0x3333333333333333333333333333333333333333';

describe('SafeTx of a payout', () => {
  it('calls USDC transfer(recipient, amount) with operation 0 and no gas refund', () => {
    const tx = usdcTransferSafeTx(USDC, RECIPIENT, 500_000_000n, 7);
    expect(tx).toMatchObject({ to: getAddress(USDC), value: '0', operation: 0, safeTxGas: '0', gasPrice: '0', nonce: '7' });
    expect(tx.data.slice(0, 10)).toBe('0xa9059cbb');
    expect(BigInt(`0x${tx.data.slice(74)}`)).toBe(500_000_000n);
  });

  it('hashes differently for another nonce, amount, chain or Safe', () => {
    const base = safeTxHash(31337, SAFE, usdcTransferSafeTx(USDC, RECIPIENT, 1n, 0));
    expect(safeTxHash(31337, SAFE, usdcTransferSafeTx(USDC, RECIPIENT, 1n, 1))).not.toBe(base);
    expect(safeTxHash(31337, SAFE, usdcTransferSafeTx(USDC, RECIPIENT, 2n, 0))).not.toBe(base);
    expect(safeTxHash(1, SAFE, usdcTransferSafeTx(USDC, RECIPIENT, 1n, 0))).not.toBe(base);
    expect(safeTxHash(31337, RECIPIENT, usdcTransferSafeTx(USDC, RECIPIENT, 1n, 0))).not.toBe(base);
  });

  it('recovers the owner from a typed-data signature of the SafeTx', async () => {
    const owner = Wallet.createRandom();
    const tx = usdcTransferSafeTx(USDC, RECIPIENT, 1n, 0);
    const signature = await owner.signTypedData({ chainId: 31337, verifyingContract: SAFE }, SAFE_TX_TYPES, tx);
    expect(recoverSafeTxSigner(safeTxHash(31337, SAFE, tx), signature).signer).toBe(owner.address);
    expect(recoverSafeTxSigner(safeTxHash(31337, SAFE, { ...tx, nonce: '1' }), signature).signer).not.toBe(owner.address);
  });

  it('packs threshold signatures in ascending owner order', () => {
    const sig = (n: string) => `0x${n.repeat(130)}`;
    const packed = packSignatures(
      [
        { signer: '0xf000000000000000000000000000000000000000', signature: sig('f') },
        { signer: '0x0a00000000000000000000000000000000000000', signature: sig('a') },
        { signer: '0x0b00000000000000000000000000000000000000', signature: sig('b') },
      ],
      2,
    );
    expect(packed).toBe(`0x${'a'.repeat(130)}${'b'.repeat(130)}`);
    expect(() => packSignatures([{ signer: SAFE, signature: sig('a') }], 2)).toThrow(/need 2/);
  });
});
