/**
 * Exact arithmetic on OKX's decimal strings ("60123.4", "-2", "100.0"): prices and sizes are
 * compared and scaled as integers, so no float rounding decides a refusal.
 */
export interface ExactDecimal {
  /** value = units / 10^scale */
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export function parseDecimal(text: string): ExactDecimal | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, minus, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: minus ? -units : units, scale: fraction.length };
}

function align(a: ExactDecimal, b: ExactDecimal): [bigint, bigint] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale)];
}

/** -1, 0 or 1. */
export function compareDecimal(a: ExactDecimal, b: ExactDecimal): number {
  const [x, y] = align(a, b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function decimalsEqual(a: string, b: string): boolean {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x !== null && y !== null && compareDecimal(x, y) === 0;
}

export function subtract(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [x, y] = align(a, b);
  return { units: x - y, scale: Math.max(a.scale, b.scale) };
}

export function multiplyByInt(a: ExactDecimal, factor: number | bigint): ExactDecimal {
  return { units: a.units * BigInt(factor), scale: a.scale };
}

export function isZero(a: ExactDecimal): boolean {
  return a.units === 0n;
}

export function abs(a: ExactDecimal): ExactDecimal {
  return a.units < 0n ? { units: -a.units, scale: a.scale } : a;
}

/** Canonical text: no trailing fractional zeros, no "-0". */
export function formatDecimal(a: ExactDecimal): string {
  const negative = a.units < 0n;
  const digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, '0');
  const whole = digits.slice(0, digits.length - a.scale);
  const fraction = digits.slice(digits.length - a.scale).replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && text !== '0' ? `-${text}` : text;
}
