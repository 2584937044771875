import { createHmac } from 'node:crypto';

/**
 * OKX v5 REST signature (OKX.md "Authentication"):
 * base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath + body)), where requestPath
 * carries the query string exactly as it goes on the wire and body is '' for a GET.
 */
export function okxSignature(secret: string, timestamp: string, method: string, requestPath: string, body = ''): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${timestamp}${method.toUpperCase()}${requestPath}${body}`, 'utf8')
    .digest('base64');
}

/** `OK-ACCESS-TIMESTAMP`: ISO-8601 UTC with milliseconds, e.g. 2020-12-08T09:08:57.715Z. */
export function okxTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
