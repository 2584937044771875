import { ADMIN_ROLE_ROUTES } from './admin-roles/interface/admin-roles.routes';
import { AUDIT_ROUTES } from './audit/interface/audit.routes';
import { AUTH_ROUTES } from './auth/interface/auth.routes';
import type { RouteDefinition } from './http-edge/domain/route-definition';
import { OPERATIONAL_ROUTES } from './http-edge/interface/operational.routes';
import { PUBLIC_CONFIG_ROUTES } from './public-config/interface/public-config.routes';
import { PROXY_ROUTES } from './routing/domain/routing-table';

/** Every route the gateway serves: the route catalogue, the OpenAPI document and the 405 table. */
export const GATEWAY_ROUTES: readonly RouteDefinition[] = [
  ...Object.values(OPERATIONAL_ROUTES),
  ...Object.values(PUBLIC_CONFIG_ROUTES),
  ...Object.values(AUTH_ROUTES),
  ...Object.values(ADMIN_ROLE_ROUTES),
  ...Object.values(AUDIT_ROUTES),
  ...PROXY_ROUTES,
];
