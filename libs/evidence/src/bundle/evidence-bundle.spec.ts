import { describe, expect, it } from 'vitest';
import { Wallet } from 'ethers';
import { Secp256k1Signer } from '@liqpass/signing';
import { sealEvidence, verifyEvidenceBundle, type EvidenceBundle, type EvidenceItem } from './evidence-bundle';

const signer = new Secp256k1Signer('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
const item = (name: string, body: unknown): EvidenceItem => ({
  name,
  request: { method: 'GET', path: `/api/v5/${name}`, query: { instType: 'SWAP' } },
  status: 200,
  fetchedAt: '2025-11-27T10:00:00.000Z',
  body,
});

async function bundle(): Promise<EvidenceBundle> {
  return sealEvidence(
    {
      claimId: '0195a3c4-0000-7000-8000-000000000001',
      orderId: `0x${'ab'.repeat(32)}`,
      items: [item('trade/orders-history', { code: '0', msg: '', data: [{ ordId: '77', category: 'full_liquidation' }] }), item('account/positions-history', { code: '0', msg: '', data: [] }), item('account/bills', { code: '0', data: [] })],
      summary: { outcome: 'VERIFIED', reasonCode: null, liquidationKind: 'FULL', okxEventId: '77', liquidationTimeMs: 1732700000000, payoutUsdc: '500000000' },
    },
    signer,
  );
}

describe('sealing and checking an evidence bundle', () => {
  it('a sealed bundle checks out and names its signer', async () => {
    const sealed = await bundle();
    expect(sealed.leaves).toHaveLength(3);
    expect(sealed.signer).toBe(signer.address);
    expect(verifyEvidenceBundle(sealed, signer.address)).toMatchObject({ ok: true, problems: [], recomputedRoot: sealed.root, recoveredSigner: signer.address });
  });

  it('one byte of one raw body changed: the leaf, the root and the signature no longer match', async () => {
    const sealed = await bundle();
    const tampered = JSON.parse(JSON.stringify(sealed).replace('"ordId":"77"', '"ordId":"78"')) as EvidenceBundle;
    const check = verifyEvidenceBundle(tampered);
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(/leaves\[0\]/);
    expect(check.problems.join('\n')).toMatch(/root/);
  });

  it('a changed payout in the summary breaks the signature', async () => {
    const sealed = await bundle();
    const check = verifyEvidenceBundle({ ...sealed, summary: { ...sealed.summary, payoutUsdc: '900000000' } });
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(/signature: signed by/);
  });

  it('another expected signer, or a garbage signature, is reported, not thrown', async () => {
    const sealed = await bundle();
    expect(verifyEvidenceBundle(sealed, Wallet.createRandom().address).ok).toBe(false);
    expect(verifyEvidenceBundle({ ...sealed, signature: '0x1234' }).problems.join('\n')).toMatch(/cannot be recovered/);
  });
});
