/**
 * The services that publish events (ARCHITECTURE.md, "Services"). Spelled exactly as the
 * service names in @liqpass/config; this package cannot import that node-only lib, so the
 * messaging lib checks at compile time that the two lists agree.
 */
export const PRODUCERS = ['policy', 'okx-binding', 'payment-listener', 'claims-verifier', 'payout'] as const;

export type Producer = (typeof PRODUCERS)[number];

export function isProducer(value: string): value is Producer {
  return (PRODUCERS as readonly string[]).includes(value);
}
