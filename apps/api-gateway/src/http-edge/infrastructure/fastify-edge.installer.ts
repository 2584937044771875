import fastifyCors from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_HEADER } from '@liqpass/observability';
import { assignCorrelationId } from '@liqpass/service-kit';
import type { EdgeRateLimits } from '../application/edge-rate-limits';
import { EdgeError, type ErrorBody } from '../domain/edge-error';

export interface EdgeHttpOptions {
  readonly corsOrigins: readonly string[];
  readonly bodyLimitBytes: number;
  readonly limits: EdgeRateLimits;
}

/** Every route Fastify registered, as `METHOD /path`: tests hold it against the route catalogue. */
export type ServedRoutes = string[];

/**
 * What the gateway adds to Fastify before any route runs, for every request (unmatched ones
 * too): security headers, CORS, the per-IP rate limit, and the body size limit (checked on Content-Length before the body is
 * read, and by Fastify on every route while it reads).
 */
export function installEdgeHttp(fastify: FastifyInstance, options: EdgeHttpOptions): ServedRoutes {
  const served: ServedRoutes = [];
  const headers = securityHeaders();
  answerFrameworkErrors(fastify);
  // First, so that every answer has them, CORS preflights and early refusals included.
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  fastify.addHook('onRoute', (route) => {
    route.bodyLimit = Math.min(route.bodyLimit ?? options.bodyLimitBytes, options.bodyLimitBytes);
    for (const method of [route.method].flat()) served.push(`${method} ${route.url}`);
  });
  void fastify.register(fastifyCors, {
    origin: [...options.corsOrigins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', CORRELATION_HEADER],
    exposedHeaders: [CORRELATION_HEADER, 'retry-after'],
    maxAge: 600,
  });
  void fastify.register(
    fastifyPlugin(async (instance: FastifyInstance) => {
      // The correlation id the error body names is already assigned (service kit, first hook).
      instance.addHook('onRequest', async (request, reply) => {
        const refusal = refuse(request, options);
        if (refusal) return sendError(request, reply, refusal);
      });
    }),
  );
  return served;
}

/**
 * Helmet's security headers, computed once: they are the same on every answer, and
 * @fastify/helmet rebuilt the whole helmet middleware (CSP directives parsed and joined) for each
 * request — a twentieth of the gateway's CPU on a proxied read (bench/gateway).
 */
function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let applied = false;
  helmet({
    // /docs serves swagger-ui from this origin; its scripts are files, not inline code. No
    // upgrade-insecure-requests: the local stack is plain http.
    contentSecurityPolicy: { useDefaults: true, directives: { 'upgrade-insecure-requests': null } },
    crossOriginResourcePolicy: { policy: 'same-site' },
  })({} as IncomingMessage, response as unknown as ServerResponse, () => (applied = true));
  if (!applied || !headers['content-security-policy']) throw new Error('helmet did not produce the security headers');
  return headers;
}

/**
 * Fastify answers a malformed URL or an over-long path parameter from its router, before any
 * hook or error handler, with its own body, unless its `frameworkErrors` option is set. The
 * service kit creates the Fastify instance, so the option is set on that instance's options
 * object (the one its router consults) — the only place it can be reached afterwards.
 */
function answerFrameworkErrors(fastify: FastifyInstance): void {
  const key = Object.getOwnPropertySymbols(fastify).find((symbol) => symbol.description === 'fastify.options');
  const settings = key ? (fastify as unknown as Record<symbol, { frameworkErrors?: unknown }>)[key] : undefined;
  if (!settings) throw new Error('cannot reach the Fastify options to install frameworkErrors');
  settings.frameworkErrors = (_error: Error, request: FastifyRequest, reply: FastifyReply) => {
    assignCorrelationId(request, reply);
    return sendError(request, reply, EdgeError.validation('the URL or one of its path parameters is malformed or too long'));
  };
}

function refuse(request: FastifyRequest, options: EdgeHttpOptions): EdgeError | undefined {
  try {
    options.limits.takeIp(request.ip);
  } catch (error) {
    return error as EdgeError;
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > options.bodyLimitBytes) {
    return new EdgeError('PAYLOAD_TOO_LARGE', 413, `the request body is larger than ${options.bodyLimitBytes} bytes`);
  }
  return undefined;
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: EdgeError): FastifyReply {
  const body: ErrorBody = { error: error.code, message: error.message, traceId: String(request.headers[CORRELATION_HEADER]) };
  if (error.status === 413) void reply.header('connection', 'close');
  return reply.status(error.status).headers(error.headers).send(body);
}
