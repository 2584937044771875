/** Every migration of the okx-binding service, in order, as classes (bundles cannot glob). */
export const OkxBindingMigrations: Function[] = [];
