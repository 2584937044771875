import { z } from 'zod';
import { decimalString, isoTimestamp, okxString, uuid } from '../primitives/wire-types';
import { marginMode, positionSide } from './policy.payloads';

/** Events published by the okx-binding service. */

/** The OKX order was checked against the quote and bound: the `okx_meta_json` of PRODUCT.md §3. */
export const okxOrderBoundV1 = z.object({
  purchaseOrderId: uuid,
  ordId: okxString,
  instId: okxString,
  posId: okxString.nullable(),
  /** Position creation time in OKX milliseconds, as OKX sends it. */
  posCTime: z.string().regex(/^[0-9]{1,16}$/, 'expected epoch milliseconds as a string').nullable(),
  posSide: positionSide,
  mgnMode: marginMode,
  lever: decimalString,
  okxUid: okxString,
  liqPxAtBind: decimalString.nullable(),
  /** The position size when bound: a partial liquidation's payout is scaled against it. */
  posSzAtBind: decimalString.optional(),
  boundAt: isoTimestamp,
});
