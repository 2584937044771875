import { MESSAGING_MIGRATIONS } from '@liqpass/messaging';
import { CreatePolicyTables1764500000000 } from './create-policy-tables.migration';
import { CreateVolatilitySamples1764500100000 } from './create-volatility-samples.migration';

/** Every migration of the policy service, in order, as classes (bundles cannot glob). */
export const PolicyMigrations: Function[] = [...MESSAGING_MIGRATIONS, CreatePolicyTables1764500000000, CreateVolatilitySamples1764500100000];
