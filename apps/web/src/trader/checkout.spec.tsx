import { Interface, keccak256, Signature, toUtf8Bytes, TypedDataEncoder, verifyTypedData, type Signer, type TransactionRequest } from 'ethers';
import { describe, expect, it } from 'vitest';
import { devAccount } from '../wallet/wallet';
import { EIP2612_ABI, permitDeadline, permitDomain, permitTypedData } from './checkout';

const USDC = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const CHECKOUT = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const token = new Interface(EIP2612_ABI);

/** A wallet whose view calls a fake token answers: `answers` by function name, a missing one reverts. */
async function walletOn(answers: Record<string, unknown>): Promise<Signer> {
  const wallet = await devAccount(6);
  const runner = {
    provider: null,
    getAddress: async () => wallet.address,
    call: async (tx: TransactionRequest) => {
      const fn = token.parseTransaction({ data: String(tx.data) })!;
      if (!(fn.name in answers)) throw new Error('execution reverted');
      return token.encodeFunctionResult(fn.name, [answers[fn.name]]);
    },
  };
  return runner as unknown as Signer;
}

const fiatDomain = { name: 'USD Coin', version: '2', chainId: 31337, verifyingContract: USDC };

describe('paying with a permit', () => {
  it('finds the token’s permit domain when name, version and chain hash to its DOMAIN_SEPARATOR', async () => {
    const signer = await walletOn({ name: 'USD Coin', version: '2', nonces: 3n, DOMAIN_SEPARATOR: TypedDataEncoder.hashDomain(fiatDomain) });
    expect(await permitDomain(signer, USDC, 31337)).toEqual({ domain: fiatDomain, nonce: 3n });
  });

  it('refuses the permit when the domain does not match (another chain, a token that hashes differently) or the token has no EIP-2612', async () => {
    const separator = TypedDataEncoder.hashDomain(fiatDomain);
    expect(await permitDomain(await walletOn({ name: 'USD Coin', version: '2', nonces: 0n, DOMAIN_SEPARATOR: separator }), USDC, 1)).toBeNull();
    expect(await permitDomain(await walletOn({ name: 'USD Coin', version: '1', nonces: 0n, DOMAIN_SEPARATOR: separator }), USDC, 31337)).toBeNull();
    expect(await permitDomain(await walletOn({ name: 'Plain Token', nonces: 0n, DOMAIN_SEPARATOR: separator }), USDC, 31337)).toBeNull();
  });

  it('signs an EIP-2612 Permit for exactly the premium to the checkout, recoverable to the buyer', async () => {
    const buyer = await devAccount(6);
    const typed = permitTypedData(fiatDomain, { owner: buyer.address, spender: CHECKOUT, value: 12_500_000n, nonce: 0n, deadline: 1_900_000_000n });
    const signature = await buyer.signTypedData(typed.domain, typed.types, typed.message);
    expect(verifyTypedData(typed.domain, typed.types, typed.message, signature)).toBe(buyer.address);
    // EIP-2612's PERMIT_TYPEHASH, as FiatToken hard-codes it.
    expect(keccak256(toUtf8Bytes(TypedDataEncoder.from(typed.types).encodeType('Permit')))).toBe('0x6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c9');
    expect([27, 28]).toContain(Signature.from(signature).v);
  });

  it('uses the quote’s deadline for the permit, or thirty minutes when the quote has none', () => {
    const quote = { orderId: '0x', buyer: '0x', premium: '1', payout: '1', payoutCap: '1', coverageSeconds: '60', instrument: 'BTC-USDT-SWAP', leverage: '2000', deadline: '1900000000' };
    expect(permitDeadline(quote, 0)).toBe(1_900_000_000n);
    expect(permitDeadline({ ...quote, deadline: '0' }, 1_000_000)).toBe(1_000n + 1_800n);
  });
});
