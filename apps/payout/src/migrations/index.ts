import { MESSAGING_MIGRATIONS } from '@liqpass/messaging';
import { AddPayoutReproposal1765100000000 } from './add-payout-reproposal.migration';
import { CreatePayoutTables1765000000000 } from './create-payout-tables.migration';

/** Every migration of the payout service, in order, as classes (bundles cannot glob). */
export const PayoutMigrations: Function[] = [...MESSAGING_MIGRATIONS, CreatePayoutTables1765000000000, AddPayoutReproposal1765100000000];
