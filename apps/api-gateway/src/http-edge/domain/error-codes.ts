import { REASON_CODES } from '@liqpass/events';

/**
 * Codes the gateway itself answers with that PRODUCT.md §5 does not list: conditions of the
 * HTTP edge rather than of the insurance domain. They extend the reason codes (never rename);
 * they belong beside REASON_CODES in libs/events once its owner takes them in.
 */
export const EDGE_EXTENSION_CODES = [
  'RATE_LIMITED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'SERVICE_TIMEOUT',
  'UPSTREAM_ERROR',
  'INTERNAL_ERROR',
] as const;

export const GATEWAY_ERROR_CODES = [...REASON_CODES, ...EDGE_EXTENSION_CODES] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

export function isGatewayErrorCode(value: unknown): value is GatewayErrorCode {
  return typeof value === 'string' && (GATEWAY_ERROR_CODES as readonly string[]).includes(value);
}
