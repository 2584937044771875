/** Every migration of the payment-listener service, in order, as classes (bundles cannot glob). */
export const PaymentListenerMigrations: Function[] = [];
