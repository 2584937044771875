/** Every migration of the payout service, in order, as classes (bundles cannot glob). */
export const PayoutMigrations: Function[] = [];
