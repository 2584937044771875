import { z } from 'zod';
import { isWalletAddress } from '@liqpass/events';

/**
 * The value shapes the gateway's routes are built from. Each carries a pattern, so the
 * OpenAPI document shows clients exactly what is accepted.
 */
export const uuidParam = z.uuid({ message: 'expected a UUID' });

export const walletAddress = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-40-hex address')
  .refine(isWalletAddress, { message: 'expected a lower-case or correctly EIP-55 checksummed address' });

export const txHash = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 0x-64-hex transaction hash');

/** A 65-byte ECDSA signature (r, s, v) as 0x-130-hex. */
export const ecdsaSignature = z.string().regex(/^0x[0-9a-fA-F]{130}$/, 'expected a 0x-130-hex signature');

/** A positive USDC amount as a decimal string with at most 6 decimals, e.g. "12.5". */
export const usdcAmount = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,11})(\.[0-9]{1,6})?$/, 'expected a decimal string of USDC with at most 6 decimals')
  .refine((value) => /[1-9]/.test(value), { message: 'must be greater than zero' });

/** An OKX instrument id such as BTC-USDT-SWAP or BTC-USD-250627. */
export const instId = z.string().regex(/^[A-Z0-9]{1,16}(-[A-Z0-9]{1,16}){1,3}$/, 'expected an OKX instrument id like BTC-USDT-SWAP');

/** OKX numeric ids (ordId, posId) travel as strings of digits. */
export const okxNumericId = z.string().regex(/^[0-9]{1,32}$/, 'expected a string of digits');

export const chainId = z.number().int('must be a whole number').positive('must be positive').max(2 ** 53 - 1);

/** Whole seconds since the epoch. */
export const unixSeconds = z.number().int('must be a whole number').positive('must be positive').max(32_503_680_000);

/** An integer in a query string (query values are always strings). */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,9}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

export const pageLimit = queryInt(1, 200).optional();

/** An opaque paging cursor handed out by a list route. */
export const pageCursor = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'expected a cursor returned by a previous page').optional();

/** An upper-case state name such as VERIFIED_PENDING_REVIEW. */
export const stateName = z.string().regex(/^[A-Z][A-Z_]{0,63}$/, 'expected an upper-case state name');

export const emptyBody = z.strictObject({}).optional();
