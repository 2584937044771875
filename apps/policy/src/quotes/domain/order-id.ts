/**
 * The bytes32 order id the checkout sees is the purchase order's uuid, left-padded: either can
 * be read from the other, and it is fixed when the quote is signed (before the order exists).
 */
export function orderIdFor(purchaseOrderId: string): string {
  const hex = purchaseOrderId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a uuid: ${purchaseOrderId}`);
  return `0x${hex.padStart(64, '0')}`;
}

export function purchaseOrderIdOf(orderId: string): string | null {
  const match = /^0x0{32}([0-9a-f]{32})$/.exec(orderId.toLowerCase());
  if (!match) return null;
  const h = match[1]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
