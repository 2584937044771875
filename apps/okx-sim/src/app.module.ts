import { Module, type DynamicModule } from '@nestjs/common';
import { AccountRoutes } from './account/interface/account.routes';
import { BillsRoutes } from './account/interface/bills.routes';
import { PositionsRoutes } from './account/interface/positions.routes';
import { AccountQuery } from './account/application/account.query';
import { PositionsQuery } from './account/application/positions.query';
import { SetLeverageHandler } from './account/application/set-leverage.handler';
import { AccountStore } from './accounts/infrastructure/account.store';
import { OkxAuthenticator } from './auth/interface/okx-authenticator';
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
import { FaultGate } from './faults/interface/fault.gate';
import { HealthController } from './health/health.controller';
import { RiskService } from './ledger/application/risk.service';
import { LedgerStore } from './ledger/infrastructure/ledger.store';
import { MarketQuery } from './market/application/market.query';
import { MarketStore } from './market/infrastructure/market.store';
import { MarketRoutes } from './market/interface/market.routes';
import { SlidingWindowLimiter } from './rate-limit/domain/sliding-window-limiter';
import { RateLimitGate } from './rate-limit/interface/rate-limit.gate';
import { OkxRouter } from './shared/interface/okx-router';
import { OKX_ROUTES, type OkxRoutes } from './shared/interface/okx-route';
import { SIM_OPTIONS, SimClock, type ResolvedSimOptions } from './sim-options';
import { OrdersQuery } from './trade/application/orders.query';
import { FillsRoutes } from './trade/interface/fills.routes';
import { OrdersRoutes } from './trade/interface/orders.routes';

const OKX_ROUTE_SETS = [AccountRoutes, PositionsRoutes, BillsRoutes, OrdersRoutes, FillsRoutes, MarketRoutes];

/**
 * The simulator in one module: all state lives in the singletons below, so every app
 * instance (one per test file) is an independent OKX.
 */
@Module({})
export class AppModule {
  static register(options: ResolvedSimOptions): DynamicModule {
    return {
      module: AppModule,
      // The OKX API is served by OkxRouter as plain Fastify routes; Nest serves /health and /sim.
      controllers: [HealthController, SimAdminController, SimTradingController],
      providers: [
        { provide: SIM_OPTIONS, useValue: options },
        { provide: FaultRules, useValue: new FaultRules() },
        { provide: SlidingWindowLimiter, useValue: new SlidingWindowLimiter() },
        SimClock, AccountStore, LedgerStore, MarketStore, DelayScheduler, RiskService,
        FaultGate, OkxAuthenticator, RateLimitGate, OkxRouter, ...OKX_ROUTE_SETS,
        { provide: OKX_ROUTES, useFactory: (...sets: OkxRoutes[]) => sets.flatMap((set) => set.routes()), inject: OKX_ROUTE_SETS },
        AccountQuery, PositionsQuery, SetLeverageHandler, OrdersQuery, MarketQuery,
        CreateAccountHandler, OpenPositionHandler, ClosePositionHandler, SetMarkPriceHandler, PlaceOrderHandler,
        SetFaultHandler, ResetHandler,
      ],
    };
  }
}
