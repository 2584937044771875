/**
 * OKX sends every number as a string. The simulator computes in doubles (it is a stand-in,
 * not a ledger) and renders at most `dp` decimals without trailing zeros, so values read like
 * OKX's ("60000", "0.01", "-1.5").
 */
export function fmt(value: number, dp = 8): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot render ${value} as an OKX number`);
  const fixed = value.toFixed(dp);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Parses a positive decimal string as OKX would accept it in a parameter; null when it is not one. */
export function parsePositiveDecimal(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const parsed = Number(text);
  return parsed > 0 && Number.isFinite(parsed) ? parsed : null;
}
