import { Contract, type ContractTransactionResponse, type Signer } from 'ethers';
import { CHECKOUT_ABI } from '../abi/checkout-abi';
import type { Quote } from '../quote/quote';
import type { QuoteMessage } from '../quote/quote-message';
import { signUsdcPermit } from '../usdc/usdc-permit';

const ERC20_APPROVE = ['function approve(address spender, uint256 value) returns (bool)'];

/** A quote as the contract takes it: the bigint form or the JSON `typedData.message` as POST /quote returns it. */
export type PayableQuote = Quote | QuoteMessage;

/** What a trader's wallet does to pay: approve exactly the premium, then payPremium. Returns the payment transaction. */
export async function approveAndPayPremium(
  buyer: Signer,
  checkoutAddress: string,
  usdcAddress: string,
  quote: PayableQuote,
  signature: string,
): Promise<ContractTransactionResponse> {
  const usdc = new Contract(usdcAddress, ERC20_APPROVE, buyer);
  await (await usdc.approve(checkoutAddress, BigInt(quote.premium))).wait();
  return new Contract(checkoutAddress, CHECKOUT_ABI, buyer).payPremium(quote, signature);
}

/** Pays in one transaction: an EIP-2612 permit for exactly the premium, then payPremiumWithPermit. */
export async function payPremiumWithPermit(
  buyer: Signer,
  checkoutAddress: string,
  usdcAddress: string,
  quote: PayableQuote,
  signature: string,
  permitTtlSeconds = 3600n,
): Promise<ContractTransactionResponse> {
  const latest = await buyer.provider!.getBlock('latest');
  const deadline = BigInt(latest!.timestamp) + permitTtlSeconds;
  const permit = await signUsdcPermit(buyer, usdcAddress, checkoutAddress, BigInt(quote.premium), deadline);
  return new Contract(checkoutAddress, CHECKOUT_ABI, buyer).payPremiumWithPermit(quote, signature, permit.deadline, permit.v, permit.r, permit.s);
}
