import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoError } from './demo-error';
import { describeHttpFailure, JsonApi, retryableFailure } from './json-api';

describe('describeHttpFailure', () => {
  it("reads the gateway's one error body", () => {
    const error = describeHttpFailure('POST', '/quote', 409, { error: 'CAPACITY_EXCEEDED', message: 'exposure too high', traceId: 't-1' }, [201]);
    expect(error.message).toBe('POST /quote → 409 CAPACITY_EXCEEDED: exposure too high (traceId t-1); expected 201');
    expect(error.detail).toBe('body: {"error":"CAPACITY_EXCEEDED","message":"exposure too high","traceId":"t-1"}');
  });

  it("reads the simulator's error body", () => {
    const error = describeHttpFailure('POST', '/sim/positions', 404, { code: 'SIM_INSTRUMENT_NOT_FOUND', message: 'unknown instrument X' }, [200, 201]);
    expect(error.message).toBe('POST /sim/positions → 404 SIM_INSTRUMENT_NOT_FOUND: unknown instrument X; expected 200 or 201');
  });

  it('keeps any other body as evidence', () => {
    const error = describeHttpFailure('GET', '/sim/x', 500, 'Internal Server Error', [200, 201]);
    expect(error.message).toBe('GET /sim/x → 500 HTTP error; expected 200 or 201');
    expect(error.detail).toBe('body: Internal Server Error');
  });
});

describe('JsonApi', () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
        if (req.url === '/fail') return void res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'VALIDATION_FAILED', message: 'nope', traceId: 'x' }));
        res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' }).end(JSON.stringify({ echoed: body ? JSON.parse(body) : null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends JSON with the bearer token and returns the body of an expected status', async () => {
    const api = new JsonApi('test server', base).withToken('tok');
    await expect(api.post('/things', { a: 1 }, 201)).resolves.toEqual({ echoed: { a: 1 } });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/things', auth: 'Bearer tok', body: '{"a":1}' });
  });

  it('an unexpected status is a DemoError with the error body', async () => {
    const error = await new JsonApi('test server', base).post('/fail', {}, 201).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DemoError);
    expect((error as DemoError).message).toBe('POST /fail → 422 VALIDATION_FAILED: nope (traceId x); expected 201');
  });

  it('an unreachable server is a DemoError naming it', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await new JsonApi('API gateway', `http://127.0.0.1:${port}`).get('/health').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DemoError);
    expect((error as DemoError).message).toBe(`GET /health: the API gateway at http://127.0.0.1:${port} did not answer (ECONNREFUSED)`);
  });
});

describe('retryableFailure', () => {
  it('re-sends any method that never reached a server, and a 503 (no replica took it)', () => {
    expect(retryableFailure('POST', { networkError: 'ECONNREFUSED' })).toBe(true);
    expect(retryableFailure('POST', { status: 503 })).toBe(true);
  });

  it('re-sends a GET after any 5xx or lost reply, never a POST that may have taken effect', () => {
    expect(retryableFailure('GET', { status: 504 })).toBe(true);
    expect(retryableFailure('GET', { networkError: 'ECONNRESET' })).toBe(true);
    expect(retryableFailure('POST', { status: 504 })).toBe(false);
    expect(retryableFailure('POST', { status: 500 })).toBe(false);
    expect(retryableFailure('POST', { networkError: 'ECONNRESET' })).toBe(false);
  });

  it('never re-sends an answer that is not a server failure', () => {
    expect(retryableFailure('GET', { status: 404 })).toBe(false);
    expect(retryableFailure('POST', { status: 409 })).toBe(false);
  });
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('JsonApi riding out a restart', () => {
  it('re-sends a request while the server is down and returns the reply once it is back', async () => {
    const port = await closedPort();
    const api = new JsonApi('API gateway', `http://127.0.0.1:${port}`, undefined, 2_000, 5_000);
    const later = new Promise<Server>((resolve) =>
      setTimeout(() => {
        const back = createServer((_req, res) => res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}'));
        back.listen(port, '127.0.0.1', () => resolve(back));
      }, 600),
    );
    await expect(api.post('/claims', {}, 201)).resolves.toEqual({ ok: true });
    await new Promise<void>((resolve) => void later.then((back) => back.close(() => resolve())));
  });

  it('gives up after its window with the last error', async () => {
    const api = new JsonApi('API gateway', `http://127.0.0.1:${await closedPort()}`, undefined, 500, 600);
    const started = Date.now();
    await expect(api.get('/health')).rejects.toThrow(/did not answer \(ECONNREFUSED\)/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });
});
