import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '@liqpass/observability';
import { sendSimError } from './sim-error-response';

/**
 * Nest's side of the error mapping: errors from the control API, /health and Fastify itself
 * (unparseable JSON, unknown route) go through `sendSimError`, as the OKX routes' errors do.
 */
@Catch()
export class SimExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger?: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendSimError(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}
