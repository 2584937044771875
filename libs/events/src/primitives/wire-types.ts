import { z } from 'zod';
import { isWalletAddress } from './address';

/**
 * The building blocks every event payload is made of. They describe values as they travel
 * in JSON: amounts are strings of USDC base units (6 decimals) because a float must never
 * touch money, and times are ISO-8601 strings.
 */
export const uuid = z.uuid();

export const walletAddress = z
  .string()
  .refine(isWalletAddress, { message: 'expected a 0x-40-hex address, lower case or EIP-55 checksummed' });

export const txHash = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 0x-64-hex transaction hash');

/** A 32-byte value such as an on-chain order id, quote hash, evidence root or Safe tx hash. */
export const bytes32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 0x-64-hex 32-byte value');

/** Non-negative integer amount in USDC base units (1 USDC = "1000000"), no leading zeros. */
export const baseUnits = z.string().max(78).regex(/^(0|[1-9][0-9]*)$/, 'expected a decimal string of base units');

/** A decimal number as OKX sends it (prices, leverage, sizes), kept as a string to stay exact. */
export const decimalString = z.string().max(64).regex(/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/, 'expected a decimal string');

export const isoTimestamp = z.iso.datetime({ offset: true });

export const chainId = z.number().int().positive();

export const blockNumber = z.number().int().nonnegative();

export const logIndex = z.number().int().nonnegative();

export const seconds = z.number().int().nonnegative();

/** Ids that travel in headers and log lines: short printable tokens only. */
export const traceToken = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'expected 1-128 characters of [A-Za-z0-9._:-]');

export const okxString = z.string().min(1).max(128);
