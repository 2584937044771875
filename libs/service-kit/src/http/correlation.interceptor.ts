import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Histogram } from 'prom-client';
import { Observable } from 'rxjs';
import { CORRELATION_HEADER, enterCorrelation, withCorrelationId } from '@liqpass/observability';
import { LOGGER } from '../tokens';
import { HTTP_DURATION } from '../metrics/http-metrics';

/**
 * Gives every HTTP request a correlation id (the caller's `x-correlation-id` when it is a sane
 * token, else a new one), echoes it in the response, runs the handler inside it so logs and
 * published events carry it, and records one access-log line and one latency sample.
 */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(HTTP_DURATION) private readonly duration: Histogram<'method' | 'route' | 'status'>,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const incoming = request.headers[CORRELATION_HEADER];
    const correlationId = enterCorrelation(typeof incoming === 'string' ? incoming : undefined);
    void reply.header(CORRELATION_HEADER, correlationId);
    const started = process.hrtime.bigint();
    const route = request.routeOptions?.url ?? 'unmatched';

    const finish = () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.duration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
      withCorrelationId(correlationId, () =>
        this.logger.info({ method: request.method, route, status: reply.statusCode, ms: Math.round(seconds * 1000) }, 'http request'),
      );
    };

    return new Observable((subscriber) =>
      withCorrelationId(correlationId, () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error) => {
            finish();
            subscriber.error(error);
          },
          complete: () => {
            finish();
            subscriber.complete();
          },
        }),
      ),
    );
  }
}
