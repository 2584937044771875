import { getAddress, TypedDataEncoder, verifyTypedData, type Signer, type TypedDataDomain } from 'ethers';
import { QUOTE_TYPES, type Quote } from './quote';

export interface SignedQuote {
  readonly quote: Quote;
  /** 65-byte ECDSA signature, 0x-hex, as `payPremium` takes it. */
  readonly signature: string;
  /** The EIP-712 digest: the contract's `hashQuote`, the `quoteHash` in PremiumPaid and purchase_orders. */
  readonly quoteHash: string;
}

/** The solidity type string behind the contract's QUOTE_TYPEHASH. */
export const QUOTE_TYPE_STRING = TypedDataEncoder.from(QUOTE_TYPES).encodeType('Quote');

/** EIP-712 digest of a quote under a checkout's domain (see `checkoutDomain`). */
export function hashQuote(domain: TypedDataDomain, quote: Quote): string {
  return TypedDataEncoder.hash(domain, QUOTE_TYPES, quote);
}

export async function signQuote(signer: Signer, domain: TypedDataDomain, quote: Quote): Promise<SignedQuote> {
  const signature = await signer.signTypedData(domain, QUOTE_TYPES, quote);
  return { quote, signature, quoteHash: hashQuote(domain, quote) };
}

/** The EOA that signed the quote; throws on a malformed signature. */
export function recoverQuoteSigner(domain: TypedDataDomain, quote: Quote, signature: string): string {
  return verifyTypedData(domain, QUOTE_TYPES, quote, signature);
}

/**
 * True when `expectedSigner` (an EOA) signed exactly this quote for this domain. A contract-wallet
 * signer (ERC-1271) can only be checked on-chain, by the checkout itself.
 */
export function verifyQuote(domain: TypedDataDomain, quote: Quote, signature: string, expectedSigner: string): boolean {
  try {
    return recoverQuoteSigner(domain, quote, signature) === getAddress(expectedSigner);
  } catch {
    return false;
  }
}
