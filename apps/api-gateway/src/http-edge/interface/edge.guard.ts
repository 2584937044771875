import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SERVICE_CONFIG } from '@liqpass/service-kit';
import { AuthenticateCaller } from '../../auth/application/authenticate-caller/authenticate-caller.service';
import { authorizeRoles, authorizeSelf, type AuthorizationDecision } from '../../auth/domain/authorize';
import type { GatewayConfig } from '../../config/gateway-config';
import { EdgeRateLimits } from '../application/edge-rate-limits';
import { RouteCatalogue } from '../application/route-catalogue';
import { EdgeError } from '../domain/edge-error';
import type { RouteDefinition } from '../domain/route-definition';
import { validateInput } from '../domain/validate-input';
import { setEdgeContext } from './edge-context';

/**
 * Every request passes here before its handler, in this order: the route must be catalogued;
 * the caller is authenticated as the route needs (401); a wallet spends from its rate budget
 * (429); roles are checked (403); the body must be JSON (415); params, query and body are
 * validated against the route's strict schemas (400); a self-acting wallet must name itself
 * (403). Only then does a handler — and so a backend service — see the request.
 */
@Injectable()
export class EdgeGuard implements CanActivate {
  constructor(
    private readonly catalogue: RouteCatalogue,
    private readonly authenticate: AuthenticateCaller,
    private readonly limits: EdgeRateLimits,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const route = this.catalogue.find(request.method, request.routeOptions?.url);
    if (!route || (route.access.kind === 'internal' && !this.config.INTERNAL_ROUTES_ENABLED)) {
      throw new EdgeError('NOT_FOUND', 404, 'no such route');
    }
    const caller = await this.authenticate.execute(route.access, request.headers);
    if (caller.kind === 'wallet') this.limits.takeWallet(caller.wallet);
    refuseUnlessAllowed(authorizeRoles(route.access, caller));
    requireJsonBody(route, request);
    const input = validateInput(route, { params: request.params, query: request.query, body: request.body });
    refuseUnlessAllowed(authorizeSelf(route.access, caller, input.body));
    setEdgeContext(request, { route, caller, input });
    return true;
  }
}

function refuseUnlessAllowed(decision: AuthorizationDecision): void {
  if (!decision.allowed) throw EdgeError.forbidden(decision.reason);
}

/**
 * Bodies are JSON only: a form or text body is refused, not coerced into a schema. A route that
 * takes no body refuses one even where Fastify would not read it (GET).
 */
function requireJsonBody(route: RouteDefinition, request: FastifyRequest): void {
  const sent = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!route.body && sent) throw EdgeError.validation('body: this route takes no body');
  if (request.body === undefined || request.body === null) return;
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (!/^application\/json\s*(;|$)/.test(type)) {
    throw new EdgeError('UNSUPPORTED_MEDIA_TYPE', 415, `send the body of ${route.method} ${route.path} as application/json`);
  }
}
