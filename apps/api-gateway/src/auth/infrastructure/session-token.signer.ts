import { errors, jwtVerify, SignJWT } from 'jose';
import type { SessionClaims } from '../domain/session';

const ISSUER = 'liqpass-gateway';
const AUDIENCE = 'liqpass';
const ALGORITHM = 'HS256';
const EXPIRED = 'the session has expired; refresh it or sign in again';

/**
 * Session tokens are HS256 JWTs signed with SESSION_SECRET: every gateway replica holding the
 * secret can check one without a database round trip. Only the wallet and the sign-in time are
 * inside; roles are read from the role table on each admin request, so a revoked role stops
 * working at once.
 *
 * A token that verified is remembered (by its exact text, until it expires): checking the HMAC
 * through WebCrypto on every request was a fifth of the gateway's CPU on an authenticated read
 * (bench/gateway). A hit still re-checks expiry; a token that failed is never remembered.
 */
export class SessionTokenSigner {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, SessionClaims>();

  constructor(
    secret: string,
    private readonly rememberedTokens = 10_000,
  ) {
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
    const remembered = this.verified.get(token);
    if (remembered) {
      // jose's rule: expired once exp <= now (whole seconds, no tolerance).
      if (remembered.expiresAt > Math.floor(Date.now() / 1000)) return { ok: true, session: remembered };
      this.verified.delete(token);
      return { ok: false, reason: EXPIRED };
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALGORITHM] });
      if (typeof payload.sub !== 'string' || typeof payload.sat !== 'number' || typeof payload.exp !== 'number') {
        return { ok: false, reason: 'the session token is malformed' };
      }
      const session = { wallet: payload.sub, signedInAt: payload.sat, expiresAt: payload.exp };
      this.remember(token, session);
      return { ok: true, session };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: EXPIRED };
      return { ok: false, reason: 'the session token is not valid' };
    }
  }

  /** Bounded: past the limit the oldest remembered token is forgotten (and verified again if it comes back). */
  private remember(token: string, session: SessionClaims): void {
    if (this.verified.size >= this.rememberedTokens) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, session);
  }
}
