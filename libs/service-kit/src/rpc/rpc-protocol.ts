/**
 * Request/reply between the gateway and the services runs on core NATS (no persistence is
 * wanted: the caller is waiting). Subjects are `liqpass.rpc.<service>.<method>`; every
 * replica subscribes in one queue group so a request reaches exactly one of them.
 */
export const rpcSubject = (service: string, method: string, prefix = 'liqpass') => `${prefix}.rpc.${service}.${method}`;
export const rpcQueue = (service: string) => `${service}--rpc`;

export interface RpcFailure {
  /** A PRODUCT.md reason code, e.g. PURCHASE_ORDER_NOT_FOUND. */
  readonly code: string;
  readonly message: string;
  /** The HTTP status the gateway should answer with. */
  readonly status: number;
}

export type RpcReply<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: RpcFailure };

/** Thrown by a handler to answer with a reason code rather than a generic failure. */
export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

/** The caller got no reply in time (gateway maps it to 504). */
export class RpcTimeoutError extends Error {
  constructor(readonly subject: string) {
    super(`no reply from ${subject} in time`);
    this.name = 'RpcTimeoutError';
  }
}

/** No replica is listening (gateway maps it to 503). */
export class RpcUnavailableError extends Error {
  constructor(readonly subject: string) {
    super(`no service is answering ${subject}`);
    this.name = 'RpcUnavailableError';
  }
}
