import { Module, type DynamicModule } from '@nestjs/common';
import { AccountController } from './account/interface/account.controller';
import { BillsController } from './account/interface/bills.controller';
import { PositionsController } from './account/interface/positions.controller';
import { AccountQuery } from './account/application/account.query';
import { PositionsQuery } from './account/application/positions.query';
import { SetLeverageHandler } from './account/application/set-leverage.handler';
import { AccountStore } from './accounts/infrastructure/account.store';
import { OkxAuthGuard } from './auth/interface/okx-auth.guard';
import { ClosePositionHandler } from './control/application/close-position/close-position.handler';
import { CreateAccountHandler } from './control/application/create-account/create-account.handler';
import { OpenPositionHandler } from './control/application/open-position/open-position.handler';
import { PlaceOrderHandler } from './control/application/place-order/place-order.handler';
import { ResetHandler } from './control/application/reset/reset.handler';
import { SetFaultHandler } from './control/application/set-fault/set-fault.handler';
import { SetMarkPriceHandler } from './control/application/set-mark-price/set-mark-price.handler';
import { SimAdminController } from './control/interface/sim-admin.controller';
import { SimTradingController } from './control/interface/sim-trading.controller';
import { FaultRules } from './faults/domain/fault-rules';
import { DelayScheduler } from './faults/infrastructure/delay-scheduler';
import { FaultGuard } from './faults/interface/fault.guard';
import { HealthController } from './health/health.controller';
import { RiskService } from './ledger/application/risk.service';
import { LedgerStore } from './ledger/infrastructure/ledger.store';
import { MarketQuery } from './market/application/market.query';
import { MarketStore } from './market/infrastructure/market.store';
import { MarketController } from './market/interface/market.controller';
import { SlidingWindowLimiter } from './rate-limit/domain/sliding-window-limiter';
import { RateLimitGuard } from './rate-limit/interface/rate-limit.guard';
import { SIM_OPTIONS, SimClock, type ResolvedSimOptions } from './sim-options';
import { OrdersQuery } from './trade/application/orders.query';
import { FillsController } from './trade/interface/fills.controller';
import { OrdersController } from './trade/interface/orders.controller';

/**
 * The simulator in one module: all state lives in the singletons below, so every app
 * instance (one per test file) is an independent OKX.
 */
@Module({})
export class AppModule {
  static register(options: ResolvedSimOptions): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        HealthController, AccountController, PositionsController, BillsController, OrdersController, FillsController,
        MarketController, SimAdminController, SimTradingController,
      ],
      providers: [
        { provide: SIM_OPTIONS, useValue: options },
        { provide: FaultRules, useValue: new FaultRules() },
        { provide: SlidingWindowLimiter, useValue: new SlidingWindowLimiter() },
        SimClock, AccountStore, LedgerStore, MarketStore, DelayScheduler, RiskService,
        FaultGuard, OkxAuthGuard, RateLimitGuard,
        AccountQuery, PositionsQuery, SetLeverageHandler, OrdersQuery, MarketQuery,
        CreateAccountHandler, OpenPositionHandler, ClosePositionHandler, SetMarkPriceHandler, PlaceOrderHandler,
        SetFaultHandler, ResetHandler,
      ],
    };
  }
}
