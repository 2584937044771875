import { z } from 'zod';
import { eventTime, positiveNumber, requiredId } from '../../domain/command-fields';

/**
 * `POST /sim/orders`: records one order exactly as described, touching no position, fill or
 * bill — for open orders, paging through many orders, and categories OKX.md says are not
 * liquidations (delivery, auto_conversion, ...).
 */
export const placeOrderCommand = z
  .object({
    uid: requiredId,
    instId: requiredId,
    side: z.enum(['buy', 'sell']),
    posSide: z.enum(['long', 'short', 'net']).default('net'),
    tdMode: z.enum(['isolated', 'cross', 'cash']).default('cross'),
    ordType: z.enum(['market', 'limit', 'post_only', 'fok', 'ioc']).default('limit'),
    sz: positiveNumber,
    px: positiveNumber.optional(),
    state: z.enum(['live', 'partially_filled', 'filled', 'canceled', 'mmp_canceled']).default('live'),
    category: z.string().min(1).default('normal'),
    clOrdId: z.string().max(32).default(''),
    lever: positiveNumber.default(10),
    reduceOnly: z.boolean().default(false),
    ts: eventTime,
  })
  .strict();

export type PlaceOrderCommand = z.infer<typeof placeOrderCommand>;
