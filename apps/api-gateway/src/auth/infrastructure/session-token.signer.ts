import { errors, jwtVerify, SignJWT } from 'jose';
import type { SessionClaims } from '../domain/session';

const ISSUER = 'liqpass-gateway';
const AUDIENCE = 'liqpass';
const ALGORITHM = 'HS256';

/**
 * Session tokens are HS256 JWTs signed with SESSION_SECRET: every gateway replica holding the
 * secret can check one without a database round trip. Only the wallet and the sign-in time are
 * inside; roles are read from the role table on each admin request, so a revoked role stops
 * working at once.
 */
export class SessionTokenSigner {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(session: SessionClaims): Promise<string> {
    return new SignJWT({ sat: session.signedInAt })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(session.wallet)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(session.expiresAt)
      .sign(this.key);
  }

  /** The session a token carries, or a short reason it is not acceptable. */
  async verify(token: string): Promise<{ ok: true; session: SessionClaims } | { ok: false; reason: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALGORITHM] });
      if (typeof payload.sub !== 'string' || typeof payload.sat !== 'number' || typeof payload.exp !== 'number') {
        return { ok: false, reason: 'the session token is malformed' };
      }
      return { ok: true, session: { wallet: payload.sub, signedInAt: payload.sat, expiresAt: payload.exp } };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'the session has expired; refresh it or sign in again' };
      return { ok: false, reason: 'the session token is not valid' };
    }
  }
}
