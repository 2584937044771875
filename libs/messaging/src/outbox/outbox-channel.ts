/**
 * Postgres NOTIFY channel that wakes the relays of one service. NOTIFY inside a transaction
 * is delivered only on commit, so a relay never wakes for a row it cannot see yet; the
 * schema in the name keeps services sharing one database from waking each other.
 */
export const OUTBOX_CHANNEL_SQL = `'liqpass_outbox_' || current_schema()`;

export function outboxChannel(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schema)) throw new Error(`unexpected schema name for the outbox channel: ${schema}`);
  return `liqpass_outbox_${schema}`;
}
