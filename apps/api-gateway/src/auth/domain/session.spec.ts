import { describe, expect, it } from 'vitest';
import { canRefresh, refreshedExpiry } from './session';

const session = { wallet: '0xabc', signedInAt: 1_000, expiresAt: 1_900 };

describe('session refresh', () => {
  it('refreshes a live session inside its maximum age', () => {
    expect(canRefresh(session, 1_500, 3_600)).toBe(true);
  });

  it('refuses an expired token and a session past its maximum age', () => {
    expect(canRefresh(session, 1_900, 3_600)).toBe(false);
    expect(canRefresh({ ...session, expiresAt: 10_000 }, 4_600, 3_600)).toBe(false);
  });

  it('never extends a token beyond the maximum age', () => {
    expect(refreshedExpiry(session, 1_500, 900, 3_600)).toBe(2_400);
    expect(refreshedExpiry(session, 4_000, 900, 3_600)).toBe(4_600);
  });
});
