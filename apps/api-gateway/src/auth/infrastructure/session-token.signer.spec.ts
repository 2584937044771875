import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionTokenSigner } from './session-token.signer';

const SECRET = 'a-test-session-secret-of-32-chars-or-more';
const WALLET = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const now = () => Math.floor(Date.now() / 1000);

describe('SessionTokenSigner', () => {
  afterEach(() => vi.useRealTimers());

  it('verifies its own token, the same way every time it is presented', async () => {
    const signer = new SessionTokenSigner(SECRET);
    const session = { wallet: WALLET, signedInAt: now(), expiresAt: now() + 900 };
    const token = await signer.sign(session);
    for (let i = 0; i < 3; i += 1) expect(await signer.verify(token)).toEqual({ ok: true, session });
  });

  it('refuses a token signed with another secret or altered, even after the genuine one was verified', async () => {
    const signer = new SessionTokenSigner(SECRET);
    const token = await signer.sign({ wallet: WALLET, signedInAt: now(), expiresAt: now() + 900 });
    expect((await signer.verify(token)).ok).toBe(true);
    const foreign = await new SessionTokenSigner(`${SECRET}-other`).sign({ wallet: WALLET, signedInAt: now(), expiresAt: now() + 900 });
    expect(await signer.verify(foreign)).toEqual({ ok: false, reason: 'the session token is not valid' });
    const [header, payload, signature] = token.split('.');
    const altered = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await signer.verify(altered)).toEqual({ ok: false, reason: 'the session token is not valid' });
  });

  it('refuses a remembered token once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const signer = new SessionTokenSigner(SECRET);
    const token = await signer.sign({ wallet: WALLET, signedInAt: now(), expiresAt: now() + 60 });
    expect((await signer.verify(token)).ok).toBe(true);
    vi.setSystemTime(new Date('2026-01-01T00:01:00Z')); // exactly exp: expired, as jose decides
    expect(await signer.verify(token)).toEqual({ ok: false, reason: 'the session has expired; refresh it or sign in again' });
    expect(await signer.verify(token)).toEqual({ ok: false, reason: 'the session has expired; refresh it or sign in again' });
  });

  it('stays correct past its memory bound: forgotten tokens are verified again', async () => {
    const signer = new SessionTokenSigner(SECRET, 2);
    const tokens = await Promise.all([1, 2, 3].map((i) => signer.sign({ wallet: WALLET, signedInAt: now() - i, expiresAt: now() + 900 })));
    for (const token of [...tokens, ...tokens]) expect((await signer.verify(token)).ok).toBe(true);
    expect((await signer.verify(`${tokens[0]}x`)).ok).toBe(false);
  });
});
