/**
 * USDC amounts: integers of base units (6 decimals) as bigint in code, decimal strings of whole
 * USDC on the wire ("12.5"). A float never touches an amount (PRODUCT.md §3).
 */
export const USDC_DECIMALS = 6;
export const USDC_UNIT = 1_000_000n;

/** "12.5" → 12_500_000n. Refuses more than 6 decimals, signs, exponents and empty strings. */
export function parseUsdc(text: string): bigint {
  const match = /^(0|[1-9][0-9]*)(?:\.([0-9]{1,6}))?$/.exec(text);
  if (!match) throw new RangeError(`not a USDC amount with at most 6 decimals: ${JSON.stringify(text)}`);
  return BigInt(match[1]!) * USDC_UNIT + BigInt((match[2] ?? '').padEnd(USDC_DECIMALS, '0'));
}

/** 12_500_000n → "12.5" (no trailing zeros, no exponent). */
export function formatUsdc(units: bigint): string {
  if (units < 0n) return `-${formatUsdc(-units)}`;
  const whole = units / USDC_UNIT;
  const fraction = (units % USDC_UNIT).toString().padStart(USDC_DECIMALS, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/** Integer division rounding up, for non-negative operands (the insurer rounds premiums up). */
export function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError('ceilDiv takes a non-negative numerator and a positive denominator');
  return (numerator + denominator - 1n) / denominator;
}

export function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
