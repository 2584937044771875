import { getAddress, type TypedDataDomain } from 'ethers';
import { z } from 'zod';
import { wire } from '@liqpass/events';
import { QUOTE_TYPES, type Quote } from './quote';

/** A quote as JSON: integers as decimal strings (never JS numbers), keys exactly the struct's. */
export type QuoteMessage = { readonly [K in keyof Quote]: string };

const uint = (bits: number) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]*)$/, 'expected a decimal string')
    .transform((value) => BigInt(value))
    .refine((value) => value < 1n << BigInt(bits), `must fit in uint${bits}`);

/** Parses a `typedData.message` (e.g. from POST /quote) into a Quote, refusing anything the contract would not take. */
export const quoteMessageSchema = z.strictObject({
  orderId: wire.bytes32.transform((value) => value.toLowerCase()),
  buyer: wire.walletAddress.transform((value) => getAddress(value)),
  premium: uint(256),
  payout: uint(256),
  payoutCap: uint(256),
  coverageSeconds: uint(64),
  instrument: z.string().min(1).max(64),
  leverage: uint(32),
  deadline: uint(64),
});

export function toQuoteMessage(quote: Quote): QuoteMessage {
  return {
    orderId: quote.orderId,
    buyer: quote.buyer,
    premium: quote.premium.toString(),
    payout: quote.payout.toString(),
    payoutCap: quote.payoutCap.toString(),
    coverageSeconds: quote.coverageSeconds.toString(),
    instrument: quote.instrument,
    leverage: quote.leverage.toString(),
    deadline: quote.deadline.toString(),
  };
}

export function parseQuoteMessage(message: unknown): Quote {
  return quoteMessageSchema.parse(message);
}

/** The `typedData` of POST /quote: what eth_signTypedData_v4 and any EIP-712 tool accept as is. */
export interface QuoteTypedData {
  readonly domain: { name: string; version: string; chainId: number; verifyingContract: string };
  readonly types: { EIP712Domain: { name: string; type: string }[]; Quote: { name: string; type: string }[] };
  readonly primaryType: 'Quote';
  readonly message: QuoteMessage;
}

export function quoteTypedData(domain: TypedDataDomain, quote: Quote): QuoteTypedData {
  return {
    domain: {
      name: String(domain.name),
      version: String(domain.version),
      chainId: Number(domain.chainId),
      verifyingContract: String(domain.verifyingContract),
    },
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'verifyingContract', type: 'address' },
      ],
      Quote: QUOTE_TYPES.Quote.map(({ name, type }) => ({ name, type })),
    },
    primaryType: 'Quote',
    message: toQuoteMessage(quote),
  };
}
