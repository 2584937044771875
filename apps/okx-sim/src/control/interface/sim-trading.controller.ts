import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  adlCommand, closeCommand, liquidateCommand, type AdlCommand, type CloseCommand, type LiquidateCommand,
} from '../application/close-position/close-position.command';
import { ClosePositionHandler } from '../application/close-position/close-position.handler';
import { openPositionCommand, type OpenPositionCommand } from '../application/open-position/open-position.command';
import { OpenPositionHandler } from '../application/open-position/open-position.handler';
import { placeOrderCommand, type PlaceOrderCommand } from '../application/place-order/place-order.command';
import { PlaceOrderHandler } from '../application/place-order/place-order.handler';
import { setMarkPriceCommand, type SetMarkPriceCommand } from '../application/set-mark-price/set-mark-price.command';
import { SetMarkPriceHandler } from '../application/set-mark-price/set-mark-price.handler';
import { ZodBodyPipe } from './zod-body.pipe';

/** Control API (not OKX): what happens on the exchange — positions, prices, liquidations, ADL, closes, orders. */
@Controller('sim')
export class SimTradingController {
  constructor(
    private readonly opener: OpenPositionHandler,
    private readonly closer: ClosePositionHandler,
    private readonly marks: SetMarkPriceHandler,
    private readonly orders: PlaceOrderHandler,
  ) {}

  @Post('positions')
  openPosition(@Body(new ZodBodyPipe(openPositionCommand)) command: OpenPositionCommand) {
    return this.opener.execute(command);
  }

  @Post('mark-price')
  @HttpCode(200)
  setMarkPrice(@Body(new ZodBodyPipe(setMarkPriceCommand)) command: SetMarkPriceCommand) {
    return this.marks.execute(command);
  }

  @Post('liquidations')
  liquidate(@Body(new ZodBodyPipe(liquidateCommand)) command: LiquidateCommand) {
    return this.closer.liquidate(command);
  }

  @Post('adl')
  adl(@Body(new ZodBodyPipe(adlCommand)) command: AdlCommand) {
    return this.closer.adl(command);
  }

  @Post('close')
  close(@Body(new ZodBodyPipe(closeCommand)) command: CloseCommand) {
    return this.closer.close(command);
  }

  @Post('orders')
  placeOrder(@Body(new ZodBodyPipe(placeOrderCommand)) command: PlaceOrderCommand) {
    return this.orders.execute(command);
  }
}
