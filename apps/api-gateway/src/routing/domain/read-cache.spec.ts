import { describe, expect, it } from 'vitest';
import { ReadCache, readCacheKey } from './read-cache';

const SCOPE = 'claims-verifier';

function liveCache(ttlMs = 1000, maxBytes = 100) {
  let now = 1_000_000;
  const cache = new ReadCache(ttlMs, maxBytes, () => now);
  cache.setLive(true);
  return { cache, advance: (ms: number) => (now += ms) };
}

function store(cache: ReadCache, key: string, value: unknown, scope = SCOPE, bytes = 10) {
  cache.set(scope, key, cache.generation(scope), value, bytes);
}

describe('ReadCache', () => {
  it('serves a stored answer until its TTL runs out', () => {
    const { cache, advance } = liveCache(1000);
    store(cache, 'k', { items: [1] });
    expect(cache.get(SCOPE, 'k')).toEqual({ items: [1] });
    advance(999);
    expect(cache.get(SCOPE, 'k')).toEqual({ items: [1] });
    advance(1);
    expect(cache.get(SCOPE, 'k')).toBeUndefined();
  });

  it('drops every answer of a scope when that scope changes, and only that scope', () => {
    const { cache } = liveCache();
    store(cache, 'claims', 'c');
    store(cache, 'orders', 'o', 'policy');
    cache.invalidate(SCOPE);
    expect(cache.get(SCOPE, 'claims')).toBeUndefined();
    expect(cache.get('policy', 'orders')).toBe('o');
  });

  it('does not keep a reply when a change was seen while its request was in flight', () => {
    const { cache } = liveCache();
    const before = cache.generation(SCOPE);
    cache.invalidate(SCOPE); // an event arrives before the (possibly older) reply
    cache.set(SCOPE, 'k', before, 'stale', 10);
    expect(cache.get(SCOPE, 'k')).toBeUndefined();
  });

  it('does not keep a reply that was in flight across a clear, even in a scope that never changed', () => {
    const { cache } = liveCache();
    const before = cache.generation('never-changed');
    cache.clear();
    cache.set('never-changed', 'k', before, 'stale', 10);
    expect(cache.get('never-changed', 'k')).toBeUndefined();
  });

  it('serves nothing and stores nothing while not live, and forgets everything when it goes live again', () => {
    const { cache } = liveCache();
    store(cache, 'k', 'v');
    cache.setLive(false);
    expect(cache.enabled).toBe(false);
    expect(cache.get(SCOPE, 'k')).toBeUndefined();
    store(cache, 'k2', 'v2');
    cache.setLive(true);
    expect(cache.get(SCOPE, 'k')).toBeUndefined();
    expect(cache.get(SCOPE, 'k2')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('is off with a TTL of 0, however live', () => {
    const { cache } = liveCache(0);
    expect(cache.enabled).toBe(false);
    store(cache, 'k', 'v');
    expect(cache.get(SCOPE, 'k')).toBeUndefined();
  });

  it('holds at most maxBytes of answers, evicting the least recently used', () => {
    const { cache } = liveCache(1000, 100);
    store(cache, 'a', 1, SCOPE, 40);
    store(cache, 'b', 2, SCOPE, 40);
    expect(cache.get(SCOPE, 'a')).toBe(1); // a is now the most recent
    store(cache, 'c', 3, SCOPE, 40);
    expect(cache.size).toEqual({ entries: 2, bytes: 80 });
    expect(cache.get(SCOPE, 'b')).toBeUndefined();
    expect(cache.get(SCOPE, 'a')).toBe(1);
    expect(cache.get(SCOPE, 'c')).toBe(3);
    store(cache, 'a', 4, SCOPE, 30); // replacing an answer counts its new size only
    expect(cache.size).toEqual({ entries: 2, bytes: 70 });
  });

  it('does not keep an answer larger than the whole cache', () => {
    const { cache } = liveCache(1000, 100);
    store(cache, 'small', 1, SCOPE, 50);
    store(cache, 'huge', 2, SCOPE, 101);
    expect(cache.get(SCOPE, 'huge')).toBeUndefined();
    expect(cache.get(SCOPE, 'small')).toBe(1);
  });
});

describe('readCacheKey', () => {
  it('tells callers, routes and inputs apart', () => {
    const base = readCacheKey('claims.list', '0xaa', { query: { limit: 20 } });
    expect(readCacheKey('claims.list', '0xbb', { query: { limit: 20 } })).not.toBe(base);
    expect(readCacheKey('claims.get', '0xaa', { query: { limit: 20 } })).not.toBe(base);
    expect(readCacheKey('claims.list', '0xaa', { query: { limit: 21 } })).not.toBe(base);
    expect(readCacheKey('claims.list', '0xaa', { params: {}, query: { limit: 20 } })).toBe(base);
  });
});
