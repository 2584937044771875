import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcServer } from '@liqpass/service-kit';
import { linkAccountCommand } from '../application/link-account/link-account.command';
import { LinkAccountHandler } from '../application/link-account/link-account.handler';

/** `accounts.link` (POST /okx/accounts through the gateway). */
@Injectable()
export class AccountsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly linkAccount: LinkAccountHandler,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('accounts.link', (request) => this.linkAccount.execute(linkAccountCommand(request)));
  }
}
