import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { undiciTransport } from './okx-transport';

let server: Server | undefined;

/** A local HTTP server answering after `delayMs`; counts the TCP connections it accepted. */
async function slowServer(delayMs: number) {
  const seen = { connections: 0, requests: [] as { url: string; sign: string | undefined }[] };
  server = createServer((req, res) => {
    seen.requests.push({ url: req.url ?? '', sign: req.headers['ok-access-sign'] as string | undefined });
    setTimeout(() => res.end(JSON.stringify({ code: '0', data: [] })), delayMs);
  });
  server.on('connection', () => (seen.connections += 1));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('undiciTransport', () => {
  it('sends path, query and headers as given, over at most maxConnections keep-alive connections', async () => {
    const { baseUrl, seen } = await slowServer(20);
    const send = undiciTransport(baseUrl, 2);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => send({ requestPath: `/api/v5/trade/order?ordId=${i}&instId=A,B`, headers: { 'OK-ACCESS-SIGN': `s${i}` }, timeoutMs: 2000 })));
    expect(answers.every((a) => a.status === 200 && JSON.parse(a.text).code === '0')).toBe(true);
    expect(seen.connections).toBeLessThanOrEqual(2);
    expect(seen.requests).toHaveLength(10);
    expect(seen.requests).toContainEqual({ url: '/api/v5/trade/order?ordId=3&instId=A,B', sign: 's3' });
  });

  it('rejects with a TimeoutError when the answer takes longer than the attempt may', async () => {
    const { baseUrl } = await slowServer(500);
    const send = undiciTransport(baseUrl, 1);
    await expect(send({ requestPath: '/slow', headers: {}, timeoutMs: 50 })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('rejects when nothing listens, and answers any status with its body as it came', async () => {
    const { baseUrl } = await slowServer(0);
    const port = new URL(baseUrl).port;
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    await expect(undiciTransport(`http://127.0.0.1:${port}`, 1)({ requestPath: '/', headers: {}, timeoutMs: 1000 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    server = createServer((_req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream busy'));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const answer = await undiciTransport(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 1)({ requestPath: '/x', headers: {}, timeoutMs: 1000 });
    expect(answer).toEqual({ status: 503, text: 'upstream busy' });
  });
});
