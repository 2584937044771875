import { keccak256, toUtf8Bytes, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { checkoutInterface, decodePremiumPaid } from '@liqpass/chain';
import { checksum, decodePremiumPaidLog } from './premium-paid-decoder';

const address = () => Wallet.createRandom().address;
const word = (n: number) => keccak256(toUtf8Bytes(String(n)));

function encoded(values: { premium?: bigint; coverageSeconds?: bigint } = {}) {
  return checkoutInterface.encodeEventLog('PremiumPaid', [
    word(1),
    address(),
    address(),
    values.premium ?? 12_500_000n,
    2n ** 255n + 7n,
    0n,
    values.coverageSeconds ?? 86_400n,
    word(2),
    address(),
  ]);
}

describe('decodePremiumPaidLog', () => {
  it('gives exactly what the ABI decoder gives, for many logs', () => {
    for (let i = 0; i < 50; i += 1) {
      const log = encoded({ premium: BigInt(i) * 10n ** 30n + 1n, coverageSeconds: 2n ** 64n - 1n - BigInt(i) });
      expect(decodePremiumPaidLog(log)).toEqual(decodePremiumPaid(log));
    }
  });

  it('refuses another event, as the ABI decoder does', () => {
    const other = checkoutInterface.encodeEventLog('Paused', [address()]);
    expect(() => decodePremiumPaidLog(other)).toThrow(/not a PremiumPaid log/);
  });

  it('leaves a log that does not fit the layout to the ABI decoder, so both agree on it', () => {
    const log = encoded();
    const outcome = (decode: () => unknown) => {
      try {
        return { value: decode() };
      } catch (error) {
        return { error: (error as Error).message };
      }
    };
    const dirtyAddress = `0x${'ff'.repeat(12)}${log.topics[2]!.slice(26)}`;
    const odd = [
      { ...log, data: `${log.data}${'00'.repeat(32)}` },
      { topics: [log.topics[0]!, log.topics[1]!, dirtyAddress], data: log.data },
      { topics: log.topics.slice(0, 2), data: log.data },
    ];
    for (const candidate of odd) expect(outcome(() => decodePremiumPaidLog(candidate))).toEqual(outcome(() => decodePremiumPaid(candidate)));
  });
});

describe('checksum', () => {
  it('is EIP-55, with or without 0x, whatever the case', () => {
    const a = address();
    expect(checksum(a.toLowerCase())).toBe(a);
    expect(checksum(a.slice(2).toUpperCase())).toBe(a);
  });
});
