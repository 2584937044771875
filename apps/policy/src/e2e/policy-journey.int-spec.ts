import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PurchaseOrder, Quote } from '@liqpass/api-types';
import { approveAndPayPremium, checkoutDomain, hashQuote, parseQuoteMessage, QUOTE_TYPES, recoverQuoteSigner, signQuote, type QuoteTypedData } from '@liqpass/chain';
import { repriceFromInputs, type RepriceInputs } from '@liqpass/pricing';
import { eventually } from '@liqpass/testing';
import type { HDNodeWallet } from 'ethers';
import { purchaseOrderIdOf } from '../quotes/domain/order-id';
import { PolicyTestEnv, type TraderApi } from '../testing/policy-test-env';

/**
 * The policy journey through the real gateway, okx-binding, payment-listener, OKX simulator
 * and anvil (PRODUCT.md §2 steps 4–8): quote → purchase order → bind → pay on-chain → ACTIVE,
 * and the ways a payment or a request is refused.
 */
/** The gateway's answers (libs/api-types), with what this test checks beyond the clients' view. */
type QuoteReply = Quote & { typedData: QuoteTypedData };
type OrderReply = PurchaseOrder & {
  okxMeta: { ordId: string; instId: string; boundAt: string } | null;
  payer: string | null;
  policyParams: Record<string, unknown>;
};

const INST = 'BTC-USDT-SWAP';
let env: PolicyTestEnv;

beforeAll(async () => {
  env = await PolicyTestEnv.open('journey', { QUOTE_CANCEL_GRACE_SECONDS: '0' });
}, 180_000);

afterAll(async () => {
  await env?.close();
}, 60_000);

/** A fresh OKX account with one open position, linked to the trader through the gateway. */
async function openLinkedPosition(api: TraderApi, lever = 20) {
  const account = await env.sim.createAccount({ perm: 'read_only' });
  const linked = await api.post('/okx/accounts', { apiKey: account.apiKey, secretKey: account.secretKey, passphrase: account.passphrase });
  expect(linked.status, JSON.stringify(linked.body)).toBe(201);
  return env.sim.openPosition({ uid: account.uid, instId: INST, posSide: 'long', mgnMode: 'isolated', lever, sz: 100, avgPx: 60000 });
}

async function quoteAndOrder(api: TraderApi, bind = true) {
  const position = await openLinkedPosition(api);
  const quote = await api.post<QuoteReply>('/quote', { chainId: env.chain.chainId, instId: INST, posId: position.posId, coverageSeconds: 86_400 });
  expect(quote.status, JSON.stringify(quote.body)).toBe(201);
  const order = await api.post<OrderReply>('/purchase_orders', { quoteId: quote.body.quoteId });
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  if (bind) {
    const bound = await api.post<OrderReply>(`/purchase_orders/${order.body.id}/bind-okx`, { ordId: position.ordId, instId: INST });
    expect(bound.status, JSON.stringify(bound.body)).toBe(200);
    expect(bound.body.status).toBe('BOUND_UNPAID');
  }
  return { position, quote: quote.body, order: order.body };
}

const statusOf = (api: TraderApi, id: string, wanted: string) =>
  eventually(async () => {
    const reply = await api.get<OrderReply>(`/purchase_orders/${id}`);
    return reply.body.status === wanted ? reply.body : undefined;
  }, 30_000, 200);

async function transitions(id: string) {
  return env.sql<{ from_status: string | null; to_status: string; actor: string }>(`SELECT from_status, to_status, actor FROM policy_transitions WHERE purchase_order_id = $1 ORDER BY id`, [id]);
}

async function outboxTypes(id: string) {
  return (await env.sql<{ type: string }>(`SELECT type FROM outbox WHERE envelope->'payload'->>'purchaseOrderId' = $1 ORDER BY created_at, type`, [id])).map((r) => r.type);
}

