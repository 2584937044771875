import { concat, keccak256, TypedDataEncoder, type TypedDataDomain, type Wallet } from 'ethers';
import { QUOTE_TYPES, type Quote } from '@liqpass/chain';

/**
 * Signs quotes for one checkout domain with the quote signer's key. The same digest and
 * signature as libs/chain's `signQuote`, with the domain separator and the type encoder built
 * once instead of per quote (ethers rebuilds both on every call): quotes are on the hot path.
 */
export class QuoteSigner {
  private readonly encoder = TypedDataEncoder.from(QUOTE_TYPES);
  private readonly domainSeparator: string;

  constructor(
    private readonly wallet: Wallet,
    readonly domain: TypedDataDomain,
  ) {
    this.domainSeparator = TypedDataEncoder.hashDomain(domain);
  }

  get address(): string {
    return this.wallet.address;
  }

  /** `{ quoteHash, signature }`: the EIP-712 digest (the contract's hashQuote) and its signature. */
  sign(quote: Quote): { quoteHash: string; signature: string } {
    const quoteHash = keccak256(concat(['0x1901', this.domainSeparator, this.encoder.hash(quote)]));
    return { quoteHash, signature: this.wallet.signingKey.sign(quoteHash).serialized };
  }
}
