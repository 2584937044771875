import { CreateMessagingTables1764201600000 } from '@liqpass/messaging';
import { CreateClaimsTables1764600000000 } from './create-claims-tables.migration';

/** Every migration of the claims-verifier service, in order, as classes (bundles cannot glob). */
export const ClaimsVerifierMigrations: Function[] = [CreateMessagingTables1764201600000, CreateClaimsTables1764600000000];
