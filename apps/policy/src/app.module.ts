import { Module, type DynamicModule } from '@nestjs/common';
import { checkoutDomain } from '@liqpass/chain';
import { MESSAGING_ENTITIES, MessagingModule } from '@liqpass/messaging';
import type { Logger, Registry } from '@liqpass/observability';
import { OkxClient } from '@liqpass/okx-client';
import { METRICS_REGISTRY, ServiceKitModule } from '@liqpass/service-kit';
import { useWasmKeccak } from '@liqpass/signing';
import { POLICY_SETTINGS, policySettings, type PolicyConfig } from './config/policy-settings';
import { ExpiryScheduler } from './expiry/application/expiry-scheduler';
import { SchedulerLeaseRepository } from './expiry/infrastructure/scheduler-lease.repository';
import { PolicyMigrations } from './migrations';
import { BindOkxOrderHandler } from './purchase-orders/application/bind-okx-order/bind-okx-order.handler';
import { RecordClaimHandler } from './purchase-orders/application/claims/record-claim.handler';
import { CreatePurchaseOrderHandler } from './purchase-orders/application/create-purchase-order/create-purchase-order.handler';
import { MarkPaidHandler } from './purchase-orders/application/mark-paid/mark-paid.handler';
import { OwnedOrders } from './purchase-orders/application/owned-orders';
import { PolicyTransitions } from './purchase-orders/application/policy-transitions';
import { RecordBindingHandler } from './purchase-orders/application/record-binding/record-binding.handler';
import { RecordPaymentHandler } from './purchase-orders/application/record-payment/record-payment.handler';
import { PremiumPaidReader } from './purchase-orders/infrastructure/premium-paid.reader';
import { PurchaseOrderRepository } from './purchase-orders/infrastructure/purchase-order.repository';
import { TransitionLog } from './purchase-orders/infrastructure/transition-log';
import { BindingAndClaimEventsConsumer } from './purchase-orders/interface/binding-and-claim-events.consumer';
import { PaymentEventsConsumer } from './purchase-orders/interface/payment-events.consumer';
import { PurchaseOrdersRpc } from './purchase-orders/interface/purchase-orders.rpc';
import { CreateQuoteHandler } from './quotes/application/create-quote/create-quote.handler';
import { ExposureSnapshot } from './quotes/infrastructure/exposure-snapshot';
import { MarketVolatility } from './quotes/infrastructure/market-volatility';
import { QuoteSigner } from './quotes/infrastructure/quote-signer';
import { QuoteWriter } from './quotes/infrastructure/quote-writer';
import { QuoteRepository } from './quotes/infrastructure/quote.repository';
import { TreasuryCapital } from './quotes/infrastructure/treasury-capital';
import { QuotesRpc } from './quotes/interface/quotes.rpc';
import { OkxBindingClient } from './shared/infrastructure/okx-binding.client';
import { PolicyMetrics } from './shared/infrastructure/policy.metrics';

/**
 * policy: prices and signs quotes, owns purchase_orders and their life cycle (one state
 * machine, audit trail, outbox events), and expires policies on a leased scheduler.
 */
@Module({})
export class PolicyAppModule {
  static register(config: PolicyConfig, logger: Logger): DynamicModule {
    // Throws a ConfigError naming the settings before anything starts if they contradict each other.
    const settings = policySettings(config);
    return {
      module: PolicyAppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'policy', config, logger, entities: [...MESSAGING_ENTITIES], migrations: PolicyMigrations }),
        MessagingModule.forRoot({ service: 'policy', subjectPrefix: config.NATS_SUBJECT_PREFIX, logger, metricsRegistry: { inject: METRICS_REGISTRY } }),
      ],
      providers: [
        { provide: POLICY_SETTINGS, useValue: settings },
        { provide: PolicyMetrics, useFactory: (registry: Registry) => new PolicyMetrics(registry), inject: [METRICS_REGISTRY] },
        { provide: OkxClient, useFactory: () => new OkxClient({ baseUrl: settings.okx.baseUrl, deadlineMs: settings.okx.timeoutMs, rateLimit: false }) },
        OkxBindingClient,
        MarketVolatility,
        TreasuryCapital,
        ExposureSnapshot,
        QuoteRepository,
        QuoteWriter,
        {
          provide: QuoteSigner,
          // Every quote hashes its struct and digest: keccak-256 in WebAssembly, not ethers' JavaScript one.
          useFactory: async () => (await useWasmKeccak(), new QuoteSigner(settings.signer, checkoutDomain(settings.chain.chainId, settings.chain.contracts.checkout))),
        },
        PurchaseOrderRepository,
        TransitionLog,
        PolicyTransitions,
        OwnedOrders,
        CreateQuoteHandler,
        CreatePurchaseOrderHandler,
        RecordPaymentHandler,
        RecordBindingHandler,
        RecordClaimHandler,
        BindOkxOrderHandler,
        PremiumPaidReader,
        MarkPaidHandler,
        SchedulerLeaseRepository,
        ExpiryScheduler,
        QuotesRpc,
        PurchaseOrdersRpc,
        PaymentEventsConsumer,
        BindingAndClaimEventsConsumer,
      ],
    };
  }
}
