/** What the quote priced, from PolicyCreated: the bound order and position must match it. */
export interface QuoteTerms {
  readonly instId: string;
  readonly posSide: 'long' | 'short' | 'net';
  readonly mgnMode: 'cross' | 'isolated';
  /** Decimal string; compared numerically ("20" equals "20.0"). */
  readonly lever: string;
}

/** A purchase order as okx-binding knows it: its owner and the terms its quote priced. */
export interface PurchaseOrderTerms {
  readonly purchaseOrderId: string;
  /** Lower-case 0x address. */
  readonly wallet: string;
  readonly terms: QuoteTerms;
}
