import type { NatsConnection } from '@liqpass/messaging';
import { BACKEND_SERVICES } from '@liqpass/config';
import { currentCorrelationId } from '@liqpass/observability';
import { RpcServer } from '@liqpass/service-kit';
import { PROXY_ROUTES } from '../routing/domain/routing-table';

export interface ReceivedCall {
  readonly service: string;
  readonly method: string;
  readonly request: { caller: { kind: string; wallet?: string; roles?: string[] }; params: unknown; query: unknown; body: unknown };
  readonly correlationId: string | undefined;
}

export type StandInHandler = (request: ReceivedCall['request']) => Promise<unknown>;

/**
 * Real NATS responders standing in for the backend services on every method of the routing
 * table: each records what reached it and answers `{ served: method }` unless a test gives
 * that method its own handler.
 */
export class StandInServices {
  readonly calls: ReceivedCall[] = [];
  private readonly servers: RpcServer[] = [];
  private readonly overrides = new Map<string, StandInHandler>();

  constructor(nc: NatsConnection, prefix: string) {
    const silent = { error: () => undefined } as never;
    const methods = new Set(PROXY_ROUTES.map((route) => route.target.method));
    for (const { name: service } of BACKEND_SERVICES) {
      const server = new RpcServer(nc, service, silent, prefix);
      for (const method of methods) {
        server.handle(method, async (body) => {
          const request = body as ReceivedCall['request'];
          this.calls.push({ service, method, request, correlationId: currentCorrelationId() });
          const override = this.overrides.get(`${service}/${method}`);
          return override ? override(request) : { served: method, by: service };
        });
      }
      this.servers.push(server);
    }
  }

  handle(service: string, method: string, handler: StandInHandler): void {
    this.overrides.set(`${service}/${method}`, handler);
  }

  async close(): Promise<void> {
    for (const server of this.servers) await server.close();
  }
}
