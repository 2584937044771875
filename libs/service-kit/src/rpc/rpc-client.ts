import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { currentCorrelationId, NATS_CORRELATION_HEADER } from '@liqpass/observability';
import { ReplyFailedError, ReplyMux } from './reply-mux';
import { rpcSubject, RpcTimeoutError, RpcUnavailableError, type RpcReply } from './rpc-protocol';

/** Calls a service method over NATS request/reply (the connection's ReplyMux), carrying the current correlation id. */
export class RpcClient {
  private readonly mux: ReplyMux;

  constructor(
    nc: NatsConnection,
    private readonly timeoutMs: number,
    private readonly prefix = 'liqpass',
  ) {
    this.mux = ReplyMux.of(nc);
  }

  async call<T>(service: string, method: string, body?: unknown, timeoutMs = this.timeoutMs): Promise<RpcReply<T>> {
    const subject = rpcSubject(service, method, this.prefix);
    const correlationId = currentCorrelationId();
    let requestHeaders;
    if (correlationId) {
      requestHeaders = natsHeaders();
      requestHeaders.set(NATS_CORRELATION_HEADER, correlationId);
    }
    try {
      const msg = await this.mux.request(subject, body === undefined ? '' : JSON.stringify(body), requestHeaders, timeoutMs);
      return msg.json<RpcReply<T>>();
    } catch (error) {
      if (error instanceof ReplyFailedError) throw error.failure === 'no-responders' ? new RpcUnavailableError(subject) : new RpcTimeoutError(subject);
      throw error;
    }
  }
}
