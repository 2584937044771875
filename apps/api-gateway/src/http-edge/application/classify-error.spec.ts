import { BadRequestException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { RpcTimeoutError, RpcUnavailableError } from '@liqpass/service-kit';
import { EdgeError } from '../domain/edge-error';
import { classifyError } from './classify-error';

const line = { method: 'DELETE', path: '/claims', allowed: [] as string[] };

describe('classifyError', () => {
  it('passes an EdgeError through untouched', () => {
    const error = EdgeError.forbidden('no');
    expect(classifyError(error, line)).toBe(error);
  });

  it('answers 405 with Allow when the path exists under other methods, else 404', () => {
    const notAllowed = classifyError(new NotFoundException('Cannot DELETE /claims'), { ...line, allowed: ['GET', 'POST'] });
    expect([notAllowed.status, notAllowed.code, notAllowed.headers]).toEqual([405, 'METHOD_NOT_ALLOWED', { allow: 'GET, POST' }]);
    const missing = classifyError(new NotFoundException('Cannot DELETE /claims'), line);
    expect([missing.status, missing.code, missing.message]).toEqual([404, 'NOT_FOUND', 'no such route']);
  });

  it('maps body-reading failures to their status with a message of its own, never the framework’s', () => {
    const fastify = (code: string, statusCode: number) => Object.assign(new Error(`internal ${code} detail`), { code, statusCode, name: 'FastifyError' });
    const tooLarge = classifyError(new HttpException('x', 413, { cause: fastify('FST_ERR_CTP_BODY_TOO_LARGE', 413) }), line);
    expect([tooLarge.status, tooLarge.code, tooLarge.message]).toEqual([413, 'PAYLOAD_TOO_LARGE', 'the request body is too large']);
    const media = classifyError(new HttpException('x', 415, { cause: fastify('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415) }), line);
    expect([media.status, media.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const json = classifyError(new BadRequestException('Unexpected token } in JSON at position 3', { cause: new SyntaxError('x') }), line);
    expect([json.status, json.code, json.message]).toEqual([400, 'VALIDATION_FAILED', 'the body is not valid JSON']);
    expect(classifyError(new PayloadTooLargeException('secret detail'), line).message).not.toContain('secret');
  });

  it('maps request/reply failures to 503 and 504', () => {
    expect(classifyError(new RpcUnavailableError('liqpass.rpc.policy.x'), line).status).toBe(503);
    expect(classifyError(new RpcTimeoutError('liqpass.rpc.policy.x'), line).status).toBe(504);
  });

  it('hides anything unexpected behind 500 INTERNAL_ERROR', () => {
    for (const thrown of [new Error('password=hunter2 at db.ts:12'), 'a string', null, new HttpException('boom', 502)]) {
      const error = classifyError(thrown, line);
      expect([error.status, error.code, error.message]).toEqual([500, 'INTERNAL_ERROR', 'internal error']);
    }
  });

  it('maps an unusual 4xx to VALIDATION_FAILED 400 rather than inventing a code', () => {
    const error = classifyError(new HttpException('teapot', 418), line);
    expect([error.status, error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
