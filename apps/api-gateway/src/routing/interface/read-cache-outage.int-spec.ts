import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@liqpass/chain';
import { connectNats, type NatsConnection } from '@liqpass/messaging';
import { eventually } from '@liqpass/testing';
import { anvilWallet, signIn } from '../../testing/siwe-signer';
import { StandInServices } from '../../testing/stand-in-services';
import { startTestGateway, type TestGateway } from '../../testing/test-gateway';

/**
 * The read cache across a NATS outage, with a nats-server of the test's own (the machine's is
 * never stopped): events published while the gateway is cut off are lost to it, so whatever it
 * cached before must not be served after it reconnects.
 */
describe('read cache across a NATS outage', () => {
  let nats: PrivateNatsServer;
  let gw: TestGateway;
  let nc: NatsConnection;
  let services: StandInServices;
  let version = 1;
  let token: string;

  beforeAll(async () => {
    nats = await PrivateNatsServer.start();
    gw = await startTestGateway('gateway_cache_outage', { NATS_URL: nats.url, READ_CACHE_TTL_MS: '3600000' });
    nc = await connectNats(nats.url, 'cache-outage-stand-ins');
    services = new StandInServices(nc, gw.prefix);
    services.handle('claims-verifier', 'claims.list', async () => ({ items: [{ version }], total: 1 }));
    await nc.flush();
    token = await signIn(gw.base, anvilWallet(8));
  }, 60_000);
  afterAll(async () => {
    await services?.close();
    await nc?.close();
    await gw?.close();
    await nats?.stop();
  });

  const list = async () => {
    const response = await fetch(`${gw.base}/claims`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, version: response.ok ? ((await response.json()) as { items: { version: number }[] }).items[0].version : null };
  };
  const served = () => services.calls.filter((c) => c.method === 'claims.list').length;

  it('serves nothing it cached before the connection dropped', async () => {
    expect(await list()).toEqual({ status: 200, version: 1 });
    expect(await list()).toEqual({ status: 200, version: 1 });
    expect(served()).toBe(1); // the second answer came from the cache

    await nats.kill();
    version = 2; // changed while the gateway could not hear about it
    await nats.restart();

    const after = await eventually(async () => {
      const answer = await list();
      return answer.status === 200 ? answer : undefined;
    }, 20_000, 200);
    expect(after.version).toBe(2);
    expect(served()).toBeGreaterThanOrEqual(2);
    // and, connected again, it caches again
    const calls = served();
    expect(await list()).toEqual({ status: 200, version: 2 });
    expect(served()).toBe(calls);
  }, 60_000);
});

/** `nats-server -js` on a free port with its own store, killed and restarted on the same port. */
class PrivateNatsServer {
  private process: ChildProcess | undefined;

  private constructor(
    private readonly port: number,
    private readonly storeDir: string,
  ) {}

  static async start(): Promise<PrivateNatsServer> {
    const server = new PrivateNatsServer(await findFreePort(), await mkdtemp(join(tmpdir(), 'lp-nats-')));
    await server.restart();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    this.process = spawn(process.env.NATS_SERVER_BIN ?? 'nats-server', ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], { stdio: 'ignore' });
    const probe = async () => connectNats(this.url, 'probe').then((c) => c.close().then(() => true), () => undefined);
    await eventually(probe, 15_000, 100);
  }

  /** SIGKILL: the connection drops with no goodbye, as when the broker's host dies. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill();
    await rm(this.storeDir, { recursive: true, force: true });
  }
}
