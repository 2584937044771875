import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcServer } from '@liqpass/service-kit';
import { parseRequest } from '../../shared/interface/rpc-request';
import { readAccountCommand } from '../application/read-account/read-account.command';
import { ReadAccountHandler } from '../application/read-account/read-account.handler';

/** `account.read`: service-to-service only (the gateway routes no HTTP path to it). */
@Injectable()
export class AccountReadsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly handler: ReadAccountHandler,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('account.read', (body) => this.handler.execute(parseRequest(readAccountCommand, body)));
  }
}
