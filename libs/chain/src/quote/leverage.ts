/** Leverage travels on-chain as an integer in hundredths: OKX levers can be fractional ("2.5"). */
export const LEVERAGE_SCALE = 100n;

/** OKX `lever` ("10", "100.0", "2.55") → hundredths (1000n, 10000n, 255n), exactly; refuses finer precision. */
export function leverageFromOkx(lever: string): bigint {
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(lever.trim());
  if (!match) throw new Error(`not a leverage: ${JSON.stringify(lever)}`);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) throw new Error(`leverage finer than 0.01: ${lever}`);
  return BigInt(match[1]) * LEVERAGE_SCALE + BigInt(fraction.padEnd(2, '0'));
}

/** Hundredths → a decimal string without trailing zeros (1000n → "10", 255n → "2.55"). */
export function formatLeverage(units: bigint): string {
  const whole = units / LEVERAGE_SCALE;
  const fraction = (units % LEVERAGE_SCALE).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}
