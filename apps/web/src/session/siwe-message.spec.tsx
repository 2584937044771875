import { verifyMessage } from 'ethers';
import { SiweMessage } from 'siwe';
import { describe, expect, it } from 'vitest';
import { devAccount } from '../wallet/wallet';
import { siweMessage } from './siwe-message';

describe('the sign-in message', () => {
  it('is a standard EIP-4361 message the gateway\'s parser reads back field for field, signed by the dev wallet', async () => {
    const wallet = await devAccount(6);
    const issuedAt = new Date('2026-01-02T03:04:05.000Z');
    const text = siweMessage({ domain: 'localhost:3000', address: wallet.address, chainId: 31337, nonce: 'abcDEF123456', issuedAt });
    const parsed = new SiweMessage(text);
    expect(parsed).toMatchObject({ domain: 'localhost:3000', address: wallet.address, chainId: 31337, nonce: 'abcDEF123456', issuedAt: issuedAt.toISOString(), version: '1' });
    expect(parsed.prepareMessage()).toBe(text);
    expect(verifyMessage(text, await wallet.signMessage(text))).toBe(wallet.address);
  });

  it('derives the anvil accounts of LOCAL-STACK.md from the public mnemonic', async () => {
    expect((await devAccount(0)).address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect((await devAccount(1)).address).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
  });
});
