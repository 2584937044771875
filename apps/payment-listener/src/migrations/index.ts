import { CreateMessagingTables1764201600000 } from '@liqpass/messaging';
import { CreatePaymentsTables1764400000000 } from './create-payments-tables.migration';

/** Every migration of the payment-listener service, in order, as classes (bundles cannot glob). */
export const PaymentListenerMigrations: Function[] = [CreateMessagingTables1764201600000, CreatePaymentsTables1764400000000];
