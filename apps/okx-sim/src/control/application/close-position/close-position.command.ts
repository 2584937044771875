import { z } from 'zod';
import { eventTime, positiveNumber, requiredId } from '../../domain/command-fields';

/** `POST /sim/liquidations`: OKX liquidates the position — all of it, or `sz` (default half) of it. */
export const liquidateCommand = z
  .object({ uid: requiredId, posId: requiredId, kind: z.enum(['full', 'partial']), sz: positiveNumber.optional(), ts: eventTime })
  .strict();

/** `POST /sim/adl`: auto-deleveraging closes `sz` (default all) at the mark price. Not a liquidation. */
export const adlCommand = z.object({ uid: requiredId, posId: requiredId, sz: positiveNumber.optional(), ts: eventTime }).strict();

/** `POST /sim/close`: the trader closes `sz` (default all) at `px` (default the mark price). Not a liquidation. */
export const closeCommand = z
  .object({ uid: requiredId, posId: requiredId, sz: positiveNumber.optional(), px: positiveNumber.optional(), ts: eventTime })
  .strict();

export type LiquidateCommand = z.infer<typeof liquidateCommand>;
export type AdlCommand = z.infer<typeof adlCommand>;
export type CloseCommand = z.infer<typeof closeCommand>;
