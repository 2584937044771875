/**
 * The gateway's answers as LOCAL-STACK.md and the services define them, for the clients in this
 * repository (the web app, the demo journey): types only, no code, so any platform may import
 * them. Only the fields the clients read. Amounts: decimal USDC strings at the API ("12.5"),
 * base units in typed data and in payouts' `amountUsdc`.
 */
export interface PublicConfig {
  chainId: number;
  rpcUrl: string;
  confirmations: number;
  contracts: { usdc: string; checkout: string; treasurySafe: string };
  okxBaseUrl: string;
}

export interface Session {
  token: string;
  address: string;
  roles: string[];
  expiresAt: string;
}

export interface LinkedAccount {
  id: string;
  okxUid: string;
  perm: string;
}

export interface Position {
  accountId: string;
  okxUid: string;
  instType: string;
  instId: string;
  posId: string;
  posSide: string;
  mgnMode: string;
  lever: string;
  pos: string;
  avgPx: string;
  markPx: string;
  liqPx: string;
  upl: string;
  margin: string;
  cTime: string;
  uTime: string;
}

export interface OkxOrder {
  ordId: string;
  instId: string;
  side: string;
  posSide: string;
  tdMode: string;
  lever: string;
  sz: string;
  accFillSz: string;
  avgPx: string;
  state: string;
  cTime: string;
}

export interface AccountError {
  accountId?: string;
  error?: string;
  message?: string;
}

export interface QuoteMessage {
  orderId: string;
  buyer: string;
  premium: string;
  payout: string;
  payoutCap: string;
  coverageSeconds: string;
  instrument: string;
  leverage: string;
  deadline: string;
}

export interface Quote {
  quoteId: string;
  quoteHash: string;
  premiumUsdc: string;
  payoutFixedUsdc: string;
  payoutCapUsdc: string;
  coverageSeconds: number;
  expiresAt: string;
  signature: string;
  typedData: { domain: Record<string, unknown>; types: Record<string, unknown>; primaryType: string; message: QuoteMessage };
  instId?: string;
  leverage?: string;
  waitingPeriodSeconds?: number;
}

export interface PurchaseOrder {
  id: string;
  orderId: string;
  quoteId?: string;
  status: string;
  instId?: string;
  premiumUsdc: string;
  payoutFixedUsdc: string;
  payoutCapUsdc: string;
  coverageSeconds: number;
  okxMeta?: { ordId?: string; instId?: string; posId?: string } | null;
  boundAt?: string | null;
  paidAt?: string | null;
  payTxHash?: string | null;
  /** Why a payment was not accepted (PAYMENT_MISMATCH), in words. */
  paymentProblem?: string | null;
  coverageStartAt?: string | null;
  coverageEndAt?: string | null;
  quoteExpiresAt?: string;
  createdAt?: string;
}

export interface Claim {
  id: string;
  purchaseOrderId: string;
  status: string;
  reasonCode: string | null;
  liquidationKind: string | null;
  liquidationTimeMs: number | null;
  payoutAmountUsdc: string | null;
  payoutCapUsdc: string | null;
  evidenceRoot: string | null;
  approvedBy: string | null;
  rejectedReason: string | null;
  multisigTxHash: string | null;
  paidAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** GET /okx/positions: every linked account's open positions, and the accounts OKX refused to answer for. */
export interface PositionsReply {
  accounts: LinkedAccount[];
  positions: Position[];
  accountErrors: AccountError[];
}

export interface Page<T> {
  items: T[];
  total?: number;
  nextCursor?: string | null;
}

export interface EvidenceItem {
  name: string;
  request: { method: string; path: string; query: unknown };
  status: number;
  fetchedAt: string;
  body: unknown;
}

export interface EvidenceBundle {
  claimId: string;
  orderId: string;
  items: EvidenceItem[];
  leaves: string[];
  root: string;
  summary: Record<string, unknown>;
  signature: string;
  signer: string;
}

export interface AdminClaimDetail {
  claim: Claim;
  policy: Record<string, unknown> | null;
  evidence: {
    root: string;
    signer: string;
    items: { name: string; path: string; status: number; fetchedAt: string; body?: unknown; request?: unknown }[];
    leaves?: string[];
    summary: Record<string, unknown>;
  } | null;
  rootCheck: { ok: boolean; recomputedRoot: string; recoveredSigner: string | null; problems: string[] } | null;
  fraudSignals: unknown;
  history: { from?: string | null; to?: string; actor?: string; reason?: string | null; at?: string; created_at?: string }[];
}

export interface Payout {
  id: string;
  claimId: string;
  status: string;
  heldReason: string | null;
  recipient: string;
  amountUsdc: string;
  approvedBy: string | null;
  safeAddress: string;
  safeTxHash: string | null;
  nonce: number | null;
  typedData: SafeTxTypedData | null;
  signatures: { signer: string; signature: string; createdAt: string }[];
  txHash: string | null;
  executedBy: string | null;
  flagReason: string | null;
  lastError: string | null;
  createdAt: string;
}

/** The EIP-712 SafeTx an owner signs for a payout (safe-eth-py / Safe{Wallet} shape). */
export interface SafeTxTypedData {
  domain: { chainId: number; verifyingContract: string };
  types: Record<string, { name: string; type: string }[]>;
  primaryType: 'SafeTx';
  message: Record<string, unknown>;
}
