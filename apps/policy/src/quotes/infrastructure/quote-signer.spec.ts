import { Wallet } from 'ethers';
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
});
