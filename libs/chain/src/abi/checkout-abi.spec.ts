import { keccak256, toUtf8Bytes } from 'ethers';
import { describe, expect, it } from 'vitest';
import { checkoutInterface, decodePremiumPaid, PREMIUM_PAID_TOPIC } from './checkout-abi';

describe('PremiumPaid', () => {
  it('has the topic of its canonical signature', () => {
    expect(PREMIUM_PAID_TOPIC).toBe(
      keccak256(toUtf8Bytes('PremiumPaid(bytes32,address,address,uint256,uint256,uint256,uint64,bytes32,address)')),
    );
  });

  it('decodes every field of a log', () => {
    const fields = {
      orderId: keccak256(toUtf8Bytes('o')),
      buyer: '0x976EA74026E726554dB657fA54763abd0C3a0aa9',
      token: '0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e',
      premium: 12_500_000n,
      payout: 100_000_000n,
      payoutCap: 120_000_000n,
      coverageSeconds: 86_400n,
      quoteHash: keccak256(toUtf8Bytes('q')),
      treasury: '0xBBD3E9fBd4E418889BC3B6B2a12C2EA510acE7Ff',
    };
    const log = checkoutInterface.encodeEventLog('PremiumPaid', Object.values(fields));
    expect(decodePremiumPaid(log)).toEqual(fields);
  });

  it('refuses another event', () => {
    const log = checkoutInterface.encodeEventLog('Paused', ['0x976EA74026E726554dB657fA54763abd0C3a0aa9']);
    expect(() => decodePremiumPaid(log)).toThrow(/not a PremiumPaid log/);
  });
});
