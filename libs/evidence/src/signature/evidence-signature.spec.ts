import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TypedDataEncoder, Wallet } from 'ethers';
import { EVIDENCE_DOMAIN, EVIDENCE_TYPES, evidenceDigest, recoverEvidenceSigner, signEvidence, type EvidenceSeal } from './evidence-signature';
import { Secp256k1Signer } from '@liqpass/signing';

const hex32 = () => `0x${randomBytes(32).toString('hex')}`;
const randomSeal = (i: number): EvidenceSeal => ({
  claimId: i % 7 === 0 ? `claim ✓ ${i}` : randomUUID(),
  orderId: hex32(),
  root: hex32(),
  liquidationTimeMs: i % 5 === 0 ? 0 : 1_700_000_000_000 + Math.floor(Math.random() * 1e11),
  payoutUsdc: i % 3 === 0 ? '0' : (BigInt(`0x${randomBytes(i % 2 ? 8 : 31).toString('hex')}`)).toString(),
});
const ethersMessage = (seal: EvidenceSeal) => ({ ...seal, liquidationTimeMs: BigInt(seal.liquidationTimeMs), payoutUsdc: BigInt(seal.payoutUsdc) });

describe('the evidence seal', () => {
  it('has the digest ethers’ generic EIP-712 encoder gives, on 60 random seals', () => {
    for (let i = 0; i < 60; i++) {
      const seal = randomSeal(i);
      expect(evidenceDigest(seal)).toBe(TypedDataEncoder.hash(EVIDENCE_DOMAIN, EVIDENCE_TYPES, ethersMessage(seal)));
    }
  });

  it('is signed exactly as ethers’ signTypedData signs it, and recovers to the signer', async () => {
    const wallet = Wallet.createRandom();
    const signer = new Secp256k1Signer(wallet.privateKey);
    for (let i = 0; i < 10; i++) {
      const seal = randomSeal(i);
      const signature = signEvidence(signer, seal);
      expect(signature).toBe(await wallet.signTypedData(EVIDENCE_DOMAIN, EVIDENCE_TYPES, ethersMessage(seal)));
      expect(recoverEvidenceSigner(seal, signature)).toBe(wallet.address);
    }
  });

  it('refuses fields that do not fit their EIP-712 types instead of signing something else', () => {
    const seal = randomSeal(1);
    expect(() => evidenceDigest({ ...seal, orderId: '0x1234' })).toThrow(/orderId must be 32 bytes/);
    expect(() => evidenceDigest({ ...seal, root: `${seal.root}00` })).toThrow(/root must be 32 bytes/);
    expect(() => evidenceDigest({ ...seal, liquidationTimeMs: -1 })).toThrow(/uint64/);
    expect(() => evidenceDigest({ ...seal, payoutUsdc: (1n << 256n).toString() })).toThrow(/uint256/);
    expect(() => evidenceDigest({ ...seal, payoutUsdc: '12.5' })).toThrow();
  });
});
