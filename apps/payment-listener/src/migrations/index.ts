import { MESSAGING_MIGRATIONS } from '@liqpass/messaging';
import { CreatePaymentsTables1764400000000 } from './create-payments-tables.migration';

/** Every migration of the payment-listener service, in order, as classes (bundles cannot glob). */
export const PaymentListenerMigrations: Function[] = [...MESSAGING_MIGRATIONS, CreatePaymentsTables1764400000000];
