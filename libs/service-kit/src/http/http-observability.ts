import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Histogram } from 'prom-client';
import { CORRELATION_HEADER, enterCorrelation } from '@liqpass/observability';

/** Provider token of the installation (ServiceKitModule): true when the app serves HTTP. */
export const HTTP_OBSERVABILITY = Symbol('HTTP_OBSERVABILITY');

/**
 * Every HTTP request, matched or not, refused or served: a correlation id (the caller's
 * `x-correlation-id` when it is a sane token, else a new one) entered for the rest of the request
 * so logs and published events carry it, and echoed in the answer; then one access-log line and
 * one latency sample when the answer has gone. Plain Fastify hooks rather than a Nest
 * interceptor: an interceptor wraps each handler in rxjs observables, a tenth of the gateway's
 * CPU on a proxied read (bench/gateway), and never sees the requests a guard refuses.
 */
export function installHttpObservability(fastify: FastifyInstance, logger: Logger, duration: Histogram<'method' | 'route' | 'status'>): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    assignCorrelationId(request, reply);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    const ms = reply.elapsedTime;
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, ms / 1000);
    logger.info({ correlationId: request.headers[CORRELATION_HEADER], method: request.method, route, status: reply.statusCode, ms: Math.round(ms) }, 'http request');
    done();
  });
}

/**
 * Keeps a sane incoming x-correlation-id or makes one, enters it and echoes it in the answer.
 * Also for answers given before any hook runs (the gateway's malformed-URL answer).
 */
export function assignCorrelationId(request: FastifyRequest, reply: FastifyReply): string {
  const incoming = request.headers[CORRELATION_HEADER];
  const id = enterCorrelation(typeof incoming === 'string' ? incoming : undefined);
  request.headers[CORRELATION_HEADER] = id;
  void reply.header(CORRELATION_HEADER, id);
  return id;
}
