import { Contract, Signature, TypedDataEncoder, type Signer, type TransactionResponse, type TypedDataDomain } from 'ethers';
import type { QuoteMessage } from '../lib/api-types';

/**
 * The contract calls a trader makes to pay, as human-readable ABI fragments (the forge artifact
 * is not committed; these match LiqPassCheckout.payPremium / payPremiumWithPermit and the
 * ERC-20 + EIP-2612 functions of USDC). The quote tuple's field names are exactly
 * `typedData.message`'s keys from POST /quote, so the quote is passed on as returned.
 */
const QUOTE_TUPLE = 'tuple(bytes32 orderId, address buyer, uint256 premium, uint256 payout, uint256 payoutCap, uint64 coverageSeconds, string instrument, uint32 leverage, uint64 deadline) quote';
export const CHECKOUT_PAY_ABI = [
  `function payPremium(${QUOTE_TUPLE}, bytes signature) returns (bytes32 quoteHash)`,
  `function payPremiumWithPermit(${QUOTE_TUPLE}, bytes signature, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s) returns (bytes32 quoteHash)`,
] as const;
export const ERC20_APPROVE_ABI = ['function approve(address spender, uint256 value) returns (bool)', 'function allowance(address owner, address spender) view returns (uint256)'] as const;
export const EIP2612_ABI = ['function name() view returns (string)', 'function version() view returns (string)', 'function nonces(address owner) view returns (uint256)', 'function DOMAIN_SEPARATOR() view returns (bytes32)'] as const;

export type PayMethod = 'permit' | 'approve';

export interface PayProgress {
  step: 'permit-signed' | 'approve' | 'approve-mined' | 'pay' | 'pay-mined';
  txHash?: string;
}

const PERMIT_TYPES = {
  Permit: [
    { name: 'owner', type: 'address' },
    { name: 'spender', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
};

export interface PermitDomain {
  readonly domain: TypedDataDomain;
  readonly nonce: bigint;
}

/** The EIP-2612 Permit for exactly `value`, to be signed by `owner` (USDC's FiatToken v2.2 accepts it). */
export function permitTypedData(domain: TypedDataDomain, p: { owner: string; spender: string; value: bigint; nonce: bigint; deadline: bigint }) {
  return { domain, types: PERMIT_TYPES, message: { owner: p.owner, spender: p.spender, value: p.value, nonce: p.nonce, deadline: p.deadline } };
}

/**
 * The token's permit domain, or null when it has none: the domain built from name(), version()
 * and the chain must hash to the token's own DOMAIN_SEPARATOR, or a signature would be refused.
 */
export async function permitDomain(signer: Signer, usdc: string, chainId: number): Promise<PermitDomain | null> {
  const token = new Contract(usdc, EIP2612_ABI, signer);
  try {
    const [name, version, separator, nonce] = (await Promise.all([
      token.getFunction('name')(),
      token.getFunction('version')(),
      token.getFunction('DOMAIN_SEPARATOR')(),
      token.getFunction('nonces')(await signer.getAddress()),
    ])) as [string, string, string, bigint];
    const domain: TypedDataDomain = { name, version, chainId, verifyingContract: usdc };
    return TypedDataEncoder.hashDomain(domain) === separator ? { domain, nonce } : null;
  } catch {
    return null; // no version(), nonces() or DOMAIN_SEPARATOR(): no EIP-2612 here
  }
}

/** The permit's deadline: the quote's own (it cannot be paid later anyway), or 30 minutes when the quote has none. */
export function permitDeadline(quote: QuoteMessage, nowMs: number): bigint {
  const quoted = BigInt(quote.deadline);
  return quoted > 0n ? quoted : BigInt(Math.floor(nowMs / 1000) + 1800);
}

/** One signature (the permit, no gas), then one transaction: payPremiumWithPermit. */
export async function permitAndPay(
  signer: Signer,
  contracts: { usdc: string; checkout: string },
  permit: PermitDomain,
  quote: QuoteMessage,
  signature: string,
  onProgress: (p: PayProgress) => void,
): Promise<TransactionResponse> {
  const deadline = permitDeadline(quote, Date.now());
  const typed = permitTypedData(permit.domain, { owner: await signer.getAddress(), spender: contracts.checkout, value: BigInt(quote.premium), nonce: permit.nonce, deadline });
  const { v, r, s } = Signature.from(await signer.signTypedData(typed.domain, typed.types, typed.message));
  onProgress({ step: 'permit-signed' });
  const checkout = new Contract(contracts.checkout, CHECKOUT_PAY_ABI, signer);
  const payment = (await checkout.getFunction('payPremiumWithPermit')(quote, signature, deadline, v, r, s)) as TransactionResponse;
  onProgress({ step: 'pay', txHash: payment.hash });
  await payment.wait();
  onProgress({ step: 'pay-mined', txHash: payment.hash });
  return payment;
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

export const PROGRESS_WORDS: Record<PayProgress['step'], string> = {
  'permit-signed': 'Permit signed (a signature, no transaction)',
  approve: 'Approval sent',
  'approve-mined': 'Approval confirmed',
  pay: 'Payment sent',
  'pay-mined': 'Payment mined',
};
