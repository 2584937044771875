import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventSubject } from '@liqpass/events';
import { RpcError } from '@liqpass/service-kit';
import { SAMPLE_UUID } from '../../testing/route-requests';
import { anvilWallet, signIn } from '../../testing/siwe-signer';
import { StandInServices } from '../../testing/stand-in-services';
import { startTestGateway, type TestGateway } from '../../testing/test-gateway';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The gateway's read cache against real NATS: GET /claims and GET /claims/:id are answered from
 * memory until claims-verifier publishes an event or a mutation goes to it. The TTL is an hour
 * here, so anything fresh below was made fresh by an event or a mutation, not by expiry.
 */
describe('read cache of GET /claims and GET /claims/:id', () => {
  let gw: TestGateway;
  let services: StandInServices;
  const traderA = anvilWallet(6);
  const traderB = anvilWallet(7);
  const tokens: Record<string, string> = {};
  let version = 0;

  beforeAll(async () => {
    gw = await startTestGateway('gateway_read_cache', { READ_CACHE_TTL_MS: '3600000' });
    services = new StandInServices(gw.nc, gw.prefix);
    services.handle('claims-verifier', 'claims.list', async ({ caller }) => ({ items: [{ claimant: caller.wallet, version }], total: 1 }));
    await gw.nc.flush();
    tokens.a = await signIn(gw.base, traderA);
    tokens.b = await signIn(gw.base, traderB);
  });
  afterAll(async () => {
    await services?.close();
    await gw?.close();
  });
  beforeEach(async () => {
    // Each test starts from nothing cached: an event of the service empties the cache.
    await publishClaimEvent();
    await sleep(50);
    services.calls.length = 0;
  });

  const get = async (path: string, token = tokens.a) => {
    const response = await fetch(`${gw.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as { items?: { version: number }[]; error?: string } };
  };
  const served = () => services.calls.filter((c) => c.method === 'claims.list' || c.method === 'claims.get').length;
  async function publishClaimEvent(): Promise<void> {
    gw.nc.publish(eventSubject('ClaimVerified', 1, gw.prefix), JSON.stringify({ test: true }));
    await gw.nc.flush();
  }

  it('answers a repeated read from memory, separately for each wallet and each query', async () => {
    version = 1;
    expect((await get('/claims')).body.items?.[0]).toEqual({ claimant: traderA.address, version: 1 });
    expect((await get('/claims')).body.items?.[0]).toEqual({ claimant: traderA.address, version: 1 });
    expect(served()).toBe(1);
    expect((await get('/claims', tokens.b)).body.items?.[0]).toEqual({ claimant: traderB.address, version: 1 });
    await get('/claims?limit=5');
    expect(served()).toBe(3);
    const metrics = await (await fetch(`${gw.base}/metrics`)).text();
    expect(metrics).toMatch(/^gateway_read_cache_lookups_total\{[^}]*route="claims.list",result="hit"[^}]*\} [1-9]/m);
  });

  it('still authenticates a cached read: no token, no answer', async () => {
    await get('/claims');
    const response = await fetch(`${gw.base}/claims`);
    expect(response.status).toBe(401);
  });

  it('serves the new state once claims-verifier publishes any event', async () => {
    version = 2;
    expect((await get('/claims')).body.items?.[0].version).toBe(2);
    version = 3;
    expect((await get('/claims')).body.items?.[0].version).toBe(2); // cached: nothing announced a change
    await publishClaimEvent();
    let seen = 2;
    for (let i = 0; i < 50 && seen !== 3; i++) {
      await sleep(20);
      seen = (await get('/claims')).body.items?.[0].version ?? -1;
    }
    expect(seen).toBe(3);
  });

  it('reads its own writes: a mutation sent to the service empties its cache before the mutation is answered', async () => {
    version = 4;
    await get('/claims');
    version = 5;
    const created = await fetch(`${gw.base}/claims`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.a}`, 'content-type': 'application/json' },
      body: JSON.stringify({ purchaseOrderId: SAMPLE_UUID }),
    });
    expect(created.status).toBe(201);
    expect((await get('/claims')).body.items?.[0].version).toBe(5);
  });

  it('does not keep a reply that was in flight when an event arrived', async () => {
    services.handle('claims-verifier', 'claims.get', async () => {
      await sleep(300);
      return { id: SAMPLE_UUID, version };
    });
    version = 6;
    const inFlight = get(`/claims/${SAMPLE_UUID}`);
    await sleep(100);
    await publishClaimEvent();
    expect((await inFlight).status).toBe(200);
    await sleep(20);
    await get(`/claims/${SAMPLE_UUID}`);
    expect(served()).toBe(2);
  });

  it('sends one request for the same read arriving many times at once, and none joins across a change', async () => {
    services.handle('claims-verifier', 'claims.list', async ({ caller }) => {
      await sleep(300);
      return { items: [{ claimant: caller.wallet, version }], total: 1 };
    });
    version = 7;
    const together = await Promise.all(Array.from({ length: 5 }, () => get('/claims')));
    expect(together.map((r) => r.body.items?.[0].version)).toEqual([7, 7, 7, 7, 7]);
    expect(served()).toBe(1);

    await publishClaimEvent();
    await sleep(50);
    const first = get('/claims'); // sent: nothing cached since the event
    await sleep(100);
    await publishClaimEvent(); // a change while it is on its way
    await sleep(50);
    version = 8;
    const second = await get('/claims'); // must not wait for the answer sent before the change
    expect(second.body.items?.[0].version).toBe(8);
    await first;
    expect(served()).toBe(3);
    services.handle('claims-verifier', 'claims.list', async ({ caller }) => ({ items: [{ claimant: caller.wallet, version }], total: 1 }));
  });

  it('does not keep refusals', async () => {
    services.handle('claims-verifier', 'claims.get', async () => {
      throw new RpcError('FORBIDDEN', 'this claim belongs to another wallet', 403);
    });
    expect((await get(`/claims/${SAMPLE_UUID}`)).status).toBe(403);
    expect((await get(`/claims/${SAMPLE_UUID}`)).status).toBe(403);
    expect(served()).toBe(2);
  });
});
