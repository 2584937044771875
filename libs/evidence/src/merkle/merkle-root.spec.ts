import { describe, expect, it } from 'vitest';
import { concat, keccak256, toUtf8Bytes, ZeroHash } from 'ethers';
import { MerkleTree } from 'merkletreejs';
import { evidenceLeaf, merkleRoot } from './merkle-root';

const leaf = (i: number) => keccak256(toUtf8Bytes(`leaf ${i}`));
const keccakBuffer = (data: Buffer) => Buffer.from(keccak256(data).slice(2), 'hex');

describe('evidence leaves and the sorted-pair Merkle root', () => {
  it('hashes the UTF-8 bytes of the canonical JSON', () => {
    expect(evidenceLeaf({ b: 1, a: 'é' })).toBe(keccak256(toUtf8Bytes('{"a":"é","b":1}')));
    // Astral characters, line separators and a lone surrogate (JSON escapes it) encode as ethers encodes them.
    expect(evidenceLeaf({ s: '💸\u2028x', t: '\ud800' })).toBe(keccak256(toUtf8Bytes('{"s":"💸\u2028x","t":"\\ud800"}')));
  });

  it('one leaf is the root; two are keccak256(min ‖ max)', () => {
    expect(merkleRoot([leaf(1)])).toBe(leaf(1));
    const [a, b] = [leaf(1), leaf(2)].sort();
    expect(merkleRoot([leaf(2), leaf(1)])).toBe(keccak256(concat([a!, b!])));
  });

  it('moves a lone last node up unchanged', () => {
    const pair = merkleRoot([leaf(1), leaf(2)]);
    const [x, y] = [pair, leaf(3)].sort();
    expect(merkleRoot([leaf(1), leaf(2), leaf(3)])).toBe(keccak256(concat([x!, y!])));
  });

  it('equals merkletreejs with sortPairs for 1 to 17 leaves', () => {
    for (let n = 1; n <= 17; n += 1) {
      const leaves = Array.from({ length: n }, (_, i) => leaf(i));
      const tree = new MerkleTree(leaves.map((l) => Buffer.from(l.slice(2), 'hex')), keccakBuffer, { sortPairs: true });
      expect(merkleRoot(leaves), `${n} leaves`).toBe(tree.getHexRoot());
    }
  });

  it('is the zero hash for no leaves and refuses a leaf that is not 32 bytes', () => {
    expect(merkleRoot([])).toBe(ZeroHash);
    expect(() => merkleRoot(['0x1234'])).toThrow(/32 bytes/);
  });
});
