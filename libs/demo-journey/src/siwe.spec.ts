import { Wallet } from 'ethers';
import { SiweMessage } from 'siwe';
import { describe, expect, it } from 'vitest';
import { siweMessage } from './siwe';

describe('siweMessage', () => {
  it('is a standard EIP-4361 message for the domain, address, chain and nonce given', async () => {
    const wallet = Wallet.createRandom();
    const issuedAt = new Date('2030-01-02T03:04:05.000Z');
    const text = siweMessage({ domain: 'localhost:3000', address: wallet.address, chainId: 31337, nonce: 'abcdef0123456789', issuedAt });
    expect(text.startsWith('localhost:3000 wants you to sign in with your Ethereum account:\n' + wallet.address)).toBe(true);
    const parsed = new SiweMessage(text);
    expect([parsed.domain, parsed.address, parsed.chainId, parsed.nonce, parsed.issuedAt, parsed.uri]).toEqual([
      'localhost:3000',
      wallet.address,
      31337,
      'abcdef0123456789',
      issuedAt.toISOString(),
      'http://localhost:3000',
    ]);
  });
});
