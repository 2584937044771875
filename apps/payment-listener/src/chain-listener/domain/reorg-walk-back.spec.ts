import { describe, expect, it } from 'vitest';
import { findCommonAncestor, sameHash, type KnownBlock } from './reorg-walk-back';

// Labels become hex-ish strings; hashes compare case-insensitively, so labels differ in more than case.
const h = (label: string) => `0x${label.padStart(64, '0')}`;
const known = (entries: Record<number, string>): KnownBlock[] => Object.entries(entries).map(([n, label]) => ({ number: Number(n), hash: h(label) }));
const chain = (entries: Record<number, string | null>) => new Map(Object.entries(entries).map(([n, label]) => [Number(n), label === null ? null : h(label)]));

describe('findCommonAncestor', () => {
  it('finds the highest stored block the chain still has', () => {
    const result = findCommonAncestor({
      known: known({ 100: 'a', 101: 'b', 102: 'c', 103: 'd' }),
      canonical: chain({ 100: 'a', 101: 'b', 102: 'x', 103: 'y' }),
      cursorBlock: 103,
      window: 128,
      startBlock: 50,
    });
    expect(result).toEqual({ kind: 'ancestor', block: 101, hash: h('b') });
  });

  it('works over sparse hashes: the ancestor may sit below the fork, every block above it was replaced', () => {
    // Only blocks with payments and former cursor positions are stored.
    const result = findCommonAncestor({
      known: known({ 40: 'k', 77: 'p', 90: 'q' }),
      canonical: chain({ 40: 'k', 77: 'e7', 90: 'e9' }),
      cursorBlock: 90,
      window: 128,
      startBlock: 10,
    });
    expect(result).toEqual({ kind: 'ancestor', block: 40, hash: h('k') });
  });

  it('compares hashes whatever their hex case', () => {
    const result = findCommonAncestor({
      known: [{ number: 5, hash: '0xABCDEF' }],
      canonical: new Map([[5, '0xabcdef']]),
      cursorBlock: 5,
      window: 10,
      startBlock: 1,
    });
    expect(result.kind).toBe('ancestor');
  });

  it('treats a height the node no longer has as replaced', () => {
    const result = findCommonAncestor({
      known: known({ 8: 'a', 9: 'b' }),
      canonical: chain({ 8: 'a', 9: null }),
      cursorBlock: 9,
      window: 10,
      startBlock: 1,
    });
    expect(result).toEqual({ kind: 'ancestor', block: 8, hash: h('a') });
  });

  it('stops with too-deep when a block below the window was replaced', () => {
    const result = findCommonAncestor({
      known: known({ 10: 'anchor', 150: 'a', 200: 'b' }),
      canonical: chain({ 10: 'other', 150: 'x', 200: 'y' }),
      cursorBlock: 200,
      window: 128,
      startBlock: 5,
    });
    expect(result).toEqual({ kind: 'too-deep', mismatchAt: 10 });
  });

  it('reads again from genesis when everything was replaced and the listener started at block 0', () => {
    const result = findCommonAncestor({
      known: known({ 3: 'a', 5: 'b' }),
      canonical: chain({ 3: 'x', 5: 'y' }),
      cursorBlock: 5,
      window: 128,
      startBlock: 0,
    });
    expect(result).toEqual({ kind: 'ancestor', block: -1, hash: null });
  });

  it('is too-deep when the block before a configured start block was replaced', () => {
    const result = findCommonAncestor({
      known: known({ 49: 'anchor', 60: 'a' }),
      canonical: chain({ 49: 'x', 60: 'y' }),
      cursorBlock: 60,
      window: 128,
      startBlock: 50,
    });
    expect(result).toEqual({ kind: 'too-deep', mismatchAt: 49 });
  });

  it('ignores stored hashes above the cursor (left over from before a rewind)', () => {
    const result = findCommonAncestor({
      known: known({ 10: 'a', 11: 'b', 12: 'stale' }),
      canonical: chain({ 10: 'a', 11: 'e1', 12: 'c' }),
      cursorBlock: 11,
      window: 128,
      startBlock: 0,
    });
    expect(result).toEqual({ kind: 'ancestor', block: 10, hash: h('a') });
  });
});

describe('sameHash', () => {
  it('is false for a missing hash', () => {
    expect(sameHash(null, '0x1')).toBe(false);
    expect(sameHash(undefined, undefined)).toBe(false);
  });
});
