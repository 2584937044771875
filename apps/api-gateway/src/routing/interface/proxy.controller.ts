import { Controller, Inject, type Type } from '@nestjs/common';
import { Edge, type EdgeContext } from '../../http-edge/interface/edge-context';
import { Endpoint } from '../../http-edge/interface/endpoint.decorator';
import { ForwardRequestHandler } from '../application/forward-request/forward-request.handler';
import type { ProxyRoute } from '../domain/proxy-route';

/**
 * One controller serving every route of the routing table: each entry becomes a handler method
 * with its path and success status, all forwarding to the owning service. Built from the table
 * so that a route cannot be served without being declared, or declared without being served.
 */
export function buildProxyController(routes: readonly ProxyRoute[]): Type<unknown> {
  @Controller()
  class ProxyController {
    constructor(@Inject(ForwardRequestHandler) readonly forwarder: ForwardRequestHandler) {}
  }
  for (const route of routes) {
    const handler = function (this: ProxyController, edge: EdgeContext<ProxyRoute>): Promise<unknown> {
      return this.forwarder.execute(edge);
    };
    Object.defineProperty(handler, 'name', { value: route.id });
    Object.defineProperty(ProxyController.prototype, route.id, { value: handler, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(ProxyController.prototype, route.id)!;
    Endpoint(route)(ProxyController.prototype, route.id, descriptor);
    Edge()(ProxyController.prototype, route.id, 0);
  }
  return ProxyController;
}
