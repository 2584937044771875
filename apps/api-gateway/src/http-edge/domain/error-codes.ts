import { isReasonCode, REASON_CODES, type ReasonCode } from '@liqpass/events';

/** The gateway answers only with reason codes (libs/events: PRODUCT.md §5 and its extensions). */
export const GATEWAY_ERROR_CODES = REASON_CODES;
export type GatewayErrorCode = ReasonCode;

export function isGatewayErrorCode(value: unknown): value is GatewayErrorCode {
  return typeof value === 'string' && isReasonCode(value);
}
