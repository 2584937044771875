import { keccak256, toUtf8Bytes, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { checkoutDomain, type Quote } from './quote';
import { hashQuote, QUOTE_TYPE_STRING, recoverQuoteSigner, signQuote, verifyQuote } from './sign-quote';

const signer = new Wallet('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
const domain = checkoutDomain(31337, '0x4ed7c70F96B99c776995fB64377f0d4aB3B0e1C1');
const quote: Quote = {
  orderId: keccak256(toUtf8Bytes('order-1')),
  buyer: '0x976EA74026E726554dB657fA54763abd0C3a0aa9',
  premium: 12_500_000n,
  payout: 100_000_000n,
  payoutCap: 120_000_000n,
  coverageSeconds: 604_800n,
  instrument: 'BTC-USDT-SWAP',
  leverage: 1000n,
  deadline: 1_750_000_900n,
};

/** One changed value per field, in struct order. */
const ALTERATIONS: { [K in keyof Quote]: Quote[K] } = {
  orderId: keccak256(toUtf8Bytes('order-2')),
  buyer: '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955',
  premium: 12_500_001n,
  payout: 100_000_001n,
  payoutCap: 120_000_001n,
  coverageSeconds: 604_801n,
  instrument: 'ETH-USDT-SWAP',
  leverage: 1001n,
  deadline: 1_750_000_901n,
};

describe('quote EIP-712', () => {
  it('spells the type exactly as the contract’s QUOTE_TYPEHASH does', () => {
    expect(QUOTE_TYPE_STRING).toBe(
      'Quote(bytes32 orderId,address buyer,uint256 premium,uint256 payout,uint256 payoutCap,uint64 coverageSeconds,string instrument,uint32 leverage,uint64 deadline)',
    );
  });

  it('signs so that the signer is recovered and the hash is the EIP-712 digest', async () => {
    const signed = await signQuote(signer, domain, quote);
    expect(signed.quoteHash).toBe(hashQuote(domain, quote));
    expect(recoverQuoteSigner(domain, quote, signed.signature)).toBe(signer.address);
    expect(verifyQuote(domain, quote, signed.signature, signer.address.toLowerCase())).toBe(true);
  });

  it.each(Object.keys(ALTERATIONS) as (keyof Quote)[])('refuses the quote when %s is altered', async (field) => {
    const { signature } = await signQuote(signer, domain, quote);
    const altered = { ...quote, [field]: ALTERATIONS[field] };
    expect(hashQuote(domain, altered)).not.toBe(hashQuote(domain, quote));
    expect(verifyQuote(domain, altered, signature, signer.address)).toBe(false);
  });

  it('binds chain id and contract through the domain', async () => {
    const { signature } = await signQuote(signer, domain, quote);
    const otherChain = checkoutDomain(8453, String(domain.verifyingContract));
    const otherContract = checkoutDomain(31337, '0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e');
    expect(verifyQuote(otherChain, quote, signature, signer.address)).toBe(false);
    expect(verifyQuote(otherContract, quote, signature, signer.address)).toBe(false);
  });

  it('answers false, not an exception, for a malformed signature', () => {
    expect(verifyQuote(domain, quote, '0x1234', signer.address)).toBe(false);
  });
});
