import type { TypedDataDomain, TypedDataField } from 'ethers';

/**
 * The checkout's EIP-712 quote, mirroring `LiqPassCheckout.Quote` field for field and in order.
 * Every integer is a bigint; money is in token base units (USDC: 6 decimals, 12.5 USDC = 12_500_000n).
 */
export interface Quote {
  /** bytes32 purchase-order id, 0x-64-hex; payable once. */
  readonly orderId: string;
  /** The only account allowed to pay the quote (msg.sender must equal it). */
  readonly buyer: string;
  readonly premium: bigint;
  /** Fixed payout on a covered liquidation. */
  readonly payout: bigint;
  readonly payoutCap: bigint;
  readonly coverageSeconds: bigint;
  /** OKX instId, e.g. "BTC-USDT-SWAP". */
  readonly instrument: string;
  /** Leverage in hundredths (10x = 1000n): see `leverageFromOkx`. */
  readonly leverage: bigint;
  /** Unix seconds after which the quote cannot be paid. */
  readonly deadline: bigint;
}

export const CHECKOUT_EIP712_NAME = 'LiqPassCheckout';
export const CHECKOUT_EIP712_VERSION = '1';

/** Solidity types of each field; changing one means changing the contract's QUOTE_TYPEHASH too. */
export const QUOTE_TYPES: Record<'Quote', TypedDataField[]> = {
  Quote: [
    { name: 'orderId', type: 'bytes32' },
    { name: 'buyer', type: 'address' },
    { name: 'premium', type: 'uint256' },
    { name: 'payout', type: 'uint256' },
    { name: 'payoutCap', type: 'uint256' },
    { name: 'coverageSeconds', type: 'uint64' },
    { name: 'instrument', type: 'string' },
    { name: 'leverage', type: 'uint32' },
    { name: 'deadline', type: 'uint64' },
  ],
};

/** The domain binds chain and contract, so a quote cannot be replayed on another chain or checkout. */
export function checkoutDomain(chainId: bigint | number, checkoutAddress: string): TypedDataDomain {
  return { name: CHECKOUT_EIP712_NAME, version: CHECKOUT_EIP712_VERSION, chainId: BigInt(chainId), verifyingContract: checkoutAddress };
}
