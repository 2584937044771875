import { describe, expect, it } from 'vitest';
import { checkoutDomain, type Quote } from './quote';
import { parseQuoteMessage, quoteTypedData, toQuoteMessage } from './quote-message';

const quote: Quote = {
  orderId: '0x' + 'ab'.repeat(32),
  buyer: '0x976EA74026E726554dB657fA54763abd0C3a0aa9',
  premium: 12_500_000n,
  payout: 100_000_000n,
  payoutCap: 120_000_000n,
  coverageSeconds: 604_800n,
  instrument: 'BTC-USDT-SWAP',
  leverage: 1000n,
  deadline: 1_750_000_900n,
};

describe('quote wire form', () => {
  it('round-trips through JSON with integers as decimal strings', () => {
    const json = JSON.parse(JSON.stringify(toQuoteMessage(quote)));
    expect(json.premium).toBe('12500000');
    expect(parseQuoteMessage(json)).toEqual(quote);
  });

  it('builds eth_signTypedData_v4 typed data whose message keys are the struct fields in order', () => {
    const typed = quoteTypedData(checkoutDomain(31337, '0x4ed7c70F96B99c776995fB64377f0d4aB3B0e1C1'), quote);
    expect(typed.primaryType).toBe('Quote');
    expect(typed.domain).toEqual({ name: 'LiqPassCheckout', version: '1', chainId: 31337, verifyingContract: '0x4ed7c70F96B99c776995fB64377f0d4aB3B0e1C1' });
    expect(Object.keys(typed.message)).toEqual(typed.types.Quote.map((f) => f.name));
    expect(() => JSON.stringify(typed)).not.toThrow(); // no bigint left inside
  });

  it.each([
    ['a negative premium', { premium: '-1' }],
    ['a float', { premium: '12.5' }],
    ['leverage beyond uint32', { leverage: String(2n ** 32n) }],
    ['a deadline beyond uint64', { deadline: String(2n ** 64n) }],
    ['a short order id', { orderId: '0x1234' }],
    ['a bad checksum', { buyer: '0x976eA74026E726554dB657fA54763abd0C3a0aa9' }],
    ['an empty instrument', { instrument: '' }],
    ['an unknown key', { token: '0x' }],
  ])('refuses %s', (_label, change) => {
    expect(() => parseQuoteMessage({ ...toQuoteMessage(quote), ...change })).toThrow();
  });
});
