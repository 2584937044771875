import { z } from 'zod';
import { eventTime, positiveNumber, requiredId } from '../../domain/command-fields';

/**
 * `POST /sim/positions`: a filled market order (category normal) that opens the position or
 * adds to the open one of the same instrument, side and margin mode. In net mode `side`
 * says which way (buy = long).
 */
export const openPositionCommand = z
  .object({
    uid: requiredId,
    instId: requiredId,
    posSide: z.enum(['long', 'short', 'net']),
    mgnMode: z.enum(['isolated', 'cross']),
    lever: positiveNumber,
    sz: positiveNumber,
    avgPx: positiveNumber,
    side: z.enum(['buy', 'sell']).optional(),
    ts: eventTime,
  })
  .strict();

export type OpenPositionCommand = z.infer<typeof openPositionCommand>;
