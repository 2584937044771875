import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconciliationMismatchV1 } from '@liqpass/events';
import { RpcServer, type RpcReply } from '@liqpass/service-kit';
import { eventually } from '@liqpass/testing';
import { ListenerTestEnv, type ListenerProcess } from '../../testing/listener-test-env';
import { ReconciliationScheduler } from '../application/reconciliation-scheduler';
import type { ReconciliationRunView } from '../infrastructure/reconciliation-run.repository';

const TIMEOUT = 15_000;

interface Report {
  chainPremiumSumUsdc: string;
  bookedPremiumSumUsdc: string;
  chainPaymentCount: number;
  bookedPaymentCount: number;
  treasury: Record<string, string>;
  mismatches: { kind: string; expectedUsdc: string; actualUsdc: string; detail: string }[];
}

/**
 * Reconciliation on demand and on schedule, over request/reply exactly as the gateway calls it
 * (GET /admin/reconciliation → admin.reconciliation.get), against the real chain and books.
 */
describe('reconciliation of chain, books and treasury', () => {
  let env: ListenerTestEnv;
  let listener: ListenerProcess;
  const caller = { kind: 'wallet', wallet: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', roles: ['finance'] };

  beforeAll(async () => {
    env = await ListenerTestEnv.open('reconciliation');
    listener = await env.startListener();
  });

  afterAll(async () => {
    await listener?.close();
    await env?.close();
  });

  const call = <T>(method: string, body: unknown = null, query: Record<string, unknown> = {}) =>
    env.rpcClient().call<T>('payment-listener', method, { caller, params: {}, query, body }) as Promise<RpcReply<T>>;
  async function run(body: unknown = null): Promise<ReconciliationRunView & { report: Report }> {
    const reply = await call<ReconciliationRunView & { report: Report }>('admin.reconciliation.run', body);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.data;
  }
  async function payAndWait(count: number): Promise<bigint> {
    let total = 0n;
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const premium = BigInt(1_000_000 * (i + 1) + i);
      ids.push((await env.pay(env.trader(i % 4), premium)).quote.orderId);
      total += premium;
    }
    await env.mine(2);
    await eventually(async () => ids.every((id) => env.published('PremiumPaid').some((e) => e.payload.orderId === id)), TIMEOUT);
    return total;
  }

  it('finds chain, books and treasury in agreement, records the run and serves it to the admin console', async () => {
    const total = await payAndWait(3);
    // A top-up straight to the treasury is not a premium, and is accounted for as such.
    await env.transferUsdc(env.trader(3), env.chain.treasurySafe, 77n);
    await env.mine(2);
    await eventually(async () => ((await env.cursorBlock()) ?? 0) >= (await env.head()) - 2, TIMEOUT);

    const result = await run();
    expect(result).toMatchObject({ chainId: env.chain.chainId, trigger: 'ON_DEMAND', status: 'OK', fromBlock: env.chain.deployBlock });
    expect(result.report.chainPremiumSumUsdc).toBe(total.toString());
    expect(result.report.bookedPremiumSumUsdc).toBe(total.toString());
    expect(result.report.chainPaymentCount).toBe(3);
    expect(result.report.treasury).toMatchObject({ otherInflowUsdc: '77', bookedInflowUsdc: total.toString(), otherOutflowUsdc: '0' });
    expect(result.report.treasury.expectedBalanceUsdc).toBe(result.report.treasury.balanceAfterUsdc);
    expect(result.report.mismatches).toEqual([]);
    expect(env.published('ReconciliationMismatch')).toEqual([]);

    const got = await call<{ chainId: number; latest: ReconciliationRunView; runs: ReconciliationRunView[] }>('admin.reconciliation.get');
    expect(got.ok && got.data.latest).toEqual(result);
    expect(got.ok && got.data.runs.map((r) => r.id)).toEqual([result.id]);
  });

  it('refuses a range it cannot compare', async () => {
    const cursor = (await env.cursorBlock())!;
    const beyond = await call('admin.reconciliation.run', { toBlock: cursor + 1000 });
    expect(beyond).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', status: 409 } });
    const reversed = await call('admin.reconciliation.run', { fromBlock: cursor, toBlock: cursor - 1 });
    expect(reversed).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const malformed = await call('admin.reconciliation.run', { fromBlock: 'yesterday' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', status: 400 } });
  });

  it('runs once a day when scheduled: only when due, from where the last scheduled run ended', async () => {
    const scheduler = listener.app.get(ReconciliationScheduler);
    await scheduler.runIfDue();
    await scheduler.runIfDue(); // not due again for a day
    const scheduled = await env.query<{ from_block: string; to_block: string; status: string }>(`SELECT from_block, to_block, status FROM reconciliation_runs WHERE trigger = 'SCHEDULED'`);
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ from_block: String(env.chain.deployBlock), status: 'OK' });

    await payAndWait(1);
    const next = await run();
    expect(next.fromBlock).toBe(Number(scheduled[0]!.to_block) + 1);
    expect(next.report.chainPaymentCount).toBe(1);
    expect(next.status).toBe('OK');
  });

  it('reports every difference as a ReconciliationMismatch: missing and altered payments, the treasury, the checkout', async () => {
    await payAndWait(2);
    const [missing, altered] = await env.query<{ id: string; premium_usdc: string }>(`SELECT id, premium_usdc FROM premium_payments ORDER BY block_number DESC, log_index DESC LIMIT 2`);
    await env.query(`DELETE FROM premium_payments WHERE id = $1`, [missing!.id]);
    await env.query(`UPDATE premium_payments SET premium_usdc = premium_usdc + 1 WHERE id = $1`, [altered!.id]);
    await env.transferUsdc(env.trader(0), env.chain.checkout, 5n); // stray funds stuck in the checkout
    await env.mine(2);
    await eventually(async () => ((await env.cursorBlock()) ?? 0) >= (await env.head()) - 2, TIMEOUT);

    const result = await run({ fromBlock: env.chain.deployBlock });
    expect(result.status).toBe('MISMATCH');
    const kinds = result.report.mismatches.map((m) => m.kind);
    expect(kinds).toEqual(['PREMIUM_SUM', 'MISSING_PAYMENT', 'TREASURY_BALANCE', 'CHECKOUT_BALANCE']);
    const missingReport = result.report.mismatches.find((m) => m.kind === 'MISSING_PAYMENT')!;
    expect(missingReport).toMatchObject({ expectedUsdc: missing!.premium_usdc, actualUsdc: '0' });
    expect(result.report.mismatches.find((m) => m.kind === 'CHECKOUT_BALANCE')).toMatchObject({ expectedUsdc: '0', actualUsdc: '5' });

    const events = await eventually(async () => {
      const mine = env.published('ReconciliationMismatch').filter((e) => e.payload.runId === result.id);
      return mine.length === 4 ? mine : null;
    }, TIMEOUT);
    for (const event of events) expect(reconciliationMismatchV1.parse(event.payload)).toEqual(event.payload);
    expect(events.map((e) => e.payload.kind)).toEqual(kinds);
    expect(events[0]!.payload).toMatchObject({ chainId: env.chain.chainId, fromBlock: env.chain.deployBlock, toBlock: result.toBlock });
  });

  it('alerts when the treasury holds more than its hot-balance limit', async () => {
    await listener.close();
    listener = await env.startListener({ TREASURY_HOT_BALANCE_LIMIT_USDC: '1' });
    const cursor = (await env.cursorBlock())!;
    const result = await run({ fromBlock: cursor, toBlock: cursor });
    expect(result.report.mismatches.map((m) => m.kind)).toContain('HOT_BALANCE_THRESHOLD');
    expect(result.report.mismatches.find((m) => m.kind === 'HOT_BALANCE_THRESHOLD')).toMatchObject({ expectedUsdc: '1000000' });
  });

  it("includes the payout service's treasury status and alerts, and says so when it does not answer", async () => {
    type Got = { runs: unknown[]; treasury: Record<string, unknown> };
    // Nobody serves payout · treasury.status on this prefix: the answer says the alerts are unknown.
    const without = await call<Got>('admin.reconciliation.get');
    expect(without.ok && without.data.treasury).toEqual({ source: 'payout', available: false, reason: 'the payout service is not answering' });
    expect(without.ok && without.data.runs.length).toBeGreaterThan(0);

    // A responder on the payout service's subject, answering as apps/payout's TreasuryMonitor does.
    const status = {
      chainId: env.chain.chainId,
      safeAddress: env.chain.treasurySafe,
      balanceUsdc: '5000000',
      pendingPayoutsUsdc: '0',
      floorUsdc: '10000000',
      hotBalanceCeilingUsdc: '1000000000000',
      alerts: [{ kind: 'TREASURY_BELOW_FLOOR', detail: 'the treasury holds 5000000 base units, below its floor of 10000000' }],
      checkedAt: new Date().toISOString(),
    };
    const requests: unknown[] = [];
    const payout = new RpcServer(env.nc, 'payout', { error: () => undefined } as never, env.prefix);
    payout.handle('treasury.status', async (body) => (requests.push(body), status));
    await env.nc.flush();
    try {
      const got = await call<Got>('admin.reconciliation.get');
      expect(got.ok && got.data.treasury).toEqual({ ...status, source: 'payout', available: true });
      expect(requests).toHaveLength(1);
    } finally {
      await payout.close();
    }
  });

  it("lists the service's dead letters for GET /admin/dead-letters?service=payment-listener", async () => {
    const empty = await call('admin.deadLetters.list', null, { service: 'payment-listener', limit: 10 });
    expect(empty).toEqual({ ok: true, data: { items: [], total: 0, limit: 10, offset: 0 } });
    await env.query(
      `INSERT INTO dead_letters (id, consumer, stream, stream_sequence, subject, delivery_count, reason, detail, raw_data)
       VALUES (gen_random_uuid(), 'payment-listener', 'S', 1, 'x.y', 1, 'INVALID_EVENT', 'bad json', '{')`,
    );
    const one = await call<{ items: { reason: string }[]; total: number }>('admin.deadLetters.list', null, { service: 'payment-listener' });
    expect(one.ok && one.data.total).toBe(1);
    expect(one.ok && one.data.items[0]!.reason).toBe('INVALID_EVENT');
  });
});
