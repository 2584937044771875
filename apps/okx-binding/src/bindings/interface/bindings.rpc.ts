import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcServer } from '@liqpass/service-kit';
import { verifyBindingCommand } from '../application/verify-binding/verify-binding.command';
import { VerifyBindingHandler } from '../application/verify-binding/verify-binding.handler';

/** `bindings.verify`, for the policy service's `purchaseOrders.bindOkx`. */
@Injectable()
export class BindingsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly verifyBinding: VerifyBindingHandler,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('bindings.verify', (request) => this.verifyBinding.execute(verifyBindingCommand(request)));
  }
}
