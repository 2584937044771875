import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@liqpass/testing';
import { LimitingRpcProxy } from '../../testing/limiting-rpc-proxy';
import { ListenerTestEnv } from '../../testing/listener-test-env';

/** CHAIN.md step 4 against a provider that refuses ranges over 3 blocks, as hosted RPCs do. */
describe('payment listener behind an RPC provider with a block-range limit', () => {
  let env: ListenerTestEnv;
  let proxy: LimitingRpcProxy;

  beforeAll(async () => {
    env = await ListenerTestEnv.open('split');
    proxy = await LimitingRpcProxy.start(env.chain.rpcUrl, 3);
  });

  afterAll(async () => {
    await proxy?.stop();
    await env?.close();
  });

  it('splits refused eth_getLogs ranges and still publishes every payment exactly once', async () => {
    const payments = [];
    for (let i = 0; i < 6; i += 1) {
      payments.push(await env.pay(env.trader(i % 4), BigInt(2_000_000 + i)));
      await env.mine(i % 3); // spread over blocks, some with empty blocks between them
    }
    await env.mine(2);

    const listener = await env.startListener({ CHAIN_RPC_URL: proxy.url, LISTENER_BACKFILL_BLOCK_RANGE: '2000' });
    const orderIds = payments.map((p) => p.quote.orderId);
    await eventually(async () => orderIds.every((id) => env.published('PremiumPaid').some((e) => e.payload.orderId === id)), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const published = env.published('PremiumPaid').map((e) => e.payload.orderId);
    for (const id of orderIds) expect(published.filter((p) => p === id)).toHaveLength(1);
    expect(proxy.refused.length).toBeGreaterThan(0);
    expect(proxy.served.every((r) => r.to - r.from + 1 <= 3)).toBe(true);
    await listener.app.listen(0, '127.0.0.1');
    const metrics = await (await fetch(`${await listener.app.getUrl()}/metrics`)).text();
    expect(metrics).toMatch(/liqpass_listener_getlogs_splits_total\{[^}]*\} [1-9]/);
    await listener.close();
  });
});