describe('policy journey through the gateway', () => {
  let trader: HDNodeWallet;
  let api: TraderApi;

  beforeAll(async () => {
    trader = env.trader(0);
    api = await env.signIn(trader);
  }, 30_000);

  it('quote → order → bind → payment on anvil → ACTIVE with the coverage window of PRODUCT.md §5', async () => {
    const { quote, order, position } = await quoteAndOrder(api);
    // The typed data is exactly the checkout's Quote, signed by the configured signer.
    expect(Object.keys(quote.typedData.message)).toEqual(QUOTE_TYPES.Quote.map((f) => f.name));
    const domain = checkoutDomain(env.chain.chainId, env.chain.checkout);
    const signed = parseQuoteMessage(quote.typedData.message);
    expect(hashQuote(domain, signed)).toBe(quote.quoteHash);
    expect(recoverQuoteSigner(domain, signed, quote.signature)).toBe(env.quoteSigner.address);
    expect(signed.buyer).toBe(trader.address);
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(order.orderId).toBe(signed.orderId);
    // Every input is stored: the premium re-derives exactly, and the candles behind σ are kept.
    const [stored] = await env.sql<{ pricing_json: RepriceInputs & { volatility: { sampleId: string; annualized: number } }; premium_amount_usdc: string; estimate_json: { annualized: number; closes: string[] } }>(
      `SELECT q.pricing_json, q.premium_amount_usdc, s.estimate_json FROM quotes q JOIN volatility_samples s ON s.id = q.pricing_json->'volatility'->>'sampleId' WHERE q.id = $1`,
      [quote.quoteId],
    );
    expect(repriceFromInputs(stored!.pricing_json).premiumUsdc).toBe(BigInt(stored!.premium_amount_usdc));
    expect(stored!.estimate_json.annualized).toBe(stored!.pricing_json.volatility.annualized);
    expect(stored!.estimate_json.closes).toHaveLength(168);

    const tx = await approveAndPayPremium(trader, env.chain.checkout, env.chain.usdc, quote.typedData.message, quote.signature);
    const receipt = (await tx.wait())!;
    const active = await statusOf(api, order.id, 'ACTIVE');

    const block = (await env.provider.getBlock(receipt.blockNumber))!;
    const start = Math.max(block.timestamp * 1000, Date.parse(active.okxMeta!.boundAt));
    expect(active.coverageStartAt).toBe(new Date(start).toISOString());
    expect(active.coverageEndAt).toBe(new Date(start + 86_400_000).toISOString());
    expect(active.paidAt).toBe(new Date(block.timestamp * 1000).toISOString());
    expect(active.payTxHash).toBe(receipt.hash);
    expect(active.payer).toBe(trader.address);
    expect(active.okxMeta).toMatchObject({ ordId: position.ordId, instId: INST, posId: position.posId });
    expect(active.policyParams).toMatchObject({ coverage_seconds: 86_400, waiting_period_seconds: 0, leverage: '20' });
    expect((active.policyParams.pricing as { modelVersion: string }).modelVersion).toBe('liq-barrier-v1');

    expect((await transitions(order.id)).map((t) => [t.from_status, t.to_status])).toEqual([
      [null, 'PENDING_PAYMENT'],
      ['PENDING_PAYMENT', 'BOUND_UNPAID'],
      ['BOUND_UNPAID', 'ACTIVE'],
    ]);
    expect(await outboxTypes(order.id)).toEqual(['PolicyCreated', 'PolicyActivated']);

    // The same PremiumPaid again — redelivered (same event id) and re-published (new id) — changes nothing.
    const [activated] = await env.sql<{ causation: string }>(`SELECT envelope->>'causationId' AS causation FROM outbox WHERE type = 'PolicyActivated' AND envelope->'payload'->>'purchaseOrderId' = $1`, [order.id]);
    const before = await env.sql(`SELECT version, updated_at, status FROM purchase_orders WHERE id = $1`, [order.id]);
    const log = receipt.logs.find((l) => l.address.toLowerCase() === env.chain.checkout.toLowerCase())!;
    const payload = {
      chainId: env.chain.chainId, txHash: receipt.hash, logIndex: log.index, blockNumber: receipt.blockNumber, blockHash: receipt.blockHash,
      blockTime: new Date(block.timestamp * 1000).toISOString(), checkoutAddress: env.chain.checkout, orderId: order.orderId, buyer: trader.address,
      token: env.chain.usdc, premiumAmountUsdc: signed.premium.toString(), payoutAmountUsdc: signed.payout.toString(), coverageSeconds: 86_400,
      quoteHash: quote.quoteHash, treasury: env.chain.treasurySafe, confirmations: 2,
    };
    await env.publish('PremiumPaid', payload, activated!.causation);
    const republished = await env.publish('PremiumPaid', payload);
    await eventually(async () => (await env.sql(`SELECT 1 FROM inbox WHERE message_id = $1`, [republished])).length === 1, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await env.sql(`SELECT version, updated_at, status FROM purchase_orders WHERE id = $1`, [order.id])).toEqual(before);
    expect(await transitions(order.id)).toHaveLength(3);
    expect(await outboxTypes(order.id)).toEqual(['PolicyCreated', 'PolicyActivated']);

    // Owner only: another wallet does not see it.
    const other = await env.signIn(env.trader(3));
    expect((await other.get(`/purchase_orders/${order.id}`)).status).toBe(404);
    const listed = await api.get<{ items: OrderReply[] }>('/purchase_orders?status=ACTIVE');
    expect(listed.body.items.map((o) => o.id)).toContain(order.id);
    expect((await other.get<{ items: OrderReply[] }>('/purchase_orders')).body.items).toEqual([]);

    // Coverage ends → EXPIRED and PolicyExpired, by the scheduler.
    await env.sql(`UPDATE purchase_orders SET coverage_end_at = now() - interval '1 second' WHERE id = $1`, [order.id]);
    await statusOf(api, order.id, 'EXPIRED');
    expect(await outboxTypes(order.id)).toEqual(['PolicyCreated', 'PolicyActivated', 'PolicyExpired']);
  }, 120_000);

  it('a wrong amount or a wrong payer is PAYMENT_MISMATCH', async () => {
    const domain = checkoutDomain(env.chain.chainId, env.chain.checkout);
    // Wrong amount: a quote for this order id with one base unit less, paid by the buyer.
    const a = await quoteAndOrder(api);
    const cheaper = { ...parseQuoteMessage(a.quote.typedData.message), premium: parseQuoteMessage(a.quote.typedData.message).premium - 1n };
    const cheap = await signQuote(env.quoteSigner, domain, cheaper);
    await (await approveAndPayPremium(trader, env.chain.checkout, env.chain.usdc, cheap.quote, cheap.signature)).wait();
    const mismatched = await statusOf(api, a.order.id, 'PAYMENT_MISMATCH');
    expect(mismatched.paymentProblem).toMatch(/amount/);

    // Wrong payer: another wallet pays this order id (with a quote naming itself as buyer).
    const b = await quoteAndOrder(api, false);
    const stranger = env.trader(1);
    const forStranger = await signQuote(env.quoteSigner, domain, { ...parseQuoteMessage(b.quote.typedData.message), buyer: stranger.address });
    await (await approveAndPayPremium(stranger, env.chain.checkout, env.chain.usdc, forStranger.quote, forStranger.signature)).wait();
    const wrongPayer = await statusOf(api, b.order.id, 'PAYMENT_MISMATCH');
    expect(wrongPayer.paymentProblem).toMatch(/payer/);
    expect(wrongPayer.payer).toBe(stranger.address);
  }, 120_000);

  it('refuses an expired quote, and cancels an unpaid order whose quote expired', async () => {
    const position = await openLinkedPosition(api);
    const quote = await api.post<QuoteReply>('/quote', { chainId: env.chain.chainId, instId: INST, posId: position.posId, coverageSeconds: 86_400 });
    await env.sql(`UPDATE quotes SET expires_at = now() - interval '1 second' WHERE id = $1`, [quote.body.quoteId]);
    const refused = await api.post('/purchase_orders', { quoteId: quote.body.quoteId });
    expect(refused.status).toBe(410);
    expect(refused.body.error).toBe('QUOTE_EXPIRED');
    expect(await env.sql(`SELECT 1 FROM purchase_orders WHERE quote_id = $1`, [quote.body.quoteId])).toEqual([]);

    const { order } = await quoteAndOrder(api);
    await env.sql(`UPDATE purchase_orders SET quote_expires_at = now() - interval '1 second' WHERE id = $1`, [order.id]);
    await statusOf(api, order.id, 'CANCELLED');
  }, 60_000);

  it('mark-paid accepts only a confirmed transaction that paid this order', async () => {
    const { quote, order } = await quoteAndOrder(api);
    const other = await quoteAndOrder(api);
    const tx = await approveAndPayPremium(trader, env.chain.checkout, env.chain.usdc, quote.typedData.message, quote.signature);
    const receipt = (await tx.wait())!;
    // Another order's payment transaction did not pay this one.
    const wrong = await api.post(`/purchase_orders/${other.order.id}/mark-paid`, { txHash: receipt.hash });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toBe('PAYMENT_MISMATCH');
    // Nor does a transaction that is not a payment at all.
    const stray = await (await trader.sendTransaction({ to: trader.address, value: 1n })).wait();
    expect((await api.post(`/purchase_orders/${other.order.id}/mark-paid`, { txHash: stray!.hash })).body.error).toBe('PAYMENT_MISMATCH');
    expect((await api.get<OrderReply>(`/purchase_orders/${other.order.id}`)).body.status).toBe('BOUND_UNPAID');

    await eventually(async () => (await env.provider.getBlockNumber()) >= receipt.blockNumber + 2, 15_000, 200);
    const marked = await api.post<OrderReply>(`/purchase_orders/${order.id}/mark-paid`, { txHash: receipt.hash });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body.status).toBe('ACTIVE');
    expect(marked.body.payTxHash).toBe(receipt.hash);
    // The listener's PremiumPaid for the same log arrives too and changes nothing.
    const [published] = await eventually(
      async () => {
        const rows = await env.sql<{ id: string }>(`SELECT id FROM payments.outbox WHERE type = 'PremiumPaid' AND envelope->'payload'->>'txHash' = $1`, [receipt.hash]);
        return rows.length ? rows : undefined;
      },
      20_000,
    );
    await eventually(async () => (await env.sql(`SELECT 1 FROM inbox WHERE message_id = $1`, [published!.id])).length === 1, 20_000);
    expect((await transitions(order.id)).filter((t) => t.to_status === 'ACTIVE')).toHaveLength(1);
  }, 90_000);

  it('a quote paid before its purchase order was created becomes a paid order; binding then activates it', async () => {
    const position = await openLinkedPosition(api);
    const quote = (await api.post<QuoteReply>('/quote', { chainId: env.chain.chainId, instId: INST, posId: position.posId, coverageSeconds: 86_400 })).body;
    await (await approveAndPayPremium(trader, env.chain.checkout, env.chain.usdc, quote.typedData.message, quote.signature)).wait();
    const id = purchaseOrderIdOf(quote.typedData.message.orderId)!;
    const paid = await statusOf(api, id, 'PAID_UNBOUND');
    expect(paid.payer).toBe(trader.address);
    const created = await api.post<OrderReply>('/purchase_orders', { quoteId: quote.quoteId });
    expect([created.body.id, created.body.status]).toEqual([id, 'PAID_UNBOUND']);
    const bound = await api.post<OrderReply>(`/purchase_orders/${id}/bind-okx`, { ordId: position.ordId, instId: INST });
    expect(bound.body.status).toBe('ACTIVE');
    const history = (await transitions(id)).map((t) => [t.to_status, t.actor]);
    expect(history.slice(0, 2)).toEqual([
      ['PENDING_PAYMENT', 'event:PremiumPaid'],
      ['PAID_UNBOUND', 'event:PremiumPaid'],
    ]);
    // The bind reply and okx-binding's OkxOrderBound race to record the binding: either may
    // activate the order, and exactly once.
    expect(history).toHaveLength(3);
    expect(history[2]![0]).toBe('ACTIVE');
    expect([`wallet:${trader.address.toLowerCase()}`, 'event:OkxOrderBound']).toContain(history[2]![1]);
    expect(await outboxTypes(id)).toEqual(['PolicyCreated', 'PolicyActivated']);
  }, 90_000);

  it('a reorged payment rolls the activation back; claim events make it CLAIMED, then CLOSED', async () => {
    const { quote, order } = await quoteAndOrder(api);
    const receipt = (await (await approveAndPayPremium(trader, env.chain.checkout, env.chain.usdc, quote.typedData.message, quote.signature)).wait())!;
    await statusOf(api, order.id, 'ACTIVE');
    const log = receipt.logs.find((l) => l.address.toLowerCase() === env.chain.checkout.toLowerCase())!;
    const [paid] = await env.sql<{ id: string; payload: Record<string, unknown> }>(
      `SELECT id, envelope->'payload' AS payload FROM payments.outbox WHERE type = 'PremiumPaid' AND envelope->'payload'->>'txHash' = $1`,
      [receipt.hash],
    );
    const chainLog = { chainId: env.chain.chainId, txHash: receipt.hash, logIndex: log.index, blockNumber: receipt.blockNumber, blockHash: receipt.blockHash };
    await env.publish('PremiumPaymentReverted', { ...chainLog, orderId: order.orderId, premiumPaidEventId: paid!.id, revertedAt: new Date().toISOString() });
    const rolledBack = await statusOf(api, order.id, 'BOUND_UNPAID');
    expect([rolledBack.paidAt, rolledBack.payTxHash, rolledBack.coverageStartAt, rolledBack.coverageEndAt]).toEqual([null, null, null, null]);
    // The payment re-mined in the new branch comes back as a new PremiumPaid.
    await env.publish('PremiumPaid', paid!.payload as never);
    await statusOf(api, order.id, 'ACTIVE');

    const claimId = crypto.randomUUID();
    await env.publish('ClaimApproved', {
      claimId, purchaseOrderId: order.id, recipient: trader.address, payoutAmountUsdc: '1000000', chainId: env.chain.chainId, token: env.chain.usdc,
      evidenceRoot: `0x${'ab'.repeat(32)}`, approvedBy: env.wallets[1]!.address, approvedAt: new Date().toISOString(),
    });
    await statusOf(api, order.id, 'CLAIMED');
    await env.publish('ClaimPaid', { claimId, purchaseOrderId: order.id, payoutAmountUsdc: '1000000', multisigSafe: env.chain.treasurySafe, multisigTxHash: `0x${'cd'.repeat(32)}`, paidAt: new Date().toISOString() });
    await statusOf(api, order.id, 'CLOSED');
    expect((await transitions(order.id)).map((t) => t.to_status)).toEqual(['PENDING_PAYMENT', 'BOUND_UNPAID', 'ACTIVE', 'BOUND_UNPAID', 'ACTIVE', 'CLAIMED', 'CLOSED']);
  }, 90_000);

  it('prices without a position but will not sell that quote, and refuses another chain', async () => {
    const indicative = await api.post<QuoteReply>('/quote', { chainId: env.chain.chainId, instId: INST, leverage: 10, principalUsdc: '500', coverageSeconds: 86_400 });
    expect(indicative.status, JSON.stringify(indicative.body)).toBe(201);
    expect(indicative.body.payoutFixedUsdc).toBe('400');
    expect(indicative.body.payoutCapUsdc).toBe('500');
    // Shown, never payable: its signed deadline is 0, so the checkout refuses it.
    expect(indicative.body.typedData.message.deadline).toBe('0');
    await expect(approveAndPayPremium(env.trader(2), env.chain.checkout, env.chain.usdc, indicative.body.typedData.message, indicative.body.signature)).rejects.toThrow();
    const order = await api.post('/purchase_orders', { quoteId: indicative.body.quoteId });
    expect(order.status).toBe(422);
    const wrongChain = await api.post('/quote', { chainId: 1, instId: INST, leverage: 10, principalUsdc: '500', coverageSeconds: 86_400 });
    expect([wrongChain.status, wrongChain.body.error]).toEqual([400, 'VALIDATION_FAILED']);
    const notInsured = await api.post('/quote', { chainId: env.chain.chainId, instId: 'DOGE-USDT-SWAP', leverage: 10, principalUsdc: '500', coverageSeconds: 86_400 });
    expect([notInsured.status, notInsured.body.error]).toEqual([422, 'VALIDATION_FAILED']);
  }, 30_000);

  it('refuses a quote beyond the treasury’s capacity with CAPACITY_EXCEEDED', async () => {
    // Restart policy with no capital beyond the treasury Safe's USDC (the premiums paid above).
    await env.policy.close();
    await env.startPolicy({ QUOTE_CANCEL_GRACE_SECONDS: '0', CAPACITY_EXTRA_CAPITAL_USDC: '0' });
    const refused = await api.post('/quote', { chainId: env.chain.chainId, instId: INST, leverage: 10, principalUsdc: '50000', coverageSeconds: 86_400 });
    expect([refused.status, refused.body.error]).toEqual([409, 'CAPACITY_EXCEEDED']);
    expect(refused.body.message).toMatch(/exposure/);
  }, 60_000);
});
