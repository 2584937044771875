import { z } from 'zod';
import { eventTime, positiveNumber, requiredId } from '../../domain/command-fields';

/**
 * `POST /sim/mark-price`. With `liquidate: true` every open position on the instrument whose
 * liquidation price the new mark reaches is fully liquidated, as OKX's risk engine would.
 */
export const setMarkPriceCommand = z
  .object({ instId: requiredId, markPx: positiveNumber, liquidate: z.boolean().default(false), ts: eventTime })
  .strict();

export type SetMarkPriceCommand = z.infer<typeof setMarkPriceCommand>;
