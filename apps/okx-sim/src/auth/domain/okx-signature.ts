import { createHmac, timingSafeEqual } from 'node:crypto';

/** OKX's prehash: timestamp + upper-case METHOD + requestPath (with its query) + body. */
export function okxPrehash(timestamp: string, method: string, requestPath: string, body: string): string {
  return `${timestamp}${method.toUpperCase()}${requestPath}${body}`;
}

/** base64(HMAC-SHA256(secret as UTF-8, prehash)). */
export function okxSignature(secret: string, prehash: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(prehash, 'utf8').digest('base64');
}

/** Constant-time comparison, so the simulator does not teach a timing side channel. */
export function signatureMatches(expected: string, presented: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
