import { hexlify, randomBytes, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { checkoutDomain, hashQuote, recoverQuoteSigner, signQuote, type Quote } from '@liqpass/chain';
import { QuoteSigner } from './quote-signer';

const wallet = new Wallet('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const domain = checkoutDomain(31337, '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707');
const quote = (premium: bigint): Quote => ({
  orderId: `0x${'0'.repeat(32)}0195f0e812347abc8def0123456789ab`,
  buyer: '0x976EA74026E726554dB657fA54763abd0C3a0aa9',
  premium,
  payout: 400_000_000n,
  payoutCap: 500_000_000n,
  coverageSeconds: 86_400n,
  instrument: 'BTC-USDT-SWAP',
  leverage: 2000n,
  deadline: 1_900_000_000n,
});

describe('QuoteSigner', () => {
  it('produces exactly libs/chain’s quote hash and signature, quote after quote', async () => {
    const signer = new QuoteSigner(wallet, domain);
    for (const premium of [1n, 12_500_000n, 999_999_999_999n]) {
      const expected = await signQuote(wallet, domain, quote(premium));
      const actual = signer.sign(quote(premium));
      expect(actual.quoteHash).toBe(hashQuote(domain, quote(premium)));
      expect(actual).toEqual({ quoteHash: expected.quoteHash, signature: expected.signature });
      expect(recoverQuoteSigner(domain, quote(premium), actual.signature)).toBe(wallet.address);
    }
  });

  it('encodes the struct as ethers’ EIP-712 encoder does, on random quotes', async () => {
    const signer = new QuoteSigner(wallet, domain);
    const below = (bits: number) => BigInt(hexlify(randomBytes(bits / 8))) >> BigInt(Math.floor(Math.random() * bits));
    for (let i = 0; i < 40; i += 1) {
      const q: Quote = {
        orderId: hexlify(randomBytes(32)),
        buyer: Wallet.createRandom().address,
        premium: below(256),
        payout: below(256),
        payoutCap: below(256),
        coverageSeconds: below(64),
        instrument: ['BTC-USDT-SWAP', 'ETH-USDT-SWAP', `X-${i}-ÿ€`][i % 3]!,
        leverage: below(32),
        deadline: i % 5 === 0 ? 0n : below(64),
      };
      const expected = await signQuote(wallet, domain, q);
      expect(signer.sign(q)).toEqual({ quoteHash: expected.quoteHash, signature: expected.signature });
    }
  });

  it('refuses a value its field cannot hold, as the generic encoder does', () => {
    const signer = new QuoteSigner(wallet, domain);
    expect(() => signer.sign({ ...quote(1n), leverage: 1n << 32n })).toThrow(/leverage/);
    expect(() => signer.sign({ ...quote(1n), coverageSeconds: -1n })).toThrow(/coverageSeconds/);
    expect(() => signer.sign({ ...quote(1n), orderId: '0x1234' })).toThrow(/orderId/);
    expect(() => signer.sign({ ...quote(1n), buyer: '0x1234' })).toThrow(/buyer/);
  });
});
