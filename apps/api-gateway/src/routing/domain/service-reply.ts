import { EdgeError } from '../../http-edge/domain/edge-error';
import { isGatewayErrorCode } from '../../http-edge/domain/error-codes';

/** Statuses a service may ask the gateway to answer with (PRODUCT.md §8); anything else is a 502. */
const PASSABLE_STATUSES = new Set([400, 401, 403, 404, 409, 410, 422, 429, 502, 503, 504]);
const MAX_MESSAGE = 500;

export type ServiceOutcome = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly error: EdgeError };

/**
 * Reads a service's request/reply answer. A refusal with a known reason code and a fitting
 * status is passed on with the service's message (services word those for the caller); an
 * unknown code, an unfitting status (a 500 "internal error" included) or a malformed reply
 * becomes 502 UPSTREAM_ERROR, so nothing unplanned leaks out.
 */
export function readServiceReply(service: string, reply: unknown): ServiceOutcome {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) return upstream(service);
  const answer = reply as { ok: unknown; data?: unknown; error?: { code?: unknown; message?: unknown; status?: unknown } };
  if (answer.ok === true) return { ok: true, data: answer.data ?? null };
  const { code, message, status } = answer.error ?? {};
  if (!isGatewayErrorCode(code) || typeof status !== 'number' || !PASSABLE_STATUSES.has(status)) return upstream(service);
  const text = typeof message === 'string' && message.trim() !== '' ? message.slice(0, MAX_MESSAGE) : code;
  return { ok: false, error: new EdgeError(code, status, text) };
}

function upstream(service: string): ServiceOutcome {
  return { ok: false, error: new EdgeError('UPSTREAM_ERROR', 502, `the ${service} service failed to handle the request`) };
}
