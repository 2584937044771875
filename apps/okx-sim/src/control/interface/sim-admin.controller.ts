import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { createAccountCommand, revokeKeyCommand, type CreateAccountCommand, type RevokeKeyCommand } from '../application/create-account/create-account.command';
import { CreateAccountHandler } from '../application/create-account/create-account.handler';
import { ResetHandler } from '../application/reset/reset.handler';
import { setFaultCommand, type SetFaultCommand } from '../application/set-fault/set-fault.command';
import { SetFaultHandler } from '../application/set-fault/set-fault.handler';
import { ZodBodyPipe } from './zod-body.pipe';

/** Control API (not OKX): accounts and keys, fault injection, reset. Local use only — it hands out secrets. */
@Controller('sim')
export class SimAdminController {
  constructor(
    private readonly accounts: CreateAccountHandler,
    private readonly faults: SetFaultHandler,
    private readonly resetter: ResetHandler,
  ) {}

  @Post('accounts')
  createAccount(@Body(new ZodBodyPipe(createAccountCommand)) command: CreateAccountCommand) {
    return this.accounts.execute(command);
  }

  @Post('keys/revoke')
  @HttpCode(200)
  revokeKey(@Body(new ZodBodyPipe(revokeKeyCommand)) command: RevokeKeyCommand) {
    return this.accounts.revoke(command);
  }

  @Post('faults')
  @HttpCode(200)
  setFault(@Body(new ZodBodyPipe(setFaultCommand)) command: SetFaultCommand) {
    return this.faults.execute(command);
  }

  @Get('faults')
  listFaults() {
    return this.faults.current();
  }

  @Post('reset')
  @HttpCode(200)
  reset() {
    return this.resetter.execute();
  }
}
