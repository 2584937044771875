import type { PolicyStatus } from './policy-status';

/** okx_meta_json (PRODUCT.md §3), as okx-binding reports the binding. */
export interface OkxMeta {
  readonly ordId: string;
  readonly instId: string;
  readonly posId: string | null;
  readonly posCTime: string | null;
  readonly posSide: 'long' | 'short' | 'net';
  readonly mgnMode: 'cross' | 'isolated';
  readonly lever: string;
  readonly okxUid: string;
  readonly liqPxAtBind: string | null;
  readonly posSzAtBind?: string | null;
  readonly boundAt: string;
}

/** A confirmed `PremiumPaid` log (from the listener's event or read back for mark-paid). */
export interface PremiumPayment {
  readonly chainId: number;
  readonly checkoutAddress: string;
  readonly txHash: string;
  readonly logIndex: number;
  readonly blockTime: Date;
  readonly orderId: string;
  readonly payer: string;
  readonly amountUsdc: bigint;
  readonly quoteHash: string;
}

/** What the life cycle needs to know of a purchase order. */
export interface PurchaseOrder {
  readonly id: string;
  readonly orderId: string;
  readonly status: PolicyStatus;
  readonly userWallet: string;
  readonly chainId: number;
  readonly checkoutAddress: string;
  readonly quoteHash: string;
  readonly premiumAmountUsdc: bigint;
  readonly payoutFixedUsdc: bigint;
  readonly payoutCapUsdc: bigint;
  readonly coverageSeconds: number;
  readonly waitingPeriodSeconds: number;
  readonly quoteExpiresAt: Date;
  readonly okxMeta: OkxMeta | null;
  readonly boundAt: Date | null;
  readonly payment: PremiumPayment | null;
  readonly paymentProblem: string | null;
  readonly coverageStartAt: Date | null;
  readonly coverageEndAt: Date | null;
}

/** Addresses compare case-insensitively (EIP-55 vs lower case). */
export const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
export const sameHex = sameAddress;
