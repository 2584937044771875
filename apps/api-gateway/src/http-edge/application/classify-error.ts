import { HttpException, NotFoundException } from '@nestjs/common';
import { RpcTimeoutError, RpcUnavailableError } from '@liqpass/service-kit';
import { EdgeError } from '../domain/edge-error';
import type { GatewayErrorCode } from '../domain/error-codes';

export interface RequestLine {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  /** Methods some route serves at this path (for 405). */
  readonly allowed: readonly string[];
}

const BY_STATUS: Readonly<Record<number, { code: GatewayErrorCode; message: string }>> = {
  400: { code: 'VALIDATION_FAILED', message: 'the request is malformed' },
  401: { code: 'UNAUTHORIZED', message: 'authentication required' },
  403: { code: 'FORBIDDEN', message: 'not allowed' },
  404: { code: 'NOT_FOUND', message: 'not found' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'method not allowed' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the body as application/json' },
  429: { code: 'RATE_LIMITED', message: 'too many requests' },
};

/** Messages for the body-reading failures Fastify reports, worded for the caller. */
const FASTIFY_MESSAGES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'the body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the body is empty but declared as JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'the request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'send the body as application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
};

/**
 * Turns anything thrown while serving a request into the EdgeError the caller sees. Only
 * EdgeErrors carry their own message out; everything else gets a fixed message for its status,
 * so no framework or internal text (let alone a stack) reaches the caller.
 */
export function classifyError(exception: unknown, request: RequestLine): EdgeError {
  if (exception instanceof EdgeError) return exception;
  if (exception instanceof RpcUnavailableError) return new EdgeError('SERVICE_UNAVAILABLE', 503, 'the service for this request is not available');
  if (exception instanceof RpcTimeoutError) return new EdgeError('SERVICE_TIMEOUT', 504, 'the service for this request did not answer in time');
  if (exception instanceof NotFoundException) return notFound(request);
  const status = statusOf(exception);
  if (status === undefined || status >= 500) return new EdgeError('INTERNAL_ERROR', 500, 'internal error');
  const known = BY_STATUS[status] ?? BY_STATUS[400];
  const fastifyCode = fastifyCodeOf(exception);
  const message = (fastifyCode && FASTIFY_MESSAGES[fastifyCode]) ?? (status === 400 && isJsonSyntax(exception) ? 'the body is not valid JSON' : known.message);
  return new EdgeError(known.code, BY_STATUS[status] ? status : 400, message);
}

function notFound(request: RequestLine): EdgeError {
  if (request.allowed.length > 0) {
    return new EdgeError('METHOD_NOT_ALLOWED', 405, `${request.method} is not allowed here; use ${request.allowed.join(', ')}`, {
      allow: request.allowed.join(', '),
    });
  }
  return new EdgeError('NOT_FOUND', 404, 'no such route');
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function fastifyCodeOf(exception: unknown): string | undefined {
  const source = exception instanceof HttpException ? exception.cause : exception;
  const code = (source as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isJsonSyntax(exception: unknown): boolean {
  const source = exception instanceof HttpException ? exception.cause : exception;
  return source instanceof SyntaxError;
}
