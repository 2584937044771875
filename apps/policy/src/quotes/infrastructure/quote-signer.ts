import { isHexString, keccak256, toUtf8Bytes, TypedDataEncoder, type TypedDataDomain, type Wallet } from 'ethers';
import { QUOTE_TYPES, type Quote } from '@liqpass/chain';
import { bytes32Word, Secp256k1Signer, uintWord, WORD } from '@liqpass/signing';

const QUOTE_TYPE_HASH = Buffer.from(keccak256(toUtf8Bytes(TypedDataEncoder.from(QUOTE_TYPES).encodeType('Quote'))).slice(2), 'hex');
const EIP712_PREFIX = Buffer.from([0x19, 0x01]);
/** The few instrument names quoted: their string hashes (EIP-712 hashes a string field) are kept. */
const MAX_INSTRUMENTS = 1_000;

/**
 * Signs quotes for one checkout domain with the quote signer's key. The same digest and
 * signature as libs/chain's `signQuote` (the unit test compares them on random quotes), but the
 * Quote struct is encoded straight into its fixed layout — ten 32-byte words — instead of by
 * ethers' generic encoder, which re-checksums the buyer, re-hashes the instrument's type and
 * round-trips every value through hex strings: five keccaks a quote instead of two, and more
 * CPU than the hashing itself. Quotes are on the hot path, so the digest is signed by
 * libsecp256k1 in WebAssembly (@liqpass/signing), the same signature as ethers' at about a third
 * of its CPU.
 */
export class QuoteSigner {
  private readonly domainSeparator: Buffer;
  private readonly instrumentHashes = new Map<string, Buffer>();
  private readonly key: Secp256k1Signer;

  constructor(
    wallet: Wallet,
    readonly domain: TypedDataDomain,
  ) {
    this.domainSeparator = Buffer.from(TypedDataEncoder.hashDomain(domain).slice(2), 'hex');
    this.key = new Secp256k1Signer(wallet.privateKey);
  }

  get address(): string {
    return this.key.address;
  }

  /** `{ quoteHash, signature }`: the EIP-712 digest (the contract's hashQuote) and its signature. */
  sign(quote: Quote): { quoteHash: string; signature: string } {
    const quoteHash = keccak256(Buffer.concat([EIP712_PREFIX, this.domainSeparator, this.structHash(quote)]));
    return { quoteHash, signature: this.key.sign(Buffer.from(quoteHash.slice(2), 'hex')) };
  }

  /** hashStruct(Quote): keccak256(typeHash ‖ the nine fields, each one word). */
  private structHash(quote: Quote): Buffer {
    const words = Buffer.alloc(10 * WORD);
    QUOTE_TYPE_HASH.copy(words, 0);
    bytes32Word(quote.orderId, 'quote orderId').copy(words, WORD);
    address(quote.buyer).copy(words, 2 * WORD + 12);
    uintWord(quote.premium, 256, 'quote premium').copy(words, 3 * WORD);
    uintWord(quote.payout, 256, 'quote payout').copy(words, 4 * WORD);
    uintWord(quote.payoutCap, 256, 'quote payoutCap').copy(words, 5 * WORD);
    uintWord(quote.coverageSeconds, 64, 'quote coverageSeconds').copy(words, 6 * WORD);
    this.instrumentHash(quote.instrument).copy(words, 7 * WORD);
    uintWord(quote.leverage, 32, 'quote leverage').copy(words, 8 * WORD);
    uintWord(quote.deadline, 64, 'quote deadline').copy(words, 9 * WORD);
    return Buffer.from(keccak256(words).slice(2), 'hex');
  }

  private instrumentHash(instrument: string): Buffer {
    let found = this.instrumentHashes.get(instrument);
    if (!found) {
      if (this.instrumentHashes.size >= MAX_INSTRUMENTS) this.instrumentHashes.clear();
      found = Buffer.from(keccak256(toUtf8Bytes(instrument)).slice(2), 'hex');
      this.instrumentHashes.set(instrument, found);
    }
    return found;
  }
}

/** The 20 bytes of an address; the contract never sees its checksum, but a malformed one is refused. */
function address(value: string): Buffer {
  if (!isHexString(value, 20)) throw new RangeError(`quote buyer must be an address (got ${value})`);
  return Buffer.from(value.slice(2), 'hex');
}
