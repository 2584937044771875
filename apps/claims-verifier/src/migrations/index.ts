/** Every migration of the claims-verifier service, in order, as classes (bundles cannot glob). */
export const ClaimsVerifierMigrations: Function[] = [];
