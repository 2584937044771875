import { describe, expect, it } from 'vitest';
import { AbiCoder } from 'ethers';
import { bytes32Word, uintWord, WORD } from './eip712-words';

describe('EIP-712 words', () => {
  it('encode as the ABI does: one big-endian 32-byte word', () => {
    for (const [value, bits] of [[0n, 64], [1n, 32], [(1n << 64n) - 1n, 64], [123_456_789_000_000n, 256], [(1n << 256n) - 1n, 256]] as const) {
      expect(`0x${uintWord(value, bits, 'x').toString('hex')}`).toBe(AbiCoder.defaultAbiCoder().encode([`uint${bits}`], [value]));
    }
    const hash = `0x${'ab'.repeat(32)}`;
    expect(bytes32Word(hash, 'x')).toHaveLength(WORD);
    expect(`0x${bytes32Word(hash, 'x').toString('hex')}`).toBe(hash);
  });

  it('refuse a value that does not fit its type, naming the field', () => {
    expect(() => uintWord(1n << 32n, 32, 'quote leverage')).toThrow(/quote leverage does not fit a uint32/);
    expect(() => uintWord(-1n, 64, 'deadline')).toThrow(/deadline/);
    expect(() => bytes32Word('0x1234', 'orderId')).toThrow(/orderId must be 32 bytes/);
    expect(() => bytes32Word(`${'ab'.repeat(32)}`, 'root')).toThrow(/root/);
  });
});
