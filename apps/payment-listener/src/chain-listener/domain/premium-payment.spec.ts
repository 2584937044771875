import { getAddress, keccak256, toUtf8Bytes, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { checkoutInterface, PREMIUM_PAID_TOPIC } from '@liqpass/chain';
import { premiumPaidV1, premiumPaymentRevertedV1 } from '@liqpass/events';
import type { ChainLog } from './chain-log';
import { paymentFromLog, paymentMsgId, premiumPaidPayload, reversalMsgId, reversalPayload } from './premium-payment';

const buyer = Wallet.createRandom().address;
const token = Wallet.createRandom().address;
const treasury = Wallet.createRandom().address;
const checkout = Wallet.createRandom().address.toLowerCase();
const orderId = keccak256(toUtf8Bytes('order-1'));
const quoteHash = keccak256(toUtf8Bytes('quote-1'));

function premiumPaidLog(overrides: { coverageSeconds?: bigint } = {}): ChainLog {
  const encoded = checkoutInterface.encodeEventLog('PremiumPaid', [
    orderId,
    buyer,
    token,
    12_500_000n,
    500_000_000n,
    600_000_000n,
    overrides.coverageSeconds ?? 86_400n,
    quoteHash,
    treasury,
  ]);
  return {
    address: checkout,
    topics: encoded.topics,
    data: encoded.data,
    blockNumber: 120,
    blockHash: `0x${'AB'.repeat(32)}`,
    txHash: `0x${'CD'.repeat(32)}`,
    logIndex: 3,
  };
}

describe('paymentFromLog', () => {
  it('decodes every field of the log, addresses checksummed and hashes lower-case', () => {
    const log = premiumPaidLog();
    expect(log.topics[0]).toBe(PREMIUM_PAID_TOPIC);
    expect(paymentFromLog(31337, log, 1_764_000_000)).toEqual({
      chainId: 31337,
      txHash: `0x${'cd'.repeat(32)}`,
      logIndex: 3,
      blockNumber: 120,
      blockHash: `0x${'ab'.repeat(32)}`,
      blockTime: 1_764_000_000,
      checkoutAddress: getAddress(checkout),
      orderId,
      buyer,
      token,
      premium: 12_500_000n,
      payout: 500_000_000n,
      payoutCap: 600_000_000n,
      coverageSeconds: 86_400n,
      quoteHash,
      treasury,
    });
  });

  it('refuses a log of another event', () => {
    const other = checkoutInterface.encodeEventLog('Paused', [buyer]);
    expect(() => paymentFromLog(1, { ...premiumPaidLog(), topics: other.topics, data: other.data }, 0)).toThrow(/not a PremiumPaid log/);
  });
});

describe('premiumPaidPayload', () => {
  it('is a valid PremiumPaid v1 payload: amounts as strings, addresses in lower case, the depth it was confirmed at', () => {
    const payload = premiumPaidPayload(paymentFromLog(31337, premiumPaidLog(), 1_764_000_000), 125);
    expect(premiumPaidV1.parse(payload)).toEqual(payload);
    expect(payload).toMatchObject({
      checkoutAddress: checkout,
      buyer: buyer.toLowerCase(),
      token: token.toLowerCase(),
      treasury: treasury.toLowerCase(),
      premiumAmountUsdc: '12500000',
      payoutAmountUsdc: '500000000',
      coverageSeconds: 86_400,
      blockTime: '2025-11-24T16:00:00.000Z',
      confirmations: 5,
    });
  });

  it('refuses a coverage that a JSON number cannot carry exactly', () => {
    const payment = paymentFromLog(1, premiumPaidLog({ coverageSeconds: 2n ** 60n }), 0);
    expect(() => premiumPaidPayload(payment, 200)).toThrow(/does not fit/);
  });
});

describe('message ids', () => {
  it('is chainId:txHash:logIndex for a first inclusion (CHAIN.md step 7)', () => {
    expect(paymentMsgId(8453, '0xABC', 7, 0)).toBe('8453:0xabc:7');
  });

  it('carries the revision when a reorged-out log is mined again at the same place', () => {
    expect(paymentMsgId(8453, '0xabc', 7, 2)).toBe('8453:0xabc:7:r2');
  });

  it('gives the reversal its own id', () => {
    expect(reversalMsgId(paymentMsgId(1, '0xabc', 0, 1))).toBe('1:0xabc:0:r1:reverted');
  });
});

describe('reversalPayload', () => {
  it('is a valid PremiumPaymentReverted v1 payload naming the PremiumPaid it reverses', () => {
    const payload = reversalPayload(
      {
        chainId: 1,
        txHash: `0x${'cd'.repeat(32)}`,
        logIndex: 0,
        blockNumber: 9,
        blockHash: `0x${'ab'.repeat(32)}`,
        orderId,
        premiumPaidEventId: '01931d4e-8a6b-7c3d-9e0f-123456789abc',
      },
      new Date('2025-11-27T10:00:00Z'),
    );
    expect(premiumPaymentRevertedV1.parse(payload)).toEqual(payload);
  });
});
