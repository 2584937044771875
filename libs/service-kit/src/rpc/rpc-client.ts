import { errors, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { currentCorrelationId, NATS_CORRELATION_HEADER } from '@liqpass/observability';
import { rpcSubject, RpcTimeoutError, RpcUnavailableError, type RpcReply } from './rpc-protocol';

/** Calls a service method over NATS request/reply, carrying the current correlation id. */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly timeoutMs: number,
    private readonly prefix = 'liqpass',
  ) {}

  async call<T>(service: string, method: string, body?: unknown, timeoutMs = this.timeoutMs): Promise<RpcReply<T>> {
    const subject = rpcSubject(service, method, this.prefix);
    const requestHeaders = natsHeaders();
    const correlationId = currentCorrelationId();
    if (correlationId) requestHeaders.set(NATS_CORRELATION_HEADER, correlationId);
    try {
      const msg = await this.nc.request(subject, body === undefined ? '' : JSON.stringify(body), {
        timeout: timeoutMs,
        headers: requestHeaders,
      });
      return msg.json<RpcReply<T>>();
    } catch (error) {
      if (isNoResponders(error)) throw new RpcUnavailableError(subject);
      if (isTimeout(error)) throw new RpcTimeoutError(subject);
      throw error;
    }
  }
}

function isNoResponders(error: unknown): boolean {
  return (
    error instanceof errors.NoRespondersError ||
    (error instanceof errors.RequestError && error.isNoResponders())
  );
}

function isTimeout(error: unknown): boolean {
  return error instanceof errors.TimeoutError || (error instanceof Error && error.cause instanceof errors.TimeoutError);
}
