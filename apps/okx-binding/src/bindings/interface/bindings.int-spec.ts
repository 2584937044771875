import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { OkxSimProcess, type SimAccount, type SimPosition } from '@liqpass/okx-client';
import { eventually } from '@liqpass/testing';
import { OkxBindingTestApp, randomWallet } from '../../testing/okx-binding-test-app';
import type { VerifyBindingResult } from '../application/verify-binding/verify-binding.handler';
import type { QuoteTerms } from '../domain/quote-terms';

/**
 * Binding end to end (bindings.verify + PolicyCreated read model + OkxOrderBound through the
 * outbox), every refusal with its reason code, on real Postgres, NATS and the simulator process.
 */
describe('binding an OKX opening order to a purchase order', () => {
  let sim: OkxSimProcess;
  let service: OkxBindingTestApp;

  beforeAll(async () => {
    sim = await OkxSimProcess.start();
    service = await OkxBindingTestApp.start('okx_bindings', sim);
  });

  afterAll(async () => {
    await service?.close();
    await sim?.stop();
  });

  const BTC_LONG: QuoteTerms = { instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: '20' };

  async function trader(): Promise<{ wallet: string; account: SimAccount }> {
    const account = await sim.createAccount();
    const wallet = randomWallet();
    expect((await service.link(wallet, account)).ok).toBe(true);
    return { wallet, account };
  }

  const open = (account: SimAccount, over: Partial<Parameters<OkxSimProcess['openPosition']>[0]> = {}): Promise<SimPosition> =>
    sim.openPosition({ uid: account.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: 20, sz: 2, avgPx: 60000, ...over });

  /** A purchase order created by the policy service: PolicyCreated lands in the read model. */
  async function purchaseOrder(wallet: string, terms: QuoteTerms = BTC_LONG): Promise<string> {
    const payload = await service.publishPolicyCreated({ userWallet: wallet, ...terms });
    await eventually(async () => (await service.sql('SELECT 1 FROM purchase_order_terms WHERE purchase_order_id = $1', [payload.purchaseOrderId])).length === 1);
    return payload.purchaseOrderId;
  }

  const verify = (body: Record<string, unknown>) => service.call<VerifyBindingResult>('bindings.verify', body);
  const refusal = (code: string, status: number) => ({ ok: false, error: { code, status, message: expect.any(String) } });

  describe('the happy path', () => {
    it('binds a filled opening order of an open position and publishes OkxOrderBound with okx_meta_json', async () => {
      const { wallet, account } = await trader();
      const position = await open(account);
      const purchaseOrderId = await purchaseOrder(wallet);
      const before = Date.now();
      const reply = await verify({ purchaseOrderId, wallet, ordId: position.ordId, instId: 'BTC-USDT-SWAP' });
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      const meta = reply.data.okxMeta;
      expect(reply.data).toMatchObject({ purchaseOrderId, replayed: false });
      expect(meta).toEqual({
        ordId: position.ordId,
        instId: 'BTC-USDT-SWAP',
        posId: position.posId,
        posCTime: position.cTime,
        posSide: 'long',
        mgnMode: 'isolated',
        lever: '20',
        okxUid: account.uid,
        liqPxAtBind: position.liqPx,
        posSzAtBind: '2',
        boundAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      expect(Date.parse(meta.boundAt)).toBeGreaterThanOrEqual(before - 5);

      // The event, committed with the binding and relayed to JetStream.
      // The insured size travels in the event too: claims scale partial liquidations by it.
      const okxOrderBound = meta;
      const published = await eventually(async () => {
        const rows = await service.sql<{ envelope: { type: string; producer: string; payload: unknown }; state: string }>(
          `SELECT envelope, state FROM outbox WHERE type = 'OkxOrderBound' AND envelope->'payload'->>'purchaseOrderId' = $1`,
          [purchaseOrderId],
        );
        return rows.length === 1 && rows[0]!.state === 'PUBLISHED' ? rows[0] : null;
      });
      expect(published.envelope).toMatchObject({ type: 'OkxOrderBound', producer: 'okx-binding', payload: { purchaseOrderId, ...okxOrderBound } });
      expect((published.envelope.payload as { posSzAtBind?: string }).posSzAtBind).toBe('2');
      expect(await service.sql('SELECT ord_id, pos_id, pos_c_time, okx_uid FROM bindings WHERE purchase_order_id = $1', [purchaseOrderId])).toEqual([
        { ord_id: position.ordId, pos_id: position.posId, pos_c_time: position.cTime, okx_uid: account.uid },
      ]);
    });

    it('answers a repeated binding of the same order as before, publishing nothing new', async () => {
      const { wallet, account } = await trader();
      const position = await open(account, { instId: 'ETH-USDT-SWAP', avgPx: 3000 });
      const purchaseOrderId = await purchaseOrder(wallet, { ...BTC_LONG, instId: 'ETH-USDT-SWAP' });
      const request = { purchaseOrderId, wallet, ordId: position.ordId, instId: 'ETH-USDT-SWAP' };
      const first = await verify(request);
      const second = await verify(request);
      expect(first.ok && second.ok).toBe(true);
      if (!first.ok || !second.ok) return;
      expect(second.data).toEqual({ ...first.data, replayed: true });
      expect(await service.sql(`SELECT 1 FROM outbox WHERE envelope->'payload'->>'purchaseOrderId' = $1`, [purchaseOrderId])).toHaveLength(1);
    });

    it("uses the caller's terms for a purchase order whose PolicyCreated has not arrived yet", async () => {
      const { wallet, account } = await trader();
      const position = await open(account, { mgnMode: 'cross', lever: 10 });
      const reply = await verify({ purchaseOrderId: randomUUID(), wallet, ordId: position.ordId, instId: 'BTC-USDT-SWAP', terms: { ...BTC_LONG, mgnMode: 'cross', lever: '10' } });
      expect(reply).toMatchObject({ ok: true, data: { okxMeta: { mgnMode: 'cross', lever: '10', posId: position.posId } } });
    });

    it('accepts a later order that added to the open position, and records the same position', async () => {
      const { wallet, account } = await trader();
      const first = await open(account, { instId: 'SOL-USDT-SWAP', avgPx: 150, lever: 10 });
      const added = await open(account, { instId: 'SOL-USDT-SWAP', avgPx: 152, lever: 10 });
      const purchaseOrderId = await purchaseOrder(wallet, { ...BTC_LONG, instId: 'SOL-USDT-SWAP', lever: '10' });
      const reply = await verify({ purchaseOrderId, wallet, ordId: added.ordId, instId: 'SOL-USDT-SWAP' });
      expect(reply).toMatchObject({ ok: true, data: { okxMeta: { ordId: added.ordId, posId: first.posId, posCTime: first.cTime, posSzAtBind: '4' } } });
    });

    it('insures a new position on a reused posId (same posId, new cTime)', async () => {
      const { wallet, account } = await trader();
      const old = await open(account, { instId: 'BTC-USDT-261225', avgPx: 60500, ts: Date.now() - 600_000 });
      const oldPolicy = await purchaseOrder(wallet, { ...BTC_LONG, instId: 'BTC-USDT-261225' });
      expect((await verify({ purchaseOrderId: oldPolicy, wallet, ordId: old.ordId, instId: 'BTC-USDT-261225' })).ok).toBe(true);
      await sim.control('close', { uid: account.uid, posId: old.posId, ts: Date.now() - 300_000 });
      const reopened = await open(account, { instId: 'BTC-USDT-261225', avgPx: 60500 });
      expect(reopened.posId).toBe(old.posId);
      expect(reopened.cTime).not.toBe(old.cTime);
      const newPolicy = await purchaseOrder(wallet, { ...BTC_LONG, instId: 'BTC-USDT-261225' });
      expect(await verify({ purchaseOrderId: newPolicy, wallet, ordId: reopened.ordId, instId: 'BTC-USDT-261225' })).toMatchObject({
        ok: true,
        data: { okxMeta: { posId: old.posId, posCTime: reopened.cTime } },
      });
      // …while the old position's opening order belongs to a closed position.
      const third = await purchaseOrder(wallet, { ...BTC_LONG, instId: 'BTC-USDT-261225' });
      expect(await verify({ purchaseOrderId: third, wallet, ordId: old.ordId, instId: 'BTC-USDT-261225' })).toEqual(refusal('OKX_POSITION_NOT_OPEN', 409));
    });
  });

  describe('every refusal, with its reason code', () => {
    it('PURCHASE_ORDER_NOT_FOUND: no PolicyCreated and no terms', async () => {
      const { wallet, account } = await trader();
      const position = await open(account);
      expect(await verify({ purchaseOrderId: randomUUID(), wallet, ordId: position.ordId, instId: 'BTC-USDT-SWAP' })).toEqual(refusal('PURCHASE_ORDER_NOT_FOUND', 404));
    });

    it("FORBIDDEN: another wallet's purchase order", async () => {
      const { wallet, account } = await trader();
      const position = await open(account);
      const theirs = await purchaseOrder(randomWallet());
      expect(await verify({ purchaseOrderId: theirs, wallet, ordId: position.ordId, instId: 'BTC-USDT-SWAP' })).toEqual(refusal('FORBIDDEN', 403));
    });

    it('OKX_ACCOUNT_NOT_LINKED: the wallet linked no OKX key', async () => {
      const wallet = randomWallet();
      const purchaseOrderId = await purchaseOrder(wallet);
      expect(await verify({ purchaseOrderId, wallet, ordId: '123', instId: 'BTC-USDT-SWAP' })).toEqual(refusal('OKX_ACCOUNT_NOT_LINKED', 409));
    });

    it("OKX_ORDER_NOT_FOUND: no such order, or an order on someone else's account", async () => {
      const { wallet } = await trader();
      const other = await trader();
      const theirs = await open(other.account);
      const purchaseOrderId = await purchaseOrder(wallet);
      expect(await verify({ purchaseOrderId, wallet, ordId: '99999999999', instId: 'BTC-USDT-SWAP' })).toEqual(refusal('OKX_ORDER_NOT_FOUND', 404));
      expect(await verify({ purchaseOrderId, wallet, ordId: theirs.ordId, instId: 'BTC-USDT-SWAP' })).toEqual(refusal('OKX_ORDER_NOT_FOUND', 404));
    });

    it('OKX_ORDER_NOT_OPENING: the liquidation order (a separate system order), and a reduce-only close', async () => {
      const { wallet, account } = await trader();
      const position = await open(account, { sz: 4 });
      const liquidation = await sim.control<{ ordId: string; category: string }>('liquidations', { uid: account.uid, posId: position.posId, kind: 'partial', sz: 1 });
      expect(liquidation.category).toBe('partial_liquidation');
      const close = await sim.control<{ ordId: string }>('close', { uid: account.uid, posId: position.posId, sz: 1 });
      const purchaseOrderId = await purchaseOrder(wallet);
      const liqReply = await verify({ purchaseOrderId, wallet, ordId: liquidation.ordId, instId: 'BTC-USDT-SWAP' });
      expect(liqReply).toEqual(refusal('OKX_ORDER_NOT_OPENING', 409));
      expect(!liqReply.ok && liqReply.error.message).toContain('partial_liquidation');
      const closeReply = await verify({ purchaseOrderId, wallet, ordId: close.ordId, instId: 'BTC-USDT-SWAP' });
      expect(closeReply).toEqual(refusal('OKX_ORDER_NOT_OPENING', 409));
    });

    it('OKX_ORDER_NOT_FILLED: an order still live', async () => {
      const { wallet, account } = await trader();
      const live = await sim.control<{ ordId: string }>('orders', { uid: account.uid, instId: 'BTC-USDT-SWAP', side: 'buy', posSide: 'long', tdMode: 'isolated', sz: 1, px: 50000, lever: 20 });
      const purchaseOrderId = await purchaseOrder(wallet);
      expect(await verify({ purchaseOrderId, wallet, ordId: live.ordId, instId: 'BTC-USDT-SWAP' })).toEqual(refusal('OKX_ORDER_NOT_FILLED', 409));
    });

    it('OKX_POSITION_NOT_OPEN: the position the order opened was closed', async () => {
      const { wallet, account } = await trader();
      const position = await open(account);
      await sim.control('close', { uid: account.uid, posId: position.posId });
      const purchaseOrderId = await purchaseOrder(wallet);
      expect(await verify({ purchaseOrderId, wallet, ordId: position.ordId, instId: 'BTC-USDT-SWAP' })).toEqual(refusal('OKX_POSITION_NOT_OPEN', 409));
    });

    it('OKX_ORDER_MISMATCH: instrument, side, margin mode or leverage other than quoted', async () => {
      const { wallet, account } = await trader();
      const position = await open(account);
      const cases: [Partial<QuoteTerms>, string, RegExp][] = [
        [{ instId: 'ETH-USDT-SWAP' }, 'BTC-USDT-SWAP', /not the quoted ETH-USDT-SWAP/],
        [{ posSide: 'short' }, 'BTC-USDT-SWAP', /side long \(quote: short\)/],
        [{ mgnMode: 'cross' }, 'BTC-USDT-SWAP', /margin mode isolated \(quote: cross\)/],
        [{ lever: '25' }, 'BTC-USDT-SWAP', /leverage 20 \(quote: 25\)/],
      ];
      for (const [terms, instId, message] of cases) {
        const purchaseOrderId = await purchaseOrder(wallet, { ...BTC_LONG, ...terms });
        const reply = await verify({ purchaseOrderId, wallet, ordId: position.ordId, instId });
        expect(reply).toEqual(refusal('OKX_ORDER_MISMATCH', 409));
        expect(!reply.ok && reply.error.message).toMatch(message);
      }
    });

    it('TOO_CLOSE_TO_LIQUIDATION: the mark is within the configured distance of the liquidation price', async () => {
      const { wallet, account } = await trader();
      const position = await open(account, { instId: 'SOL-USDT-SWAP', avgPx: 150, lever: 50, mgnMode: 'isolated' });
      const purchaseOrderId = await purchaseOrder(wallet, { ...BTC_LONG, instId: 'SOL-USDT-SWAP', lever: '50' });
      const nearLiquidation = (Number(position.liqPx) * 1.003).toFixed(3); // 30 bp away, under the 50 bp default
      await sim.control('mark-price', { instId: 'SOL-USDT-SWAP', markPx: nearLiquidation });
      try {
        const reply = await verify({ purchaseOrderId, wallet, ordId: position.ordId, instId: 'SOL-USDT-SWAP' });
        expect(reply).toEqual(refusal('TOO_CLOSE_TO_LIQUIDATION', 409));
        expect(!reply.ok && reply.error.message).toContain(position.liqPx);
      } finally {
        await sim.control('mark-price', { instId: 'SOL-USDT-SWAP', markPx: '150' });
      }
      expect((await verify({ purchaseOrderId, wallet, ordId: position.ordId, instId: 'SOL-USDT-SWAP' })).ok).toBe(true);
    });

    it('POSITION_ALREADY_INSURED: a second policy on the same position (posId + cTime)', async () => {
      const { wallet, account } = await trader();
      const position = await open(account);
      const added = await open(account, { sz: 1 });
      expect((await verify({ purchaseOrderId: await purchaseOrder(wallet), wallet, ordId: position.ordId, instId: 'BTC-USDT-SWAP' })).ok).toBe(true);
      const second = await purchaseOrder(wallet);
      expect(await verify({ purchaseOrderId: second, wallet, ordId: position.ordId, instId: 'BTC-USDT-SWAP' })).toEqual(refusal('POSITION_ALREADY_INSURED', 409));
      expect(await verify({ purchaseOrderId: second, wallet, ordId: added.ordId, instId: 'BTC-USDT-SWAP' })).toEqual(refusal('POSITION_ALREADY_INSURED', 409));
    });

    it('POSITION_ALREADY_INSURED is a database rule: of two concurrent bindings of one position, one wins', async () => {
      const { wallet, account } = await trader();
      const position = await open(account, { instId: 'ETH-USDT-SWAP', avgPx: 3000, posSide: 'short', side: 'sell' });
      const terms = { ...BTC_LONG, instId: 'ETH-USDT-SWAP', posSide: 'short' as const };
      const [a, b] = await Promise.all([purchaseOrder(wallet, terms), purchaseOrder(wallet, terms)]);
      const replies = await Promise.all([a, b].map((purchaseOrderId) => verify({ purchaseOrderId, wallet, ordId: position.ordId, instId: 'ETH-USDT-SWAP' })));
      expect(replies.filter((r) => r.ok)).toHaveLength(1);
      expect(replies.filter((r) => !r.ok)).toEqual([refusal('POSITION_ALREADY_INSURED', 409)]);
      expect(await service.sql('SELECT 1 FROM bindings WHERE pos_id = $1', [position.posId])).toHaveLength(1);
      // The rule holds below the service too: the table refuses a second row for the position.
      await expect(
        service.sql(
          `INSERT INTO bindings (purchase_order_id, wallet, linked_account_id, okx_uid, ord_id, inst_id, pos_id, pos_c_time, okx_meta, bound_at)
           SELECT $1, wallet, linked_account_id, okx_uid, ord_id, inst_id, pos_id, pos_c_time, okx_meta, now() FROM bindings WHERE pos_id = $2`,
          [randomUUID(), position.posId],
        ),
      ).rejects.toThrow(/bindings_position_unique/);
    });

    it('PURCHASE_ORDER_ALREADY_BOUND: a bound purchase order cannot take another order', async () => {
      const { wallet, account } = await trader();
      const first = await open(account, { instId: 'ETH-USDT-SWAP', avgPx: 3000, mgnMode: 'cross' });
      const other = await open(account, { instId: 'ETH-USDT-SWAP', avgPx: 3010, mgnMode: 'cross' });
      const purchaseOrderId = await purchaseOrder(wallet, { ...BTC_LONG, instId: 'ETH-USDT-SWAP', mgnMode: 'cross' });
      expect((await verify({ purchaseOrderId, wallet, ordId: first.ordId, instId: 'ETH-USDT-SWAP' })).ok).toBe(true);
      expect(await verify({ purchaseOrderId, wallet, ordId: other.ordId, instId: 'ETH-USDT-SWAP' })).toEqual(refusal('PURCHASE_ORDER_ALREADY_BOUND', 409));
    });

    it('OKX_KEY_INVALID (409): the linked key was deleted on OKX', async () => {
      const { wallet, account } = await trader();
      const position = await open(account);
      const purchaseOrderId = await purchaseOrder(wallet);
      await sim.control('keys/revoke', { apiKey: account.apiKey });
      expect(await verify({ purchaseOrderId, wallet, ordId: position.ordId, instId: 'BTC-USDT-SWAP' })).toEqual(refusal('OKX_KEY_INVALID', 409));
    });

    it('OKX_UNAVAILABLE (503): OKX keeps failing', async () => {
      const { wallet, account } = await trader();
      const position = await open(account);
      const purchaseOrderId = await purchaseOrder(wallet);
      await sim.setFault({ path: '/api/v5/account/positions', errorCode: 503 });
      try {
        expect(await verify({ purchaseOrderId, wallet, ordId: position.ordId, instId: 'BTC-USDT-SWAP' })).toEqual(refusal('OKX_UNAVAILABLE', 503));
      } finally {
        await sim.clearFaults();
      }
      expect(await service.sql('SELECT 1 FROM bindings WHERE purchase_order_id = $1', [purchaseOrderId])).toEqual([]);
    });

    it('VALIDATION_FAILED: a malformed request', async () => {
      expect(await verify({ purchaseOrderId: 'not-a-uuid', wallet: 'nope', ordId: 'x', instId: 'btc' })).toEqual(refusal('VALIDATION_FAILED', 400));
    });

    it('counts refusals by reason in /metrics', async () => {
      const text = await (await fetch(`${service.baseUrl}/metrics`)).text();
      for (const reason of ['OKX_ORDER_NOT_OPENING', 'TOO_CLOSE_TO_LIQUIDATION', 'POSITION_ALREADY_INSURED']) {
        expect(text).toMatch(new RegExp(`liqpass_okx_binding_refusals_total\\{[^}]*reason="${reason}"[^}]*\\} [1-9]`));
      }
    });
  });

  it('reports OKX in /health', async () => {
    const response = await fetch(`${service.baseUrl}/health`);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { okx: { status: 'ok' }, database: { status: 'ok' }, nats: { status: 'ok' } } });
    await sim.setFault({ path: '/api/v5/public/mark-price', errorCode: 503 });
    try {
      const down = await fetch(`${service.baseUrl}/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ checks: { okx: { status: 'down', detail: expect.stringContaining('50001') } } });
    } finally {
      await sim.clearFaults();
    }
  });
});
