/**
 * One admin action as the audit trail keeps it: who (wallet and the roles held), what (the
 * route's operation id), on what, the state before and after as far as the gateway knows it,
 * the outcome (OK or the error code), and the trace id that ties it to logs and events.
 */
export interface AuditEntry {
  readonly actor: string;
  readonly actorRoles: readonly string[];
  readonly action: string;
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly outcome: string;
  readonly traceId: string;
}

export interface AuditRecord extends AuditEntry {
  readonly id: string;
  readonly occurredAt: string;
}

/** Larger payloads are cut: the audit row records the decision, not a copy of every document. */
const MAX_JSON_CHARS = 16_384;

export function boundedJson(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  if (text === undefined) return null;
  return text.length <= MAX_JSON_CHARS ? value : { truncated: true, preview: text.slice(0, MAX_JSON_CHARS) };
}
