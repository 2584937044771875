import { z } from 'zod';
import { okxId, walletAddress } from '../../../shared/interface/rpc-request';

/**
 * The read-only OKX endpoints another LiqPass service may have read on a trader's behalf.
 * Keys never leave okx-binding: callers name what to read and get OKX's raw answers back.
 */
export const READABLE_ENDPOINTS = [
  'order',
  'ordersHistory',
  'ordersHistoryArchive',
  'fills',
  'fillsHistory',
  'positions',
  'positionsHistory',
  'bills',
  'billsArchive',
] as const;
export type ReadableEndpoint = (typeof READABLE_ENDPOINTS)[number];

const queryValue = z.string().max(128).regex(/^[A-Za-z0-9_.:-]*$/, 'expected a plain OKX query value');

export const readAccountCommand = z.object({
  /** The wallet that linked the account: a caller can only read accounts its trader linked. */
  wallet: walletAddress,
  okxUid: okxId,
  calls: z
    .array(
      z.object({
        name: z.string().min(1).max(64),
        endpoint: z.enum(READABLE_ENDPOINTS),
        query: z.record(z.string().regex(/^[A-Za-z]{1,32}$/, 'expected an OKX parameter name'), queryValue).default({}),
      }),
    )
    .min(1)
    .max(16)
    .refine((calls) => new Set(calls.map((c) => c.name)).size === calls.length, 'call names must be unique'),
});
export type ReadAccountCommand = z.infer<typeof readAccountCommand>;
