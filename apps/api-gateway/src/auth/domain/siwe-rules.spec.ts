import { describe, expect, it } from 'vitest';
import { refuseSiweMessage, type SiweFields } from './siwe-rules';

const now = new Date('2026-01-01T12:00:00Z');
const expect_ = { domain: 'localhost:3000', chainId: 31337, now, maxAgeMs: 300_000, clockSkewMs: 60_000 };
const fields: SiweFields = {
  domain: 'localhost:3000',
  address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  chainId: 31337,
  nonce: 'abcdef0123456789',
  issuedAt: '2026-01-01T11:59:00Z',
};

describe('refuseSiweMessage', () => {
  it('accepts a current message for this domain and chain', () => {
    expect(refuseSiweMessage(fields, expect_)).toBeNull();
    expect(refuseSiweMessage({ ...fields, expirationTime: '2026-01-01T12:05:00Z', notBefore: '2026-01-01T11:00:00Z' }, expect_)).toBeNull();
  });

  it.each([
    [{ domain: 'evil.example' }, /domain evil.example, not localhost:3000/],
    [{ domain: 'localhost:3001' }, /domain/],
    [{ chainId: 1 }, /chain 1, not 31337/],
    [{ issuedAt: undefined }, /no valid Issued At/],
    [{ issuedAt: 'yesterday' }, /no valid Issued At/],
    [{ issuedAt: '2026-01-01T12:02:00Z' }, /issued in the future/],
    [{ issuedAt: '2026-01-01T11:54:59Z' }, /too old/],
    [{ expirationTime: '2026-01-01T12:00:00Z' }, /expired/],
    [{ expirationTime: '2026-01-01T11:59:59Z' }, /expired/],
    [{ expirationTime: 'soon' }, /expired/],
    [{ notBefore: '2026-01-01T12:01:01Z' }, /not valid yet/],
  ] as const)('refuses %j', (change, reason) => {
    expect(refuseSiweMessage({ ...fields, ...change }, expect_)).toMatch(reason);
  });

  it('tolerates a wallet clock slightly ahead', () => {
    expect(refuseSiweMessage({ ...fields, issuedAt: '2026-01-01T12:00:30Z' }, expect_)).toBeNull();
  });

  it('clips an absurd domain in the message it returns', () => {
    expect(refuseSiweMessage({ ...fields, domain: 'x'.repeat(500) }, expect_)!.length).toBeLessThan(120);
  });
});
