/**
 * The replies the demo reads, as LOCAL-STACK.md and the services' READMEs define them — only the
 * fields it uses. Amounts: decimal USDC strings at the API ("12.5"), base units in typed data and
 * in payouts' `amountUsdc`.
 */
import type { QuoteMessage } from '@liqpass/chain';

export interface PublicConfig {
  chainId: number;
  rpcUrl: string;
  confirmations: number;
  contracts: { usdc: string; checkout: string; treasurySafe: string };
  okxBaseUrl: string;
}

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

export interface PositionsReply {
  accounts: { id: string; okxUid: string; perm: string }[];
  positions: { posId: string; instId: string; posSide?: string; lever?: string; [key: string]: unknown }[];
  accountErrors: unknown[];
}

export interface QuoteReply {
  quoteId: string;
  quoteHash: string;
  premiumUsdc: string;
  payoutFixedUsdc: string;
  payoutCapUsdc: string;
  coverageSeconds: number;
  expiresAt: string;
  signature: string;
  typedData: { domain: Record<string, unknown>; types: Record<string, unknown>; primaryType: string; message: QuoteMessage };
}

export interface PurchaseOrder {
  id: string;
  orderId: string;
  status: string;
  paymentProblem: string | null;
  payTxHash: string | null;
  coverageStartAt: string | null;
  coverageEndAt: string | null;
}

export interface Claim {
  id: string;
  purchaseOrderId: string;
  status: string;
  reasonCode: string | null;
  liquidationKind: string | null;
  payoutAmountUsdc: string | null;
  evidenceRoot: string | null;
  approvedBy: string | null;
  rejectedReason: string | null;
  multisigTxHash: string | null;
  paidAt: string | null;
}

export interface SafeTxTypedData {
  domain: { chainId: number; verifyingContract: string };
  types: Record<string, { name: string; type: string }[]>;
  primaryType: 'SafeTx';
  message: Record<string, unknown>;
}

export interface Payout {
  id: string;
  claimId: string;
  status: string;
  heldReason: string | null;
  recipient: string;
  amountUsdc: string;
  safeAddress: string;
  safeTxHash: string | null;
  nonce: number | string | null;
  typedData: SafeTxTypedData | null;
  signatures: { signer: string; signature: string }[];
  txHash: string | null;
  flagReason: string | null;
  lastError: string | null;
}
