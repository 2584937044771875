import type { EnvelopeResult } from './validate-envelope';
import { validateEnvelope } from './validate-envelope';

export type { EnvelopeResult };

/**
 * Reads an event as it arrives from the wire: bytes or a JSON string are decoded first, any
 * other value is validated as is. Never throws; a refusal comes back as a structured error.
 */
export function parseEnvelope(raw: unknown): EnvelopeResult {
  if (typeof raw !== 'string' && !(raw instanceof Uint8Array)) return validateEnvelope(raw);
  let text: string;
  let value: unknown;
  try {
    text = typeof raw === 'string' ? raw : new TextDecoder('utf-8', { fatal: true }).decode(raw);
    value = JSON.parse(text);
  } catch (error) {
    const message = `event is not valid UTF-8 JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, error: { code: 'MALFORMED_JSON', message, issues: [{ path: '', message }] } };
  }
  return validateEnvelope(value);
}
