import { describe, expect, it } from 'vitest';
import { allowedMethods, matchesPattern } from './path-matcher';

describe('path matching for 405', () => {
  it('matches literal segments and one segment per parameter', () => {
    expect(matchesPattern('/claims/:id/evidence', '/claims/abc/evidence')).toBe(true);
    expect(matchesPattern('/claims/:id/evidence', '/claims//evidence')).toBe(false);
    expect(matchesPattern('/claims/:id', '/claims/abc/evidence')).toBe(false);
    expect(matchesPattern('/claims', '/claimsx')).toBe(false);
  });

  it('lists every method served at a path, sorted', () => {
    const routes = [
      { method: 'POST' as const, path: '/claims' },
      { method: 'GET' as const, path: '/claims' },
      { method: 'GET' as const, path: '/claims/:id' },
    ];
    expect(allowedMethods(routes, '/claims')).toEqual(['GET', 'POST']);
    expect(allowedMethods(routes, '/claims/1')).toEqual(['GET']);
    expect(allowedMethods(routes, '/nowhere')).toEqual([]);
  });
});
