/** Formatting for the demo's console output: durations, USDC amounts, shortened hex. Pure. */

/** Milliseconds → "0.42 s" / "12.3 s" / "1 min 05 s". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** USDC base units (6 decimals) → "1234.5 USDC", exact: no float ever touches an amount. */
export function formatUsdc(baseUnits: bigint): string {
  const negative = baseUnits < 0n;
  const abs = negative ? -baseUnits : baseUnits;
  const whole = abs / 1_000_000n;
  const fraction = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''} USDC`;
}

/** "0x1234…cdef" for addresses and hashes; anything else unchanged. */
export function shortHex(value: string): string {
  return /^0x[0-9a-fA-F]{16,}$/.test(value) ? `${value.slice(0, 6)}…${value.slice(-4)}` : value;
}

/** One line of the step log: number, title padded with dots, duration, time since the start. */
export function stepLine(index: number, title: string, durationMs: number, sinceStartMs: number, width = 66): string {
  const head = `${String(index).padStart(2, ' ')}. ${title} `;
  const dots = '.'.repeat(Math.max(2, width - head.length));
  return `${head}${dots} ${formatDuration(durationMs).padStart(7)}  (at ${formatDuration(sinceStartMs)})`;
}

/** A body for an error message: compact JSON, cut to `max` characters. */
export function compactBody(body: unknown, max = 600): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
