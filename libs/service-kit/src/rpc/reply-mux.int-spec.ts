import { afterEach, describe, expect, it } from 'vitest';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { NATS_CORRELATION_HEADER } from '@liqpass/observability';
import { TEST_NATS_URL, uniqueToken } from '@liqpass/testing';
import { RpcClient } from './rpc-client';
import { rpcSubject, RpcTimeoutError, RpcUnavailableError } from './rpc-protocol';
import { RpcServer } from './rpc-server';

const silent = { error: () => undefined } as never;
const open: NatsConnection[] = [];
const connection = async () => {
  const nc = await connect({ servers: TEST_NATS_URL, noAsyncTraces: true });
  open.push(nc);
  return nc;
};

afterEach(async () => {
  for (const nc of open.splice(0)) await nc.close().catch(() => undefined);
});

/** RpcClient's request/reply (ReplyMux) against a real NATS server. */
describe('RpcClient request/reply over one inbox subscription', () => {
  it('gives each of many requests in flight its own reply, answered out of order', async () => {
    const [caller, callee] = [await connection(), await connection()];
    const prefix = uniqueToken();
    const server = new RpcServer(callee, 'policy', silent, prefix);
    server.handle('echo', async (body) => {
      const { n } = body as { n: number };
      await new Promise((resolve) => setTimeout(resolve, (n * 7) % 23)); // replies come back shuffled
      return { n };
    });
    await callee.flush();
    const client = new RpcClient(caller, 5_000, prefix);
    const replies = await Promise.all(Array.from({ length: 300 }, (_, n) => client.call<{ n: number }>('policy', 'echo', { n })));
    expect(replies.map((reply) => (reply.ok ? reply.data.n : -1))).toEqual(Array.from({ length: 300 }, (_, n) => n));
    // The server's reply carries the caller's correlation id back, and no header block without one.
    const withId = headers();
    withId.set(NATS_CORRELATION_HEADER, 'corr-mux-1');
    const subject = rpcSubject('policy', 'echo', prefix);
    expect((await caller.request(subject, JSON.stringify({ n: 1 }), { headers: withId, timeout: 2_000 })).headers?.get(NATS_CORRELATION_HEADER)).toBe('corr-mux-1');
    expect((await caller.request(subject, JSON.stringify({ n: 1 }), { timeout: 2_000 })).headers).toBeUndefined();
    await server.close();
  });

  it('fails at once with RpcUnavailableError when nothing listens, and with RpcTimeoutError when the answer is late — then ignores it', async () => {
    const [caller, callee] = [await connection(), await connection()];
    const prefix = uniqueToken();
    const client = new RpcClient(caller, 5_000, prefix);
    const started = Date.now();
    await expect(client.call('payout', 'nobody')).rejects.toBeInstanceOf(RpcUnavailableError);
    expect(Date.now() - started).toBeLessThan(1_000);

    const server = new RpcServer(callee, 'policy', silent, prefix);
    let answered = 0;
    server.handle('slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      answered += 1;
      return { late: true };
    });
    await callee.flush();
    await expect(client.call('policy', 'slow', {}, 100)).rejects.toBeInstanceOf(RpcTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(answered).toBe(1); // the late answer arrived and was dropped; the next call is unaffected
    server.handle('fast', async () => ({ fast: true }));
    await callee.flush();
    expect(await client.call('policy', 'fast')).toEqual({ ok: true, data: { fast: true } });
    await server.close();
  });

  it('shares one subscription among every client of a connection, and fails what is pending when it closes', async () => {
    const [caller, callee] = [await connection(), await connection()];
    const prefix = uniqueToken();
    const server = new RpcServer(callee, 'policy', silent, prefix);
    server.handle('never', () => new Promise(() => undefined));
    server.handle('ping', async () => 'pong');
    await callee.flush();
    const before = (caller as unknown as { protocol: { subscriptions: { size(): number } } }).protocol.subscriptions.size();
    for (let i = 0; i < 20; i++) await new RpcClient(caller, 1_000, prefix).call('policy', 'ping');
    const after = (caller as unknown as { protocol: { subscriptions: { size(): number } } }).protocol.subscriptions.size();
    expect(after - before).toBeLessThanOrEqual(1);
    const pending = new RpcClient(caller, 10_000, prefix).call('policy', 'never');
    await caller.flush();
    await caller.close();
    await expect(pending).rejects.toThrow(/closed/);
    await server.close();
  });
});
