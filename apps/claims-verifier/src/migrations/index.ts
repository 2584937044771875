import { CreateMessagingTables1764201600000 } from '@liqpass/messaging';

/** Every migration of the claims-verifier service, in order, as classes (bundles cannot glob). */
export const ClaimsVerifierMigrations: Function[] = [CreateMessagingTables1764201600000];
