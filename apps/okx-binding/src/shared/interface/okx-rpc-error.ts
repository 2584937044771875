import { isOkxClientError, type OkxClientError } from '@liqpass/okx-client';
import { RpcError } from '@liqpass/service-kit';

/** What the trader can do about an OKX key refusal, by OKX code (OKX's own text is terse). */
const KEY_ADVICE: Readonly<Record<string, string>> = {
  '50101': 'this key belongs to the other OKX environment (demo trading vs live)',
  '50105': 'the passphrase does not match this key',
  '50110': "OKX refuses this service's IP for this key: create the key without an IP whitelist, or add ours",
  '50111': 'OKX does not know this API key',
  '50113': 'the secret key does not match this API key',
  '50119': 'this API key no longer exists on OKX',
  '50120': 'this key lacks the read permission',
};

/**
 * An OKX failure as the reply the gateway passes on. `context` says whose key it is: the one
 * being linked (a bad input, 400) or one already linked that stopped working (409).
 */
export function okxRpcError(error: OkxClientError, context: 'linking' | 'linked'): RpcError {
  switch (error.reason) {
    case 'OKX_KEY_INVALID': {
      const advice = (error.okxCode && KEY_ADVICE[error.okxCode]) ?? 'OKX refused this key';
      return new RpcError('OKX_KEY_INVALID', `${advice} (OKX ${error.okxCode ?? error.httpStatus})`, context === 'linking' ? 400 : 409);
    }
    case 'OKX_RATE_LIMITED':
      return new RpcError('OKX_RATE_LIMITED', 'OKX is rate-limiting this key: try again in a few seconds', 429);
    default:
      return new RpcError('OKX_UNAVAILABLE', `OKX could not be read: ${error.message}`, 503);
  }
}

/** Maps OKX failures and passes anything else through untouched. */
export function rethrowOkx(error: unknown, context: 'linking' | 'linked'): never {
  if (isOkxClientError(error)) throw okxRpcError(error, context);
  throw error;
}
