import { getAddress, hexlify, keccak256 as ethersKeccak, randomBytes, toUtf8Bytes } from 'ethers';
import { describe, expect, it } from 'vitest';
import { isWalletAddress, toChecksumAddress } from './address';
import { keccak256 } from './keccak256';

const hex = (bytes: Uint8Array) => hexlify(bytes);

describe('keccak256', () => {
  it('matches the known empty-input digest', () => {
    expect(hex(keccak256(new Uint8Array()))).toBe('0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
  });

  it('matches ethers on inputs around the 136-byte block boundary', () => {
    for (const length of [1, 40, 135, 136, 137, 300]) {
      const input = randomBytes(length);
      expect(hex(keccak256(input)), `length ${length}`).toBe(ethersKeccak(input));
    }
    expect(hex(keccak256(toUtf8Bytes('liqpass')))).toBe(ethersKeccak(toUtf8Bytes('liqpass')));
  });
});

describe('wallet addresses', () => {
  it('computes the same EIP-55 checksum as ethers', () => {
    for (let i = 0; i < 20; i++) {
      const lower = hex(randomBytes(20));
      expect(toChecksumAddress(lower)).toBe(getAddress(lower));
    }
  });

  it('accepts lower case and correct checksums, refuses wrong checksums and bad shapes', () => {
    expect(isWalletAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe(true);
    expect(isWalletAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe(true);
    expect(isWalletAddress('0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe(false);
    expect(isWalletAddress('0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED')).toBe(false);
    expect(isWalletAddress('5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe(false);
    expect(isWalletAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea')).toBe(false);
    expect(isWalletAddress('0xzzaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe(false);
  });
});
