/** A non-negative decimal string as an integer over 10^scale, so sizes are compared and scaled exactly. */
export interface Fixed {
  readonly units: bigint;
  readonly scale: number;
}

export function parseDecimal(value: string): Fixed {
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(value.trim());
  if (!match) throw new TypeError(`not a non-negative decimal: ${value}`);
  const fraction = match[2] ?? '';
  return { units: BigInt(match[1]! + fraction), scale: fraction.length };
}

/** Both at the larger scale. */
export function aligned(a: Fixed, b: Fixed): [bigint, bigint] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale)];
}

export function addDecimals(values: readonly string[]): string {
  let total: Fixed = { units: 0n, scale: 0 };
  for (const value of values) {
    const next = parseDecimal(value);
    const [a, b] = aligned(total, next);
    total = { units: a + b, scale: Math.max(total.scale, next.scale) };
  }
  const digits = total.units.toString().padStart(total.scale + 1, '0');
  if (total.scale === 0) return digits;
  const whole = digits.slice(0, -total.scale);
  const fraction = digits.slice(-total.scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
