import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_DEPLOYMENT } from '@liqpass/chain';
import { GATEWAY_ROUTES } from '../../routes';
import { SERVED_ROUTES } from '../http-edge.providers';
import { rawRequest } from '../../testing/raw-http';
import { anvilWallet, signIn } from '../../testing/siwe-signer';
import { startTestGateway, type TestGateway } from '../../testing/test-gateway';

/** Every route of LOCAL-STACK.md (trader, internal and admin APIs) plus sign-in, /config and /health. */
const LOCAL_STACK_ROUTES = [
  'POST /auth/siwe/nonce',
  'POST /auth/siwe/verify',
  'POST /okx/accounts',
  'GET /okx/positions',
  'GET /okx/orders',
  'POST /quote',
  'POST /purchase_orders',
  'GET /purchase_orders',
  'GET /purchase_orders/{id}',
  'POST /purchase_orders/{id}/bind-okx',
  'POST /purchase_orders/{id}/mark-paid',
  'POST /claims',
  'GET /claims',
  'GET /claims/{id}',
  'GET /claims/{id}/evidence',
  'POST /internal/claims/onchain-trigger',
  'GET /admin/claims',
  'GET /admin/claims/{id}',
  'POST /admin/claims/{id}/approve',
  'POST /admin/claims/{id}/reject',
  'POST /admin/claims/{id}/mark-paid',
  'GET /admin/payouts',
  'POST /admin/payouts/{id}/signatures',
  'POST /admin/payouts/{id}/execute',
  'GET /admin/reconciliation',
  'GET /admin/audit',
  'GET /admin/dead-letters',
  'GET /config',
  'GET /health',
];

type ErrorBody = { error: string; message: string; traceId: string };

