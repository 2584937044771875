import { describe, expect, it } from 'vitest';
import { GATEWAY_ROUTES } from '../../routes';
import { buildOpenApiDocument } from './openapi-document';

type Operation = { operationId: string; parameters: { name: string; in: string; required: boolean }[]; requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> }; security: unknown[]; 'x-roles'?: string[] };

const document = buildOpenApiDocument(GATEWAY_ROUTES, { title: 't', version: '1', description: 'd' }) as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
};

describe('the OpenAPI document', () => {
  it('has one operation per catalogued route, in OpenAPI path form', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const expected = GATEWAY_ROUTES.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(operations.sort()).toEqual(expected.sort());
    expect(document.openapi).toBe('3.1.0');
  });

  it('derives parameters and bodies from the validation schemas, strictness included', () => {
    const bind = document.paths['/purchase_orders/{id}/bind-okx'].post;
    expect(bind.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(bind.requestBody?.required).toBe(true);
    const schema = bind.requestBody!.content['application/json'].schema;
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false, required: ['ordId', 'instId'] });
    const list = document.paths['/admin/claims'].get;
    expect(list.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['status', 'query', false],
      ['limit', 'query', false],
      ['cursor', 'query', false],
    ]);
    expect(document.paths['/auth/siwe/nonce'].post.requestBody?.required).toBe(false);
  });

  it('declares who may call: roles on admin routes, no security on public ones', () => {
    expect(document.paths['/admin/payouts/{id}/execute'].post['x-roles']).toEqual(['finance']);
    expect(document.paths['/config'].get.security).toEqual([]);
    expect(document.paths['/internal/claims/onchain-trigger'].post.security).toEqual([{ internalKey: [] }]);
    expect(document.paths['/claims'].get.security).toEqual([{ session: [] }]);
  });
});
