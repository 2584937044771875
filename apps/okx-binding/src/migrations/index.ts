import { MESSAGING_MIGRATIONS } from '@liqpass/messaging';
import { CreateOkxBindingTables1764400000000 } from './create-okx-binding-tables.migration';

/** Every migration of the okx-binding service, in order, as classes (bundles cannot glob). */
export const OkxBindingMigrations: Function[] = [...MESSAGING_MIGRATIONS, CreateOkxBindingTables1764400000000];
