import { CreateGatewayTables1764300000000 } from './create-gateway-tables.migration';

/** Every migration of the api-gateway service, in order, as classes (bundles cannot glob). */
export const ApiGatewayMigrations: Function[] = [CreateGatewayTables1764300000000];
