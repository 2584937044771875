import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, CORRELATION_HEADER, currentCorrelationId, newCorrelationId, type Logger, type Registry } from '@liqpass/observability';
import { LOGGER, METRICS_REGISTRY } from '@liqpass/service-kit';
import { RouteCatalogue } from '../application/route-catalogue';
import { classifyError } from '../application/classify-error';
import type { ErrorBody } from '../domain/edge-error';

/**
 * The one way a failure leaves the gateway: `{ error, message, traceId }` with the status of
 * PRODUCT.md §8, for route errors, guards, unmatched routes and methods, body parsing and
 * anything unexpected (logged here with its stack, which never goes out).
 */
@Catch()
export class EdgeExceptionFilter implements ExceptionFilter {
  private readonly refused: Counter<'code' | 'status'>;

  constructor(
    private readonly catalogue: RouteCatalogue,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.refused = new Counter({
      name: 'gateway_error_responses_total',
      help: 'Error answers of the gateway by code and status (refusals at the edge included)',
      labelNames: ['code', 'status'] as const,
      registers: [registry],
    });
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const path = (request.url ?? '/').split('?')[0];
    const error = classifyError(exception, { method: request.method, path, allowed: this.catalogue.allowedMethods(path) });
    const traceId = traceIdOf(request);
    this.refused.inc({ code: error.code, status: String(error.status) });
    if (error.code === 'INTERNAL_ERROR') {
      this.logger.error({ err: exception, correlationId: traceId, method: request.method, path }, 'request failed');
    } else {
      // The access log has the status; this line adds the reason code.
      this.logger.info({ correlationId: traceId, method: request.method, path, status: error.status, code: error.code }, 'request refused');
    }
    const body: ErrorBody = { error: error.code, message: error.message, traceId };
    if (reply.sent) return;
    void reply.status(error.status).headers({ ...error.headers, [CORRELATION_HEADER]: traceId }).send(body);
  }
}

/** The correlation id the edge hook gave the request (see fastify-edge.installer.ts). */
function traceIdOf(request: FastifyRequest): string {
  const header = request.headers?.[CORRELATION_HEADER];
  return (typeof header === 'string' && header) || currentCorrelationId() || newCorrelationId();
}
