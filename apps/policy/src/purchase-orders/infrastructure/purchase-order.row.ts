import type { PolicyStatus } from '../domain/policy-status';
import type { OkxMeta, PurchaseOrder } from '../domain/purchase-order';

/** A `purchase_orders` row as pg returns it (NUMERIC as strings, timestamptz as Date). */
export interface PurchaseOrderRow {
  id: string;
  order_id: string;
  quote_id: string;
  user_wallet: string;
  chain_id: number;
  checkout_address: string;
  quote_hash: string;
  instrument: string;
  premium_amount_usdc: string;
  payout_fixed_usdc: string;
  payout_cap_usdc: string;
  policy_type: string;
  policy_params_json: PolicyParams;
  okx_meta_json: OkxMeta | null;
  bound_at: Date | null;
  paid_at: Date | null;
  pay_tx_hash: string | null;
  pay_log_index: number | null;
  pay_chain_id: number | null;
  pay_checkout_address: string | null;
  payer: string | null;
  paid_amount_usdc: string | null;
  paid_quote_hash: string | null;
  payment_problem: string | null;
  coverage_start_at: Date | null;
  coverage_end_at: Date | null;
  quote_expires_at: Date;
  status: PolicyStatus;
  created_at: Date;
  updated_at: Date;
}

/** `policy_params_json`: PRODUCT.md §3's minimum plus every pricing input (amounts in base units). */
export interface PolicyParams {
  readonly payout_fixed_usdc: string;
  readonly payout_cap_usdc: string;
  readonly coverage_seconds: number;
  readonly waiting_period_seconds: number;
  readonly leverage: string;
  readonly principal_usdc: string;
  readonly instrument: string;
  readonly position: { readonly posId: string; readonly posSide: 'long' | 'short' | 'net'; readonly mgnMode: 'cross' | 'isolated'; readonly lever: string } | null;
  readonly premium_usdc: string;
  readonly probability: number;
  readonly pricing: unknown;
}

export function toPurchaseOrder(row: PurchaseOrderRow): PurchaseOrder {
  return {
    id: row.id,
    orderId: row.order_id,
    status: row.status,
    userWallet: row.user_wallet,
    chainId: row.chain_id,
    checkoutAddress: row.checkout_address,
    quoteHash: row.quote_hash,
    premiumAmountUsdc: BigInt(row.premium_amount_usdc),
    payoutFixedUsdc: BigInt(row.payout_fixed_usdc),
    payoutCapUsdc: BigInt(row.payout_cap_usdc),
    coverageSeconds: row.policy_params_json.coverage_seconds,
    waitingPeriodSeconds: row.policy_params_json.waiting_period_seconds,
    quoteExpiresAt: row.quote_expires_at,
    okxMeta: row.okx_meta_json,
    boundAt: row.bound_at,
    payment:
      row.pay_tx_hash === null
        ? null
        : {
            chainId: row.pay_chain_id!,
            checkoutAddress: row.pay_checkout_address!,
            txHash: row.pay_tx_hash,
            logIndex: row.pay_log_index!,
            blockTime: row.paid_at!,
            orderId: row.order_id,
            payer: row.payer!,
            amountUsdc: BigInt(row.paid_amount_usdc!),
            quoteHash: row.paid_quote_hash!,
          },
    paymentProblem: row.payment_problem,
    coverageStartAt: row.coverage_start_at,
    coverageEndAt: row.coverage_end_at,
  };
}
