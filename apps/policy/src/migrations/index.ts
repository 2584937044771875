/** Every migration of the policy service, in order, as classes (bundles cannot glob). */
export const PolicyMigrations: Function[] = [];
