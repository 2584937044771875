import { describe, expect, it } from 'vitest';
import { formatPerm, parsePerm } from './permission';

describe('perm', () => {
  it('parses and renders in OKX order', () => {
    expect(formatPerm(parsePerm('trade, read_only')!)).toBe('read_only,trade');
    expect(formatPerm(parsePerm('read_only,withdraw,trade')!)).toBe('read_only,trade,withdraw');
  });

  it('refuses unknown permissions and keys that cannot read', () => {
    expect(parsePerm('read_only,admin')).toBeNull();
    expect(parsePerm('trade')).toBeNull();
  });
});
