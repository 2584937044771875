import { Inject, Injectable } from '@nestjs/common';
import { NATS_CONNECTION, type NatsConnection } from '@liqpass/messaging';
import { RpcClient, RpcError, RpcTimeoutError, RpcUnavailableError, SERVICE_CONFIG } from '@liqpass/service-kit';
import type { OkxMeta } from '../../purchase-orders/domain/purchase-order';
import { POLICY_SETTINGS, type PolicyConfig, type PolicySettings } from '../../config/policy-settings';

/** An open position as okx-binding's `positions.list` shows it (OKX's strings). */
export interface OkxPositionView {
  readonly instId: string;
  readonly posId: string;
  readonly posSide: string;
  readonly mgnMode: string;
  readonly lever: string;
  readonly pos: string;
  readonly avgPx: string;
  readonly markPx: string;
  readonly liqPx: string;
  readonly margin: string;
}

export interface BindingTerms {
  readonly instId: string;
  readonly posSide: 'long' | 'short' | 'net';
  readonly mgnMode: 'cross' | 'isolated';
  readonly lever: string;
}

/**
 * okx-binding over NATS request/reply (its README: positions.list, bindings.verify). Its
 * refusals come back as RpcErrors with its reason code and status, to pass on unchanged.
 */
@Injectable()
export class OkxBindingClient {
  private readonly rpc: RpcClient;

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection, @Inject(SERVICE_CONFIG) config: PolicyConfig, @Inject(POLICY_SETTINGS) settings: PolicySettings) {
    this.rpc = new RpcClient(nc, settings.okxBindingTimeoutMs, config.NATS_SUBJECT_PREFIX);
  }

  async openPositions(wallet: string, instId: string): Promise<OkxPositionView[]> {
    const data = await this.call<{ positions: OkxPositionView[] }>('positions.list', { caller: { kind: 'wallet', wallet }, params: {}, query: { instId }, body: {} });
    return data.positions;
  }

  async verifyBinding(request: { purchaseOrderId: string; wallet: string; ordId: string; instId: string; terms: BindingTerms }): Promise<{ okxMeta: OkxMeta; replayed: boolean }> {
    return this.call('bindings.verify', request);
  }

  private async call<T>(method: string, body: unknown): Promise<T> {
    try {
      const reply = await this.rpc.call<T>('okx-binding', method, body);
      if (reply.ok) return reply.data;
      if (reply.error.code === 'INTERNAL') throw new RpcError('OKX_UNAVAILABLE', `okx-binding failed on ${method}`, 503);
      throw new RpcError(reply.error.code, reply.error.message, reply.error.status);
    } catch (error) {
      if (error instanceof RpcUnavailableError) throw new RpcError('SERVICE_UNAVAILABLE', 'okx-binding is not answering', 503);
      if (error instanceof RpcTimeoutError) throw new RpcError('SERVICE_TIMEOUT', 'okx-binding did not answer in time', 504);
      throw error;
    }
  }
}
