import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcServer } from '@liqpass/service-kit';
import { ListOrdersHandler } from '../application/list-orders/list-orders.handler';
import { ListPositionsHandler } from '../application/list-positions/list-positions.handler';

/** `positions.list` (GET /okx/positions) and `orders.list` (GET /okx/orders) through the gateway. */
@Injectable()
export class PortfolioRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly positions: ListPositionsHandler,
    private readonly orders: ListOrdersHandler,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('positions.list', (request) => this.positions.execute(request));
    this.rpc.handle('orders.list', (request) => this.orders.execute(request));
  }
}
