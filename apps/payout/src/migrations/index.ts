import { CreateMessagingTables1764201600000 } from '@liqpass/messaging';

/** Every migration of the payout service, in order, as classes (bundles cannot glob). */
export const PayoutMigrations: Function[] = [CreateMessagingTables1764201600000];
