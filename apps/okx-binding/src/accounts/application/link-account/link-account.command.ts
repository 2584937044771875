import { z } from 'zod';
import { parseRequest, traderRequest } from '../../../shared/interface/rpc-request';

/** `accounts.link` ← `POST /okx/accounts` through the gateway. */
const linkAccountRequest = traderRequest(
  z.object({
    apiKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'expected an OKX API key'),
    secretKey: z.string().regex(/^[A-Za-z0-9]{16,128}$/, 'expected an OKX secret key'),
    passphrase: z.string().min(1, 'must not be empty').max(64).regex(/^[\x20-\x7e]+$/, 'expected printable ASCII'),
  }),
  z.unknown(),
);

export interface LinkAccountCommand {
  readonly wallet: string;
  readonly apiKey: string;
  readonly secretKey: string;
  readonly passphrase: string;
}

export function linkAccountCommand(request: unknown): LinkAccountCommand {
  const { caller, body } = parseRequest(linkAccountRequest, request);
  return { wallet: caller.wallet, ...body };
}
