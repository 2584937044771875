import { CreateMessagingTables1764201600000 } from '@liqpass/messaging';

/** Every migration of the okx-binding service, in order, as classes (bundles cannot glob). */
export const OkxBindingMigrations: Function[] = [CreateMessagingTables1764201600000];
