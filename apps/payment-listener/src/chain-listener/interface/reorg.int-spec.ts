import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { premiumPaymentRevertedV1 } from '@liqpass/events';
import { eventually } from '@liqpass/testing';
import { ListenerTestEnv, type ListenerProcess } from '../../testing/listener-test-env';

const TIMEOUT = 15_000;

/**
 * Reorgs made with anvil_reorg, which (like real nodes' filters) never reports removed logs: the
 * listener has only block hashes to notice that a payment vanished (CHAIN.md step 9).
 */
describe('payment listener across reorgs (anvil_reorg)', () => {
  let env: ListenerTestEnv;
  let listener: ListenerProcess | undefined;

  beforeAll(async () => {
    env = await ListenerTestEnv.open('reorg');
  });

  afterEach(async () => {
    await listener?.close();
    listener = undefined;
    await env.setAutomine(true);
  });

  afterAll(async () => {
    await env?.close();
  });

  const paidEvents = (orderId: string) => env.published('PremiumPaid').filter((e) => e.payload.orderId === orderId);
  const revertedEvents = (orderId: string) => env.published('PremiumPaymentReverted').filter((e) => e.payload.orderId === orderId);
  const caughtUpTo = (block: number) => eventually(async () => ((await env.cursorBlock()) ?? -2) >= block, TIMEOUT);
  const reorg = (depth: number, txs: [string, number][] = []) => env.provider.send('anvil_reorg', [depth, txs]);

  it('never publishes a payment reorged out before it had its confirmations', async () => {
    listener = await env.startListener();
    await env.setAutomine(false);
    const { quote, tx } = await env.pay(env.trader(0));
    await env.mine(1);
    const paidIn = (await tx.wait())!.blockNumber;
    await caughtUpTo(paidIn - 2);

    await reorg(1); // block paidIn replaced by an empty one; the log just vanishes
    expect(await env.provider.send('eth_getTransactionReceipt', [tx.hash])).toBeNull();
    await env.mine(4);
    await caughtUpTo(paidIn + 2);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(paidEvents(quote.orderId)).toEqual([]);
    expect(await env.query(`SELECT id FROM premium_payments WHERE order_id = $1`, [quote.orderId])).toEqual([]);
  });

  it('follows a published payment that a reorg removed with PremiumPaymentReverted, and rewinds to the common ancestor', async () => {
    listener = await env.startListener();
    const { quote, tx } = await env.pay(env.trader(1), 4_200_000n);
    const paidIn = (await tx.wait())!.blockNumber;
    await env.mine(2);
    const [paid] = await eventually(async () => (paidEvents(quote.orderId).length ? paidEvents(quote.orderId) : null), TIMEOUT);
    const head = await env.head();
    const ancestorHash = await env.blockHash(paidIn - 1);

    await reorg(head - paidIn + 1); // replaces paidIn … head with empty blocks: same height, new hashes
    const [reverted] = await eventually(async () => (revertedEvents(quote.orderId).length ? revertedEvents(quote.orderId) : null), TIMEOUT);

    expect(premiumPaymentRevertedV1.parse(reverted!.payload)).toEqual(reverted!.payload);
    expect(reverted!.payload).toMatchObject({
      orderId: quote.orderId,
      txHash: tx.hash.toLowerCase(),
      blockNumber: paidIn,
      blockHash: paid!.payload.blockHash,
      premiumPaidEventId: paid!.id,
    });
    expect(reverted!.causationId).toBe(paid!.id);
    expect(reverted!.correlationId).toBe(paid!.correlationId);
    const [row] = await env.query<{ status: string; reversal_event_id: string }>(`SELECT status, reversal_event_id FROM premium_payments WHERE order_id = $1`, [quote.orderId]);
    expect(row).toEqual({ status: 'REVERTED', reversal_event_id: reverted!.id });
    expect(await env.blockHash(paidIn - 1)).toBe(ancestorHash);

    // The chain moves on without the payment: it is neither published again nor reverted twice,
    // and every block hash the listener keeps is the new chain's.
    await env.mine(3);
    await caughtUpTo(head + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(paidEvents(quote.orderId)).toHaveLength(1);
    expect(revertedEvents(quote.orderId)).toHaveLength(1);
    const kept = await env.query<{ block_number: string; block_hash: string }>(`SELECT block_number, block_hash FROM recent_blocks WHERE block_number >= $1`, [paidIn - 1]);
    expect(kept.length).toBeGreaterThan(0);
    for (const block of kept) expect(block.block_hash).toBe((await env.blockHash(Number(block.block_number))).toLowerCase());
  });

  it('publishes the payment again, as a new event, when the reorg mines the same transaction elsewhere', async () => {
    listener = await env.startListener();
    const { quote, tx } = await env.pay(env.trader(2), 5_500_000n);
    const raw = (await env.provider.send('eth_getRawTransactionByHash', [tx.hash])) as string;
    const paidIn = (await tx.wait())!.blockNumber;
    await env.mine(2);
    await eventually(async () => paidEvents(quote.orderId).length === 1, TIMEOUT);
    const head = await env.head();

    await reorg(head - paidIn + 1, [[raw, 1]]); // the same signed transaction, one block later
    await env.mine(2);
    const events = await eventually(async () => (paidEvents(quote.orderId).length === 2 ? paidEvents(quote.orderId) : null), TIMEOUT);

    expect(revertedEvents(quote.orderId)).toHaveLength(1);
    expect(events[1]!.payload.blockNumber).toBe(paidIn + 1);
    expect(events[1]!.payload.blockHash).not.toBe(events[0]!.payload.blockHash);
    const ordered = env.events.filter((e) => (e.payload as { orderId?: string }).orderId === quote.orderId).map((e) => e.type);
    expect(ordered).toEqual(['PremiumPaid', 'PremiumPaymentReverted', 'PremiumPaid']);
    const msgIds = await env.query<{ msg_id: string }>(`SELECT msg_id FROM outbox WHERE envelope->'payload'->>'orderId' = $1 ORDER BY created_at`, [quote.orderId]);
    const key = `${env.chain.chainId}:${tx.hash.toLowerCase()}`;
    const [first, again] = [events[0]!.payload.logIndex, events[1]!.payload.logIndex];
    // CHAIN.md step 7's chainId:txHash:logIndex, with a revision once the log was reorged out before.
    expect(msgIds.map((r) => r.msg_id)).toEqual([`${key}:${first}`, `${key}:${first}:reverted`, `${key}:${again}:r1`]);
    const rows = await env.query<{ status: string; revision: number }>(`SELECT status, revision FROM premium_payments WHERE order_id = $1 ORDER BY revision`, [quote.orderId]);
    expect(rows).toEqual([
      { status: 'REVERTED', revision: 0 },
      { status: 'CONFIRMED', revision: 1 },
    ]);
  });

  it('stops and says so when a reorg reaches below its window of block hashes', async () => {
    listener = await env.startListener({ LISTENER_REORG_WINDOW: '3' });
    for (let i = 0; i < 8; i += 1) {
      await env.mine(1);
      await caughtUpTo((await env.head()) - 2);
    }
    const reversalsBefore = env.published('PremiumPaymentReverted').length;
    await reorg(8);
    await eventually(async () => listener!.runner.status.halted !== null, TIMEOUT);

    expect(listener.runner.status.halted).toMatch(/deeper than the 3-block window/);
    await listener.app.listen(0, '127.0.0.1');
    const response = await fetch(`${await listener.app.getUrl()}/health`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { checks: Record<string, unknown> }).checks['chain-listener']).toMatchObject({ status: 'down' });
    expect(env.published('PremiumPaymentReverted').length).toBe(reversalsBefore);
  });
});
