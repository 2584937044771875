/** The instrument types LiqPass insures (PRODUCT.md §2 step 3). */
export const INSURED_INST_TYPES = ['SWAP', 'FUTURES', 'MARGIN'] as const;
export type InsuredInstType = (typeof INSURED_INST_TYPES)[number];

/**
 * OKX's instrument type from the id's shape: `BTC-USDT-SWAP` → SWAP, `BTC-USDT-261225` →
 * FUTURES, `BTC-USDT` → MARGIN (spot pair traded on margin); null for anything else (options).
 */
export function instTypeOf(instId: string): InsuredInstType | null {
  const parts = instId.split('-');
  if (parts.length === 3 && parts[2] === 'SWAP') return 'SWAP';
  if (parts.length === 3 && /^\d{6}$/.test(parts[2]!)) return 'FUTURES';
  if (parts.length === 2) return 'MARGIN';
  return null;
}

export function isInsuredInstType(instType: string): instType is InsuredInstType {
  return (INSURED_INST_TYPES as readonly string[]).includes(instType);
}