describe('the HTTP edge', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway('gateway_edge');
  });
  afterAll(async () => {
    await gw?.close();
  });

  const expectError = (response: { status: number; text: string; headers: Record<string, unknown> }, status: number, code: string) => {
    expect(response.status).toBe(status);
    const body = JSON.parse(response.text) as ErrorBody;
    expect(body).toEqual({ error: code, message: expect.any(String), traceId: response.headers['x-correlation-id'] });
    return body;
  };

  it('answers an unknown route 404 and a known path with the wrong method 405 with Allow', async () => {
    expectError(await rawRequest(gw.base, 'GET', '/nowhere', {}), 404, 'NOT_FOUND');
    const wrongMethod = await rawRequest(gw.base, 'DELETE', '/config', {});
    expect(expectError(wrongMethod, 405, 'METHOD_NOT_ALLOWED').message).toBe('DELETE is not allowed here; use GET');
    expect(wrongMethod.headers.allow).toBe('GET');
    const onParam = await rawRequest(gw.base, 'PATCH', '/claims/0191c0de-0000-7000-8000-000000000001', {});
    expectError(onParam, 405, 'METHOD_NOT_ALLOWED');
    expect(onParam.headers.allow).toBe('GET');
  });

  it('refuses an oversized body 413, declared or streamed, before any handler', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(20_000) });
    expectError(await rawRequest(gw.base, 'POST', '/auth/siwe/nonce', { 'content-type': 'application/json' }, big), 413, 'PAYLOAD_TOO_LARGE');
    expectError(await rawRequest(gw.base, 'POST', '/auth/siwe/nonce', { 'content-type': 'application/json' }, big, true), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses non-JSON bodies 415 and broken JSON 400', async () => {
    expectError(await rawRequest(gw.base, 'POST', '/auth/siwe/nonce', { 'content-type': 'text/plain' }, '{}'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await rawRequest(gw.base, 'POST', '/auth/siwe/nonce', { 'content-type': 'application/xml' }, '<a/>'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const broken = expectError(await rawRequest(gw.base, 'POST', '/auth/siwe/nonce', { 'content-type': 'application/json' }, '{"a":'), 400, 'VALIDATION_FAILED');
    expect(broken.message).toBe('the body is not valid JSON');
  });

  it('keeps a sane caller correlation id, replaces an unsafe one, and names it as traceId', async () => {
    const kept = await rawRequest(gw.base, 'GET', '/nowhere', { 'x-correlation-id': 'web-1234.abc' });
    expect(kept.headers['x-correlation-id']).toBe('web-1234.abc');
    expect((JSON.parse(kept.text) as ErrorBody).traceId).toBe('web-1234.abc');
    const replaced = await rawRequest(gw.base, 'GET', '/nowhere', { 'x-correlation-id': '<script>alert(1)</script>' });
    expect(replaced.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows the web app’s origin (and only it) by CORS', async () => {
    const preflight = await rawRequest(gw.base, 'OPTIONS', '/quote', {
      origin: 'http://localhost:5173',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');
    const simple = await rawRequest(gw.base, 'GET', '/config', { origin: 'http://127.0.0.1:5173' });
    expect(simple.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    const foreign = await rawRequest(gw.base, 'GET', '/config', { origin: 'http://evil.example' });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends security headers on answers and on errors', async () => {
    for (const response of [await rawRequest(gw.base, 'GET', '/config', {}), await rawRequest(gw.base, 'GET', '/nowhere', {})]) {
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': expect.stringContaining('max-age='),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
      });
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('serves /config without authentication', async () => {
    const response = await fetch(`${gw.base}/config`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      chainId: 31337,
      rpcUrl: 'http://127.0.0.1:8545',
      confirmations: 2,
      contracts: LOCAL_DEPLOYMENT,
      okxBaseUrl: 'http://127.0.0.1:8090',
    });
  });

  it('publishes a valid OpenAPI 3 document at /docs-json listing every route of LOCAL-STACK.md', async () => {
    const response = await fetch(`${gw.base}/docs-json`);
    const document = (await response.json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    const validator = new Validator();
    const result = await validator.validate(document as never);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toMatch(/^3\./);
    const listed = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(listed).toEqual(expect.arrayContaining(LOCAL_STACK_ROUTES));
    expect(listed).toHaveLength(GATEWAY_ROUTES.length);
  });

  it('serves the documentation page and its swagger-ui files from this origin', async () => {
    const page = await fetch(`${gw.base}/docs`);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of [...html.matchAll(/(?:href|src)="(\/docs\/[^"]+)"/g)].map((m) => m[1])) {
      const file = await fetch(`${gw.base}${asset}`);
      expect(file.status, asset).toBe(200);
      expect((await file.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
    expectError(await rawRequest(gw.base, 'GET', '/docs/package.json', {}), 404, 'NOT_FOUND');
  });

  it('serves exactly the catalogued routes (a route added elsewhere, e.g. by the service kit, must be catalogued)', async () => {
    const fastify = gw.app.getHttpAdapter().getInstance() as FastifyInstance;
    for (const route of GATEWAY_ROUTES) expect(fastify.hasRoute({ method: route.method, url: route.path }), `${route.method} ${route.path}`).toBe(true);
    // HEAD mirrors GET; OPTIONS * is the CORS preflight.
    const served = gw.app.get<string[]>(SERVED_ROUTES).filter((route) => !route.startsWith('HEAD ') && route !== 'OPTIONS *');
    expect(served.sort()).toEqual(GATEWAY_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
    expect((await fetch(`${gw.base}/health/live`)).status).toBe(200);
  });
});

describe('rate limits and listener settings', () => {
  let strict: TestGateway;
  let perWallet: TestGateway;

  beforeAll(async () => {
    strict = await startTestGateway('gateway_ip_limit', { RATE_LIMIT_IP_PER_MINUTE: '5' });
    perWallet = await startTestGateway('gateway_wallet_limit', {
      RATE_LIMIT_WALLET_PER_MINUTE: '3',
      INTERNAL_ROUTES_ENABLED: 'false',
      CHAIN_USDC_ADDRESS: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      CHAIN_CHECKOUT_ADDRESS: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
      CHAIN_TREASURY_SAFE_ADDRESS: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
      CHAIN_CONFIRMATIONS: '5',
    });
  });
  afterAll(async () => {
    await Promise.all([strict?.close(), perWallet?.close()]);
  });

  it('limits each IP, answering 429 RATE_LIMITED with Retry-After on any route', async () => {
    for (let i = 0; i < 5; i++) expect((await rawRequest(strict.base, 'GET', '/config', {})).status).toBe(200);
    const limited = await rawRequest(strict.base, 'GET', '/config', {});
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.text)).toEqual({ error: 'RATE_LIMITED', message: expect.stringContaining('retry after'), traceId: limited.headers['x-correlation-id'] });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await rawRequest(strict.base, 'GET', '/nowhere', {})).status).toBe(429);
  });

  it('limits each wallet on its own', async () => {
    const [a, b] = await Promise.all([signIn(perWallet.base, anvilWallet(6)), signIn(perWallet.base, anvilWallet(7))]);
    const session = (token: string) => rawRequest(perWallet.base, 'GET', '/auth/session', { authorization: `Bearer ${token}` });
    for (let i = 0; i < 3; i++) expect((await session(a)).status).toBe(200);
    const limited = await session(a);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBe(20);
    expect((await session(b)).status).toBe(200);
  });

  it('hides /internal routes when they are switched off, and serves the configured contracts', async () => {
    const internal = await rawRequest(
      perWallet.base,
      'POST',
      '/internal/claims/onchain-trigger',
      { 'x-internal-key': 'local-dev-internal-key-change-me', 'content-type': 'application/json' },
      '{}',
    );
    expect([internal.status, (JSON.parse(internal.text) as ErrorBody).error]).toEqual([404, 'NOT_FOUND']);
    expect(await (await fetch(`${perWallet.base}/config`)).json()).toMatchObject({
      confirmations: 5,
      contracts: {
        usdc: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        checkout: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
        treasurySafe: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
      },
    });
  });
});
