import { HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '@liqpass/observability';
import { ControlError } from '../../control/domain/control-error';
import { InjectedFault } from '../../faults/domain/injected-fault';
import { OkxError } from '../domain/okx-error';

/**
 * The one place errors become HTTP, for the Nest routes (through SimExceptionFilter) and the
 * OKX routes (OkxRouter) alike. OKX errors get OKX's envelope and status; auth errors (401)
 * leave out `data`, as real OKX auth errors were seen doing. Control-API errors are plain JSON.
 * Anything unexpected is logged and answered 500 without internals.
 */
export function sendSimError(error: unknown, request: FastifyRequest, reply: FastifyReply, logger?: Logger): void {
  if (error instanceof OkxError) {
    const body = error.http === 401 ? { code: error.code, msg: error.message } : { code: error.code, msg: error.message, data: [] };
    void reply.status(error.http).send(body);
  } else if (error instanceof InjectedFault) {
    void reply.status(error.response.status).header('content-type', error.response.contentType).send(error.response.body);
  } else if (error instanceof ControlError) {
    void reply.status(error.status).send({ code: error.code, message: error.message, details: error.details });
  } else if (error instanceof HttpException) {
    sendHttpException(error, request, reply);
  } else {
    logger?.error({ err: error, method: request.method, path: request.routeOptions?.url }, 'unhandled error');
    void reply.status(500).send({ code: 'SIM_INTERNAL', message: 'internal error' });
  }
}

/** Framework errors (unparseable JSON, unknown route) in the style of the API they hit. */
function sendHttpException(error: HttpException, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.getStatus();
  const path = request.url;
  if (status === 400 && path.startsWith('/api/v5/')) {
    const json = new OkxError('50002');
    void reply.status(json.http).send({ code: json.code, msg: json.message, data: [] });
  } else if (status === 400 && path.startsWith('/sim/')) {
    void reply.status(400).send({ code: 'SIM_BAD_REQUEST', message: error.message });
  } else {
    const body = error.getResponse();
    void reply.status(status).send(typeof body === 'string' ? { statusCode: status, message: body } : body);
  }
}
