/** Every migration of the api-gateway service, in order, as classes (bundles cannot glob). */
export const ApiGatewayMigrations: Function[] = [];
