import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SigningKey, Wallet } from 'ethers';
import { Secp256k1Signer } from './secp256k1-signer';

describe('Secp256k1Signer (libsecp256k1 in WebAssembly)', () => {
  it('gives byte for byte the signature and address ethers gives, on 200 random keys and digests', () => {
    for (let i = 0; i < 200; i++) {
      const wallet = Wallet.createRandom();
      const digest = randomBytes(32);
      const signer = new Secp256k1Signer(wallet.privateKey);
      expect(signer.address).toBe(wallet.address);
      expect(signer.sign(digest)).toBe(new SigningKey(wallet.privateKey).sign(digest).serialized);
    }
  });

  it('refuses a malformed or out-of-range key and a digest that is not 32 bytes', () => {
    expect(() => new Secp256k1Signer('0x1234')).toThrow(/32 bytes/);
    expect(() => new Secp256k1Signer(`0x${'00'.repeat(32)}`)).toThrow(/not a valid/);
    expect(() => new Secp256k1Signer(`0x${'ff'.repeat(32)}`)).toThrow(/not a valid/);
    expect(() => new Secp256k1Signer(Wallet.createRandom().privateKey).sign(randomBytes(31))).toThrow(/32 bytes/);
  });
});
