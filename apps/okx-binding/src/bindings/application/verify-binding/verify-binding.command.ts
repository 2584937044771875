import { z } from 'zod';
import { instId, okxId, parseRequest, walletAddress } from '../../../shared/interface/rpc-request';
import type { QuoteTerms } from '../../domain/quote-terms';

/**
 * `bindings.verify`, called by the policy service for `POST /purchase_orders/:id/bind-okx`
 * (contract in apps/okx-binding/README.md). `terms` may be left out once PolicyCreated has
 * reached this service; when both exist, the event's terms are used.
 */
const verifyBindingRequest = z.object({
  purchaseOrderId: z.uuid('expected a uuid'),
  wallet: walletAddress,
  ordId: okxId,
  instId,
  terms: z
    .object({
      instId,
      posSide: z.enum(['long', 'short', 'net']),
      mgnMode: z.enum(['cross', 'isolated']),
      lever: z.string().regex(/^(0|[1-9][0-9]*)(\.[0-9]+)?$/, 'expected a decimal string'),
    })
    .optional(),
});

export interface VerifyBindingCommand {
  readonly purchaseOrderId: string;
  readonly wallet: string;
  readonly ordId: string;
  readonly instId: string;
  readonly terms?: QuoteTerms;
}

export function verifyBindingCommand(request: unknown): VerifyBindingCommand {
  return parseRequest(verifyBindingRequest, request);
}
