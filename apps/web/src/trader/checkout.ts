import { Contract, type Signer, type TransactionResponse } from 'ethers';
import type { QuoteMessage } from '../lib/api-types';

/**
 * The two contract calls a trader makes to pay, as human-readable ABI fragments (the forge
 * artifact is not committed; these match LiqPassCheckout.payPremium and ERC-20 approve).
 * The quote tuple's field names are exactly `typedData.message`'s keys from POST /quote, so
 * the quote is passed on as returned.
 */
export const CHECKOUT_PAY_ABI = [
  'function payPremium(tuple(bytes32 orderId, address buyer, uint256 premium, uint256 payout, uint256 payoutCap, uint64 coverageSeconds, string instrument, uint32 leverage, uint64 deadline) quote, bytes signature) returns (bytes32 quoteHash)',
] as const;
export const ERC20_APPROVE_ABI = ['function approve(address spender, uint256 value) returns (bool)', 'function allowance(address owner, address spender) view returns (uint256)'] as const;

export interface PayProgress {
  step: 'approve' | 'approve-mined' | 'pay' | 'pay-mined';
  txHash?: string;
}

/** approve exactly the premium (skipped if the allowance already covers it), then payPremium; reports each transaction. */
export async function approveAndPay(
  signer: Signer,
  contracts: { usdc: string; checkout: string },
  quote: QuoteMessage,
  signature: string,
  onProgress: (p: PayProgress) => void,
): Promise<TransactionResponse> {
  const owner = await signer.getAddress();
  const usdc = new Contract(contracts.usdc, ERC20_APPROVE_ABI, signer);
  const premium = BigInt(quote.premium);
  const allowance = (await usdc.getFunction('allowance')(owner, contracts.checkout)) as bigint;
  if (allowance < premium) {
    const approval = (await usdc.getFunction('approve')(contracts.checkout, premium)) as TransactionResponse;
    onProgress({ step: 'approve', txHash: approval.hash });
    await approval.wait();
    onProgress({ step: 'approve-mined', txHash: approval.hash });
  }
  const checkout = new Contract(contracts.checkout, CHECKOUT_PAY_ABI, signer);
  const payment = (await checkout.getFunction('payPremium')(quote, signature)) as TransactionResponse;
  onProgress({ step: 'pay', txHash: payment.hash });
  await payment.wait();
  onProgress({ step: 'pay-mined', txHash: payment.hash });
  return payment;
}
