import { describe, expect, it } from 'vitest';
import { decideRoleChange, groupSeeds } from './role-change';

describe('decideRoleChange', () => {
  it('records before and after in canonical order', () => {
    expect(decideRoleChange('0xa', ['finance'], ['superadmin', 'reviewer', 'reviewer'], 1)).toEqual({
      ok: true,
      change: { wallet: '0xa', before: ['finance'], after: ['reviewer', 'superadmin'] },
    });
  });

  it('refuses to demote the last superadmin, allows it when another remains', () => {
    expect(decideRoleChange('0xa', ['superadmin'], [], 1).ok).toBe(false);
    expect(decideRoleChange('0xa', ['superadmin'], ['reviewer'], 2).ok).toBe(true);
    expect(decideRoleChange('0xa', ['superadmin'], ['superadmin', 'finance'], 1).ok).toBe(true);
  });
});

describe('groupSeeds', () => {
  it('groups role:wallet pairs by wallet', () => {
    const seeds = groupSeeds([
      { role: 'finance', wallet: '0xa' },
      { role: 'reviewer', wallet: '0xb' },
      { role: 'reviewer', wallet: '0xa' },
    ]);
    expect([...seeds]).toEqual([
      ['0xa', ['reviewer', 'finance']],
      ['0xb', ['reviewer']],
    ]);
  });
});
