import type { Logger } from 'pino';
import { headers as natsHeaders, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { NATS_CORRELATION_HEADER, withCorrelationId } from '@liqpass/observability';
import { RpcError, rpcQueue, rpcSubject, type RpcReply } from './rpc-protocol';

export type RpcHandler = (body: unknown) => Promise<unknown>;

/** Serves request/reply methods for one service on core NATS, in that service's queue group. */
export class RpcServer {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly service: string,
    private readonly logger: Logger,
    private readonly prefix = 'liqpass',
  ) {}

  handle(method: string, handler: RpcHandler): void {
    const subject = rpcSubject(this.service, method, this.prefix);
    const subscription = this.nc.subscribe(subject, {
      queue: rpcQueue(this.service),
      callback: (error, msg) => {
        if (error) {
          this.logger.error({ err: error, subject }, 'rpc subscription failed');
          return;
        }
        void this.answer(msg, handler);
      },
    });
    this.subscriptions.push(subscription);
  }

  private async answer(msg: Msg, handler: RpcHandler): Promise<void> {
    const correlationId = msg.headers?.get(NATS_CORRELATION_HEADER) || undefined;
    await withCorrelationId(correlationId, async () => {
      const reply = await this.invoke(msg, handler);
      // Headers only to carry a correlation id: an empty header block is still encoded and parsed.
      let replyHeaders;
      if (correlationId) {
        replyHeaders = natsHeaders();
        replyHeaders.set(NATS_CORRELATION_HEADER, correlationId);
      }
      msg.respond(JSON.stringify(reply), { headers: replyHeaders });
    });
  }

  private async invoke(msg: Msg, handler: RpcHandler): Promise<RpcReply<unknown>> {
    try {
      const body = msg.data.length ? msg.json<unknown>() : undefined;
      return { ok: true, data: await handler(body) };
    } catch (error) {
      if (error instanceof RpcError) {
        return { ok: false, error: { code: error.code, message: error.message, status: error.status } };
      }
      // Internal detail stays in the log; the caller learns only that it failed.
      this.logger.error({ err: error, subject: msg.subject }, 'rpc handler failed');
      return { ok: false, error: { code: 'INTERNAL', message: 'internal error', status: 500 } };
    }
  }

  /**
   * Stops taking requests. Draining (rather than a bare unsubscribe) resolves only once the
   * server has processed the unsubscribe, so from then on no request is routed here: a caller
   * on another connection gets "no responders" at once instead of waiting out a timeout.
   */
  async close(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((subscription) => (subscription.isClosed() ? undefined : subscription.drain())));
  }
}
