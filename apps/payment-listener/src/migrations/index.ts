import { CreateMessagingTables1764201600000 } from '@liqpass/messaging';

/** Every migration of the payment-listener service, in order, as classes (bundles cannot glob). */
export const PaymentListenerMigrations: Function[] = [CreateMessagingTables1764201600000];
