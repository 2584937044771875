import type { Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { SERVICE_CONFIG } from '@liqpass/service-kit';
import type { GatewayConfig } from '../config/gateway-config';
import { GATEWAY_ROUTES } from '../routes';
import { EdgeRateLimits } from './application/edge-rate-limits';
import { RouteCatalogue } from './application/route-catalogue';
import { installEdgeHttp } from './infrastructure/fastify-edge.installer';
import { DocsController, OPENAPI_INFO } from './interface/docs.controller';
import { EdgeExceptionFilter } from './interface/edge-exception.filter';
import { EdgeGuard } from './interface/edge.guard';

/** The routes Fastify serves (see installEdgeHttp). */
export const SERVED_ROUTES = Symbol('SERVED_ROUTES');

/**
 * The HTTP edge: the catalogue, the guard every request passes, the one error filter, rate
 * limits, and the Fastify hooks and plugins. The hooks are installed while providers are
 * created — before Nest registers any route — so every route, and every unmatched request,
 * gets them however the app is started (main.ts or a test).
 */
export const HTTP_EDGE_PROVIDERS: Provider[] = [
  { provide: RouteCatalogue, useValue: new RouteCatalogue(GATEWAY_ROUTES) },
  {
    provide: EdgeRateLimits,
    useFactory: (config: GatewayConfig) => new EdgeRateLimits(config.RATE_LIMIT_IP_PER_MINUTE, config.RATE_LIMIT_WALLET_PER_MINUTE),
    inject: [SERVICE_CONFIG],
  },
  {
    provide: OPENAPI_INFO,
    useValue: {
      title: 'LiqPass API gateway',
      version: '1.0.0',
      description: 'Liquidation insurance for OKX traders. Every error is { error, message, traceId }.',
    },
  },
  {
    provide: SERVED_ROUTES,
    useFactory: (host: HttpAdapterHost, config: GatewayConfig, limits: EdgeRateLimits) => {
      const fastify = host.httpAdapter.getInstance<FastifyInstance>();
      return installEdgeHttp(fastify, { corsOrigins: config.CORS_ORIGINS, bodyLimitBytes: config.HTTP_BODY_LIMIT_BYTES, limits });
    },
    inject: [HttpAdapterHost, SERVICE_CONFIG, EdgeRateLimits],
  },
  { provide: APP_GUARD, useClass: EdgeGuard },
  { provide: APP_FILTER, useClass: EdgeExceptionFilter },
];

export const HTTP_EDGE_CONTROLLERS = [DocsController];
