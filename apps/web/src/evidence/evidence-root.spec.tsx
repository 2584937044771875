import canonicalize from 'canonicalize';
import { keccak256 as ethersKeccak, toUtf8Bytes } from 'ethers';
import { MerkleTree } from 'merkletreejs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { checkEvidenceRoot, evidenceLeaf, sortedPairRoot } from './evidence-root';

/** A bundle shaped like the verifier's, with keys out of order, unicode and numbers that JCS normalises. */
const items = [
  { name: 'positions-history', request: { method: 'GET', path: '/api/v5/account/positions-history', query: { instId: 'BTC-USDT-SWAP', type: '3' } }, status: 200, fetchedAt: '2026-01-01T00:00:01.000Z', body: { code: '0', data: [{ posId: '1', type: '3', uTime: '1767225600000', pnl: '-12.5' }], msg: '' } },
  { name: 'orders-history', request: { path: '/api/v5/trade/orders-history', method: 'GET', query: {} }, status: 200, fetchedAt: '2026-01-01T00:00:02.000Z', body: { z: 1e21, a: 0.1, é: 'ü', '\u20ac': [true, null, -0] } },
  { name: 'bills', request: { method: 'GET', path: '/api/v5/account/bills', query: { type: '5' } }, status: 200, fetchedAt: '2026-01-01T00:00:03.000Z', body: { data: [] } },
];

/** The same computation by other hands: the `canonicalize` package, merkletreejs with sortPairs, ethers keccak. */
function independentRoot(values: unknown[]): { leaves: string[]; root: string } {
  const leaves = values.map((v) => ethersKeccak(toUtf8Bytes(canonicalize(v)!)));
  const hash = (data: Buffer) => Buffer.from(ethersKeccak(data).slice(2), 'hex');
  const tree = new MerkleTree(leaves.map((l) => Buffer.from(l.slice(2), 'hex')), hash, { sortPairs: true });
  return { leaves, root: tree.getHexRoot() };
}

describe('RFC 8785 canonical JSON', () => {
  it('matches the reference implementation, and the RFC\'s number and ordering rules', () => {
    for (const item of items) expect(canonicalJson(item)).toBe(canonicalize(item));
    expect(canonicalJson({ b: [1e21, 0.000001, 1e-7, -0, 100], a: 'x' })).toBe('{"a":"x","b":[1e+21,0.000001,1e-7,0,100]}');
    // RFC 8785 §3.2.3: sorting by UTF-16 code units puts U+20AC (€) before U+1F600 (a surrogate pair).
    expect(canonicalJson({ '\u{1F600}': 1, '\u20ac': 2, '\r': 3, '1': 4 })).toBe('{"\\r":3,"1":4,"€":2,"😀":1}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });
});

describe('evidence root recomputed in the browser', () => {
  const expected = independentRoot(items);
  const bundle = { claimId: 'c1', orderId: '0x01', items, leaves: expected.leaves, root: expected.root };

  it('gives the same leaves and root as an independent computation', () => {
    expect(items.map(evidenceLeaf)).toEqual(expected.leaves);
    expect(sortedPairRoot(expected.leaves)).toBe(expected.root);
    expect(checkEvidenceRoot(bundle)).toMatchObject({ ok: true, recomputedRoot: expected.root, problems: [] });
  });

  it('follows the sorted-pair rule by hand on three leaves (the lone last leaf moves up)', () => {
    const [a, b, c] = expected.leaves as [string, string, string];
    const pair = (x: string, y: string) => ethersKeccak(`0x${(x < y ? x + y.slice(2) : y + x.slice(2)).slice(2)}`);
    expect(sortedPairRoot([a, b, c])).toBe(pair(pair(a, b), c));
    expect(sortedPairRoot([a])).toBe(a);
    expect(sortedPairRoot([b, a])).toBe(sortedPairRoot([a, b]));
  });

  it('marks a tampered item, a wrong leaf list or a wrong root as failed', () => {
    const tampered = structuredClone(bundle);
    ((tampered.items[0]!.body as { data: { pnl: string }[] }).data[0]!).pnl = '-1200';
    expect(checkEvidenceRoot(tampered)).toMatchObject({ ok: false, problems: ['leaf 0 does not match item 0', 'the recomputed root differs from the sealed root'] });
    expect(checkEvidenceRoot({ ...bundle, leaves: expected.leaves.slice(1) }).ok).toBe(false);
    expect(checkEvidenceRoot({ ...bundle, root: `0x${'00'.repeat(32)}` }).problems).toEqual(['the recomputed root differs from the sealed root']);
    // Reordering items changes the leaves (order is part of the seal) even though sorted pairs commute.
    expect(checkEvidenceRoot({ ...bundle, items: [items[1], items[0], items[2]] }).ok).toBe(false);
  });
});
