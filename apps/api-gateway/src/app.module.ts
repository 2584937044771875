import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfigOf } from '@liqpass/config';
import { NATS_CONNECTION, type NatsConnection } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { RpcClient, ServiceKitModule } from '@liqpass/service-kit';
import { SeedAdminRolesHandler } from './admin-roles/application/seed-admin-roles/seed-admin-roles.handler';
import { SetAdminRolesHandler } from './admin-roles/application/set-admin-roles/set-admin-roles.handler';
import { AdminRoleRepository } from './admin-roles/infrastructure/admin-role.repository';
import { AdminRolesController } from './admin-roles/interface/admin-roles.controller';
import { AuditRepository } from './audit/infrastructure/audit.repository';
import { AuditController } from './audit/interface/audit.controller';
import { AuthenticateCaller } from './auth/application/authenticate-caller/authenticate-caller.service';
import { IssueNonceHandler } from './auth/application/issue-nonce/issue-nonce.handler';
import { RefreshSessionHandler } from './auth/application/refresh-session/refresh-session.handler';
import { SignInHandler } from './auth/application/sign-in/sign-in.handler';
import { SessionTokenSigner } from './auth/infrastructure/session-token.signer';
import { SiweNonceRepository } from './auth/infrastructure/siwe-nonce.repository';
import { UserRepository } from './auth/infrastructure/user.repository';
import { AuthController } from './auth/interface/auth.controller';
import { BackendHealthRegistrar } from './health/application/backend-health.registrar';
import { HTTP_EDGE_CONTROLLERS, HTTP_EDGE_PROVIDERS } from './http-edge/http-edge.providers';
import { ApiGatewayMigrations } from './migrations';
import { PublicConfigController } from './public-config/interface/public-config.controller';
import { ForwardRequestHandler } from './routing/application/forward-request/forward-request.handler';
import { ReadCache } from './routing/domain/read-cache';
import { cachedScopes } from './routing/domain/proxy-route';
import { PROXY_ROUTES } from './routing/domain/routing-table';
import { CACHED_SCOPES, ReadCacheInvalidation } from './routing/infrastructure/read-cache-invalidation';
import { buildProxyController } from './routing/interface/proxy.controller';

/**
 * The API gateway: the only public HTTP surface. It signs wallets in, knows admin roles,
 * validates every request at the edge and routes it to the owning service over NATS
 * request/reply. It publishes no domain events and never reads another service's schema.
 */
@Module({})
export class ApiGatewayAppModule {
  static register(config: ServiceConfigOf<'api-gateway'>, logger: Logger): DynamicModule {
    return {
      module: ApiGatewayAppModule,
      imports: [ServiceKitModule.forRoot({ service: 'api-gateway', config, logger, entities: [], migrations: ApiGatewayMigrations })],
      controllers: [
        ...HTTP_EDGE_CONTROLLERS,
        PublicConfigController,
        AuthController,
        AdminRolesController,
        AuditController,
        buildProxyController(PROXY_ROUTES),
      ],
      providers: [
        {
          provide: RpcClient,
          useFactory: (nc: NatsConnection) => new RpcClient(nc, config.SERVICE_REQUEST_TIMEOUT_MS, config.NATS_SUBJECT_PREFIX),
          inject: [NATS_CONNECTION],
        },
        BackendHealthRegistrar,
        ...HTTP_EDGE_PROVIDERS,
        // auth
        { provide: SessionTokenSigner, useFactory: () => new SessionTokenSigner(config.SESSION_SECRET) },
        SiweNonceRepository,
        UserRepository,
        IssueNonceHandler,
        SignInHandler,
        RefreshSessionHandler,
        AuthenticateCaller,
        // admin roles and audit
        AdminRoleRepository,
        SetAdminRolesHandler,
        SeedAdminRolesHandler,
        AuditRepository,
        // routing
        ForwardRequestHandler,
        { provide: ReadCache, useFactory: () => new ReadCache(config.READ_CACHE_TTL_MS, config.READ_CACHE_MAX_BYTES) },
        { provide: CACHED_SCOPES, useValue: cachedScopes(PROXY_ROUTES) },
        ReadCacheInvalidation,
      ],
    };
  }
}
