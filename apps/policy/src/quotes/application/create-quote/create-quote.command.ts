import { z } from 'zod';
import { anyObject, instId, okxId, parseRequest, traderRequest } from '../../../shared/interface/rpc-request';
import type { QuoteAsk } from '../../domain/quote-terms';

const schema = traderRequest({
  params: anyObject,
  query: anyObject,
  body: z.object({
    chainId: z.number().int().positive(),
    instId,
    posId: okxId.optional(),
    leverage: z.number().positive().max(1000).optional(),
    principalUsdc: z.string().regex(/^(0|[1-9][0-9]{0,11})(\.[0-9]{1,6})?$/, 'expected a decimal string of USDC').optional(),
    coverageSeconds: z.number().int().positive().max(31_536_000),
  }),
});

export interface CreateQuoteCommand {
  readonly wallet: string;
  readonly chainId: number;
  readonly ask: QuoteAsk;
}

/** `POST /quote` as the gateway forwards it. */
export function createQuoteCommand(request: unknown): CreateQuoteCommand {
  const { caller, body } = parseRequest(schema, request);
  const { chainId, ...ask } = body;
  return { wallet: caller.wallet, chainId, ask };
}
