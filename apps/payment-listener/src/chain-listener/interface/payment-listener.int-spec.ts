import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { premiumPaidV1 } from '@liqpass/events';
import { eventually } from '@liqpass/testing';
import { ListenerTestEnv, type ListenerProcess } from '../../testing/listener-test-env';

const TIMEOUT = 15_000;

/**
 * The real payment-listener against a real anvil (FiatToken USDC, Safe treasury, checkout),
 * Postgres and NATS: a quote signed by the backend key, paid by a trader, becomes exactly one
 * PremiumPaid on JetStream — only after the confirmations, never twice, across restarts.
 */
describe('payment listener: confirmed PremiumPaid logs become PremiumPaid events, once', () => {
  let env: ListenerTestEnv;

  beforeAll(async () => {
    env = await ListenerTestEnv.open('publish');
  });

  afterAll(async () => {
    await env?.close();
  });

  const paidEvents = (orderId: string) => env.published('PremiumPaid').filter((e) => e.payload.orderId === orderId);
  const outboxRows = async (orderId: string) =>
    (await env.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE type = 'PremiumPaid' AND envelope->'payload'->>'orderId' = $1`, [orderId]))[0]!.n;
  const caughtUpTo = (block: number) => eventually(async () => ((await env.cursorBlock()) ?? -2) >= block, TIMEOUT);

  it('publishes one PremiumPaid only once the payment has the configured confirmations', async () => {
    const listener = await env.startListener();
    await caughtUpTo((await env.head()) - 2);
    await env.setAutomine(false);
    try {
      const { quote, tx, quoteHash } = await env.pay(env.trader(0), 12_500_000n);
      await env.mine(1);
      const receipt = (await tx.wait())!;
      const paidIn = receipt.blockNumber;

      // Mined, one and then two blocks short of 2 confirmations: nothing may be published.
      await caughtUpTo(paidIn - 2);
      await env.mine(1);
      await caughtUpTo(paidIn - 1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(paidEvents(quote.orderId)).toEqual([]);

      await env.mine(1);
      const [event] = await eventually(async () => (paidEvents(quote.orderId).length > 0 ? paidEvents(quote.orderId) : null), TIMEOUT);
      expect(event!.producer).toBe('payment-listener');
      expect(premiumPaidV1.parse(event!.payload)).toEqual(event!.payload);
      expect(event!.payload).toMatchObject({
        chainId: env.chain.chainId,
        txHash: receipt.hash.toLowerCase(),
        blockNumber: paidIn,
        blockHash: receipt.blockHash.toLowerCase(),
        checkoutAddress: env.chain.checkout.toLowerCase(),
        orderId: quote.orderId,
        buyer: env.trader(0).address.toLowerCase(),
        token: env.chain.usdc.toLowerCase(),
        premiumAmountUsdc: '12500000',
        payoutAmountUsdc: '500000000',
        coverageSeconds: 86_400,
        quoteHash,
        treasury: env.chain.treasurySafe.toLowerCase(),
        confirmations: 2,
      });

      // More blocks, more ticks: still exactly one.
      await env.mine(5);
      await caughtUpTo(paidIn + 3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(paidEvents(quote.orderId)).toHaveLength(1);
      expect(await outboxRows(quote.orderId)).toBe('1');
    } finally {
      await env.setAutomine(true);
      await listener.close();
    }
  });

  it('never publishes the same payment twice across a restart, even when the cursor is rewound to the start', async () => {
    const first = await env.startListener();
    const { quote } = await env.pay(env.trader(1), 3_000_000n);
    await env.mine(2);
    await eventually(async () => paidEvents(quote.orderId).length === 1, TIMEOUT);
    await first.close();

    // As if the cursor had been lost or restored from an old backup: everything is read again.
    await env.query(`UPDATE chain_cursors SET last_block = start_block - 1, last_hash = (SELECT block_hash FROM recent_blocks ORDER BY block_number LIMIT 1)`);
    const second = await env.startListener();
    const head = await env.head();
    await caughtUpTo(head - 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(paidEvents(quote.orderId)).toHaveLength(1);
    expect(await outboxRows(quote.orderId)).toBe('1');
    const payments = await env.query<{ n: string }>(`SELECT count(*) AS n FROM premium_payments WHERE order_id = $1`, [quote.orderId]);
    expect(payments[0]!.n).toBe('1');
    await second.close();
  });

  it('catches up from its cursor when started late, publishing each missed payment once', async () => {
    const before = env.published('PremiumPaid').length;
    const cursorAtStop = await env.cursorBlock();
    // The listener is down while three payments are made.
    const missed = [];
    for (let i = 0; i < 3; i += 1) missed.push(await env.pay(env.trader(i % 4), BigInt(1_000_000 + i)));
    await Promise.all(missed.map((p) => p.tx.wait()));
    await env.mine(3);

    const late: ListenerProcess = await env.startListener();
    for (const { quote } of missed) await eventually(async () => paidEvents(quote.orderId).length === 1, TIMEOUT);
    expect(env.published('PremiumPaid').length).toBe(before + 3);
    const firstRead = await env.query<{ block_number: string }>(`SELECT min(block_number) AS block_number FROM premium_payments WHERE order_id = ANY($1)`, [
      missed.map((p) => p.quote.orderId),
    ]);
    expect(Number(firstRead[0]!.block_number)).toBeGreaterThan(cursorAtStop!);
    await late.close();
  });

  it('reports its chain RPC and listener in /health, and its progress in /metrics', async () => {
    const listener = await env.startListener();
    await eventually(async () => listener.runner.status.leader, TIMEOUT);
    await listener.app.listen(0, '127.0.0.1');
    const base = await listener.app.getUrl();
    const health = (await (await fetch(`${base}/health`)).json()) as { status: string; checks: Record<string, { status: string }> };
    expect(health.status).toBe('ok');
    expect(health.checks.chain!.status).toBe('ok');
    expect(health.checks['chain-listener']).toEqual({ status: 'ok', detail: 'holds the chain lease' });
    await eventually(async () => /liqpass_listener_cursor_block\{[^}]*\} [1-9]/.test(await (await fetch(`${base}/metrics`)).text()), TIMEOUT);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/liqpass_listener_blocks_behind\{[^}]*chain_id="31337"[^}]*\} \d+/);
    expect(metrics).toMatch(/liqpass_listener_lease_held\{[^}]*\} 1/);
    await listener.close();
  });
});
