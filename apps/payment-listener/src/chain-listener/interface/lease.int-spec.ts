import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@liqpass/testing';
import { ListenerTestEnv, type ListenerProcess } from '../../testing/listener-test-env';
import { ChainLeaseRepository, LeaseLostError } from '../infrastructure/chain-lease.repository';

const TIMEOUT = 15_000;

/** Two or three listener processes on one chain and one database (CHAIN.md step 10). */
describe('one active listener per chain: the lease', () => {
  let env: ListenerTestEnv;

  beforeAll(async () => {
    env = await ListenerTestEnv.open('lease');
  });

  afterAll(async () => {
    await env?.close();
  });

  const leaders = (processes: ListenerProcess[]) => processes.filter((p) => p.runner.status.leader);
  const ingestedBy = async (orderIds: string[]) =>
    (await env.query<{ ingested_by: string }>(`SELECT DISTINCT ingested_by FROM premium_payments WHERE order_id = ANY($1)`, [orderIds])).map((r) => r.ingested_by);
  const publishedOnce = (orderIds: string[]) =>
    eventually(async () => orderIds.every((id) => env.published('PremiumPaid').filter((e) => e.payload.orderId === id).length === 1), TIMEOUT);

  async function payAndConfirm(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) ids.push((await env.pay(env.trader(i % 4))).quote.orderId);
    await env.mine(2);
    return ids;
  }

  it('lets exactly one of two instances process; the other stands by and takes over when it stops', async () => {
    const a = await env.startListener();
    const b = await env.startListener();
    await eventually(async () => leaders([a, b]).length === 1, TIMEOUT);

    // Never both: sample while payments flow.
    let both = 0;
    const sampler = setInterval(() => (leaders([a, b]).length > 1 ? (both += 1) : undefined), 20);
    const first = await payAndConfirm(3);
    await publishedOnce(first);
    clearInterval(sampler);
    expect(both).toBe(0);

    const [holder] = leaders([a, b]);
    const standby = holder === a ? b : a;
    expect(await ingestedBy(first)).toEqual([holder!.runner.status.holder]);
    const cursor = await env.query<{ updated_by: string }>('SELECT updated_by FROM chain_cursors');
    expect(cursor[0]!.updated_by).toBe(holder!.runner.status.holder);

    // The holder shuts down and hands the lease over; the standby continues from the cursor.
    await holder!.close();
    await eventually(async () => standby.runner.status.leader, 2_000); // well before the 3 s TTL
    const second = await payAndConfirm(2);
    await publishedOnce(second);
    expect(await ingestedBy(second)).toEqual([standby.runner.status.holder]);
    expect(await publishedOnce(first)).toBe(true);
    await standby.close();
  });

  it('takes over from a holder whose lease lapsed, and the old holder can no longer commit', async () => {
    const stalled = await env.startListener();
    await eventually(async () => stalled.runner.status.leader, TIMEOUT);
    const standby = await env.startListener();
    const [{ epoch }] = await env.query<{ epoch: string }>('SELECT epoch FROM chain_leases');

    // As if the holder had stalled past its TTL (GC pause, partition): its lease lapses.
    await env.query(`UPDATE chain_leases SET expires_at = now() - interval '1 second'`);
    await eventually(async () => standby.runner.status.leader && !stalled.runner.status.leader, TIMEOUT);

    const leases = stalled.app.get(ChainLeaseRepository);
    const dataSource = stalled.app.get(DataSource);
    const stale = { chainId: env.chain.chainId, holder: stalled.runner.status.holder, epoch: Number(epoch) };
    const fenced = dataSource.transaction((manager) => leases.fence(manager, stale, 3000));
    await expect(fenced).rejects.toBeInstanceOf(LeaseLostError);

    const ids = await payAndConfirm(2);
    await publishedOnce(ids);
    expect(await ingestedBy(ids)).toEqual([standby.runner.status.holder]);
    const [after] = await env.query<{ epoch: string; holder: string }>('SELECT epoch, holder FROM chain_leases');
    expect(after).toEqual({ epoch: String(Number(epoch) + 1), holder: standby.runner.status.holder });
    await stalled.close();
    await standby.close();
  });

  it('keeps going when its lease lapsed but nobody took it over (a long read is not a takeover)', async () => {
    const slow = await env.startListener();
    await eventually(async () => slow.runner.status.leader, TIMEOUT);
    const [{ epoch }] = await env.query<{ epoch: string }>('SELECT epoch FROM chain_leases');
    await env.query(`UPDATE chain_leases SET expires_at = now() - interval '1 second'`);

    const ids = await payAndConfirm(2);
    await publishedOnce(ids);
    expect(slow.runner.status.leader).toBe(true);
    expect(await ingestedBy(ids)).toEqual([slow.runner.status.holder]);
    const [lease] = await env.query<{ epoch: string; live: boolean }>('SELECT epoch, expires_at > now() AS live FROM chain_leases');
    expect(lease).toEqual({ epoch, live: true });
    await slow.close();
  });
});
