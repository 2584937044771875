/**
 * What the demo reads: the gateway's answers (libs/api-types, shared with the web app) and the
 * OKX simulator's control API (LOCAL-STACK.md), only the fields it uses.
 */
export type { Claim, Payout, PositionsReply, PublicConfig, PurchaseOrder, Quote as QuoteReply, SafeTxTypedData } from '@liqpass/api-types';

export interface SimAccount {
  uid: string;
  apiKey: string;
  secretKey: string;
  passphrase: string;
  perm: string;
}

export interface SimPosition {
  ordId: string;
  posId: string;
  cTime: string;
  liqPx: string;
}

