import { CreateMessagingTables1764201600000 } from '@liqpass/messaging';

/** Every migration of the policy service, in order, as classes (bundles cannot glob). */
export const PolicyMigrations: Function[] = [CreateMessagingTables1764201600000];
