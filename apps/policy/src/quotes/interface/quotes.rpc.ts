import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcServer } from '@liqpass/service-kit';
import { createQuoteCommand } from '../application/create-quote/create-quote.command';
import { CreateQuoteHandler } from '../application/create-quote/create-quote.handler';

/** `quotes.create` (POST /quote). */
@Injectable()
export class QuotesRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly createQuote: CreateQuoteHandler,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('quotes.create', (request) => this.createQuote.execute(createQuoteCommand(request)));
  }
}
