import { getAddress } from 'ethers';
import { formatUsdc } from '@liqpass/pricing';
import type { PurchaseOrderRow } from '../infrastructure/purchase-order.row';

/** A purchase order as the trader sees it (amounts as decimal USDC strings, like the quote). */
export function purchaseOrderView(row: PurchaseOrderRow) {
  const params = row.policy_params_json;
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    id: row.id,
    orderId: row.order_id,
    quoteId: row.quote_id,
    status: row.status,
    policyType: row.policy_type,
    userWallet: getAddress(row.user_wallet),
    chainId: row.chain_id,
    checkoutAddress: row.checkout_address,
    quoteHash: row.quote_hash,
    instId: row.instrument,
    premiumUsdc: formatUsdc(BigInt(row.premium_amount_usdc)),
    payoutFixedUsdc: formatUsdc(BigInt(row.payout_fixed_usdc)),
    payoutCapUsdc: formatUsdc(BigInt(row.payout_cap_usdc)),
    coverageSeconds: params.coverage_seconds,
    waitingPeriodSeconds: params.waiting_period_seconds,
    policyParams: params,
    okxMeta: row.okx_meta_json,
    boundAt: iso(row.bound_at),
    paidAt: iso(row.paid_at),
    payTxHash: row.pay_tx_hash,
    payer: row.payer ? getAddress(row.payer) : null,
    paymentProblem: row.payment_problem,
    coverageStartAt: iso(row.coverage_start_at),
    coverageEndAt: iso(row.coverage_end_at),
    quoteExpiresAt: row.quote_expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export type PurchaseOrderView = ReturnType<typeof purchaseOrderView>;
