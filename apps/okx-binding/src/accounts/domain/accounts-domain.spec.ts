import { describe, expect, it } from 'vitest';
import { maskUid } from './masked-uid';
import { isReadOnlyKey, permissionsOf } from './okx-permission';

describe('isReadOnlyKey', () => {
  it('accepts read_only alone', () => {
    expect(isReadOnlyKey('read_only')).toBe(true);
    expect(isReadOnlyKey(' read_only ')).toBe(true);
  });

  it.each(['read_only,trade', 'read_only,withdraw', 'read_only,trade,withdraw', 'trade', '', 'read_only,some_future_power'])('refuses %j', (perm) => {
    expect(isReadOnlyKey(perm)).toBe(false);
  });

  it('splits the comma list', () => {
    expect(permissionsOf('read_only, trade')).toEqual(['read_only', 'trade']);
  });
});

describe('maskUid', () => {
  it('keeps the ends only', () => {
    expect(maskUid('44705892343619584')).toBe('4470…9584');
    expect(maskUid('1234567')).toBe('12…67');
    expect(maskUid('44705892343619584')).not.toContain('58923436');
  });
});
