/**
 * USDC amounts in the web app: bigint base units (6 decimals) in code, never floats. The API
 * speaks two forms — decimal strings ("12.5", quotes, policies, claims) and base-unit strings
 * ("12500000", payouts, typed data) — so both parse here, once.
 */
export const USDC_DECIMALS = 6;
const SCALE = 10n ** BigInt(USDC_DECIMALS);

/** "12.5" → 12_500_000n. Refuses anything that is not a plain non-negative decimal with ≤ 6 places. */
export function parseUsdcDecimal(text: string): bigint {
  const match = /^(0|[1-9][0-9]*)(?:\.([0-9]{1,6}))?$/.exec(text.trim());
  if (!match) throw new Error(`not a USDC amount: ${JSON.stringify(text)}`);
  const fraction = (match[2] ?? '').padEnd(USDC_DECIMALS, '0');
  return BigInt(match[1]!) * SCALE + BigInt(fraction);
}

/** "12500000" → 12_500_000n. */
export function parseUsdcBaseUnits(text: string): bigint {
  if (!/^(0|[1-9][0-9]*)$/.test(text.trim())) throw new Error(`not a base-unit amount: ${JSON.stringify(text)}`);
  return BigInt(text.trim());
}

/** 12_500_000n → "12.5" (no trailing zeros, thousands grouped): the number without the unit. */
export function usdcNumber(baseUnits: bigint): string {
  const negative = baseUnits < 0n;
  const abs = negative ? -baseUnits : baseUnits;
  const whole = (abs / SCALE).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % SCALE).toString().padStart(USDC_DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** 12_500_000n → "12.5 USDC". */
export function formatUsdc(baseUnits: bigint): string {
  return `${usdcNumber(baseUnits)} USDC`;
}

/** A decimal string from the API shown as USDC, or "—" when absent; a malformed one is shown as is, flagged. */
export function showUsdcDecimal(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '—';
  try {
    return formatUsdc(parseUsdcDecimal(text));
  } catch {
    return `${text} (unreadable amount)`;
  }
}

/** A base-unit string from the API shown as USDC. */
export function showUsdcBaseUnits(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '—';
  try {
    return formatUsdc(parseUsdcBaseUnits(text));
  } catch {
    return `${text} (unreadable amount)`;
  }
}
