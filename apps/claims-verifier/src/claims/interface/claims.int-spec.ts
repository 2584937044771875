import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OkxSimProcess } from '@liqpass/okx-client';
import { eventually } from '@liqpass/testing';
import { ClaimsTestApp, randomWallet } from '../../testing/claims-test-app';

const REVIEWER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const reviewer = { kind: 'wallet', wallet: REVIEWER, roles: ['reviewer'] };
const CLI = resolve(__dirname, '../../../../../libs/evidence/bin/liqpass-evidence.cjs');

/**
 * Claims end to end on real Postgres, NATS and the OKX simulator process; okx-binding's
 * `account.read` is stood in by a real RpcServer that reads the simulator with the trader's key.
 * (RPC replies here are what the gateway would forward; the routes are in its routing table.)
 */
describe('claims: triggers, verification against OKX, evidence, review', () => {
  let sim: OkxSimProcess;
  let service: ClaimsTestApp;

  beforeAll(async () => {
    sim = await OkxSimProcess.start();
    service = await ClaimsTestApp.start('claims_verifier', sim, { VERIFY_DEADLINE_MS: '4000', OKX_BINDING_ATTEMPT_MS: '1200' });
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    await sim?.stop();
  });

  it('a full liquidation inside coverage: VERIFIED_PENDING_REVIEW, sealed evidence the CLI accepts (and refuses tampered), approved with ClaimApproved', async () => {
    const insured = await service.insure();
    const liquidation = await sim.control<{ ordId: string; fillTime: string }>('liquidations', { uid: insured.account.uid, posId: insured.position.posId, kind: 'full' });
    const opened = await service.claim(insured);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(opened.data.status).toBe('VERIFYING');
    const claim = await service.decided(insured, opened.data.id);
    expect(claim).toMatchObject({ status: 'VERIFIED_PENDING_REVIEW', okxEventId: liquidation.ordId, liquidationKind: 'FULL', liquidationTimeMs: Number(liquidation.fillTime), payoutAmountUsdc: '500' });

    const evidence = await service.call<Record<string, unknown>>('claims.evidence', { caller: { kind: 'wallet', wallet: insured.wallet }, params: { id: opened.data.id }, query: {}, body: {} });
    if (!evidence.ok) throw new Error(JSON.stringify(evidence.error));
    expect(evidence.data).toMatchObject({ claimId: opened.data.id, orderId: insured.orderId, root: claim['evidenceRoot'] });
    const dir = mkdtempSync(join(tmpdir(), 'claims-evidence-'));
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify(evidence.data));
    expect(spawnSync(process.execPath, [CLI, 'verify', join(dir, 'bundle.json')], { encoding: 'utf8' }).status).toBe(0);
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(evidence.data).replace(`"ordId":"${liquidation.ordId}"`, `"ordId":"${liquidation.ordId}0"`));
    expect(spawnSync(process.execPath, [CLI, 'verify', join(dir, 'tampered.json')], { encoding: 'utf8' }).status).toBe(1);

    const detail = await service.call<{ rootCheck: { ok: boolean } }>('admin.claims.get', { caller: reviewer, params: { id: opened.data.id }, query: {}, body: {} });
    expect(detail).toMatchObject({ ok: true, data: { rootCheck: { ok: true } } });
    // The reviewer's copy is the very bundle the trader downloads (bodies and leaves included), for a claim the reviewer does not own.
    const reviewerCopy = await service.call<Record<string, unknown>>('admin.claims.evidence', { caller: reviewer, params: { id: opened.data.id }, query: {}, body: {} });
    expect(reviewerCopy).toEqual({ ok: true, data: evidence.data });
    const unknown = await service.call('admin.claims.evidence', { caller: reviewer, params: { id: randomUUID() }, query: {}, body: {} });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const approved = await service.call('admin.claims.approve', { caller: reviewer, params: { id: opened.data.id }, query: {}, body: {} });
    expect(approved).toMatchObject({ ok: true, data: { status: 'APPROVED_PENDING_MULTISIG', approvedBy: REVIEWER } });
    const outbox = await service.sql<{ type: string; payload: Record<string, unknown> }>(`SELECT type, envelope->'payload' AS payload FROM outbox WHERE envelope->'payload'->>'claimId' = $1 ORDER BY created_at`, [opened.data.id]);
    expect(outbox.map((row) => row.type)).toEqual(['ClaimRequested', 'ClaimVerified', 'ClaimApproved']);
    expect(outbox[2]!.payload).toMatchObject({ approvedBy: REVIEWER, payoutAmountUsdc: '500000000', evidenceRoot: claim['evidenceRoot'] });
    // Every status change audited, in order, with who made it.
    const trail = await service.sql<{ from_status: string | null; to_status: string; actor: string }>('SELECT from_status, to_status, actor FROM claim_transitions WHERE claim_id = $1 ORDER BY id', [opened.data.id]);
    expect(trail).toEqual([
      { from_status: null, to_status: 'VERIFYING', actor: insured.wallet.toLowerCase() },
      { from_status: 'VERIFYING', to_status: 'VERIFIED_PENDING_REVIEW', actor: 'verifier' },
      { from_status: 'VERIFIED_PENDING_REVIEW', to_status: 'APPROVED_PENDING_MULTISIG', actor: expect.stringMatching(/^0x70997970c51812dc3a010c7d01b50e0d17dc79c8$/i) },
    ]);
  }, 40_000);

  it('a partial liquidation pays the fixed amount scaled by liquidated ÷ insured size, the insured size as bound', async () => {
    // Bound when the position held 4 (the trader had added to it after the insuring order's 2).
    const insured = await service.insure({ posSzAtBind: '4' });
    await sim.control('liquidations', { uid: insured.account.uid, posId: insured.position.posId, kind: 'partial', sz: 1 });
    const opened = await service.claim(insured);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(await service.decided(insured, opened.data.id)).toMatchObject({ status: 'VERIFIED_PENDING_REVIEW', liquidationKind: 'PARTIAL', payoutAmountUsdc: '125' });
  }, 30_000);

  it('a reviewer rejects a verified claim: REJECTED with REJECTED_BY_REVIEWER and their reason', async () => {
    const insured = await service.insure();
    await sim.control('liquidations', { uid: insured.account.uid, posId: insured.position.posId, kind: 'full' });
    const opened = await service.claim(insured);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(await service.decided(insured, opened.data.id)).toMatchObject({ status: 'VERIFIED_PENDING_REVIEW' });
    const rejected = await service.call('admin.claims.reject', { caller: reviewer, params: { id: opened.data.id }, query: {}, body: { reason: 'the same uid claimed from three wallets' } });
    expect(rejected).toMatchObject({ ok: true, data: { status: 'REJECTED', reasonCode: 'REJECTED_BY_REVIEWER' } });
    const [event] = await service.sql<{ payload: Record<string, unknown> }>(`SELECT envelope->'payload' AS payload FROM outbox WHERE type = 'ClaimRejected' AND envelope->'payload'->>'claimId' = $1`, [opened.data.id]);
    expect(event!.payload).toMatchObject({ reasonCode: 'REJECTED_BY_REVIEWER', rejectedBy: 'REVIEWER', reviewer: REVIEWER, note: 'the same uid claimed from three wallets' });
  }, 30_000);

  it('an approved claim becomes PAID once the payout is executed on-chain, once, whatever the redeliveries', async () => {
    const insured = await service.insure();
    await sim.control('liquidations', { uid: insured.account.uid, posId: insured.position.posId, kind: 'full' });
    const opened = await service.claim(insured);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    await service.decided(insured, opened.data.id);
    expect(await service.call('admin.claims.approve', { caller: reviewer, params: { id: opened.data.id }, query: {}, body: {} })).toMatchObject({ ok: true });
    const executed = {
      payoutId: randomUUID(), claimId: opened.data.id, chainId: 31337, safeAddress: '0xbbd3e9fbd4e418889bc3b6b2a12c2ea510ace7ff', safeTxHash: `0x${'ab'.repeat(32)}`,
      safeNonce: 0, recipient: insured.wallet, token: '0xb7f8bc63bbcad18155201308c8f3540b07f84f5e', amountUsdc: '500000000',
      txHash: `0x${'cd'.repeat(32)}`, blockNumber: 42, executedAt: new Date().toISOString(),
    };
    // The same fact twice, as two events (a relay retried past the duplicate window).
    await service.publish('PayoutExecuted', executed);
    await service.publish('PayoutExecuted', executed);
    const paid = await eventually(async () => {
      const reply = await service.call<Record<string, unknown>>('claims.get', { caller: { kind: 'wallet', wallet: insured.wallet }, params: { id: opened.data.id }, query: {}, body: {} });
      return reply.ok && reply.data['status'] === 'PAID' ? reply.data : null;
    });
    expect(paid).toMatchObject({ status: 'PAID', multisigTxHash: executed.txHash });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = await service.sql(`SELECT type FROM outbox WHERE type = 'ClaimPaid' AND envelope->'payload'->>'claimId' = $1`, [opened.data.id]);
    expect(events).toHaveLength(1);
  }, 30_000);

  it('ADL is not a liquidation: REJECTED with NO_LIQUIDATION_FOUND', async () => {
    const insured = await service.insure({ instId: 'ETH-USDT-SWAP' });
    await sim.control('adl', { uid: insured.account.uid, posId: insured.position.posId });
    const opened = await service.claim(insured);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(await service.decided(insured, opened.data.id)).toMatchObject({ status: 'REJECTED', reasonCode: 'NO_LIQUIDATION_FOUND' });
  }, 30_000);

  it('a liquidation in the waiting period: REJECTED with IN_WAITING_PERIOD', async () => {
    const insured = await service.insure({ instId: 'SOL-USDT-SWAP', coverageStartAt: new Date(Date.now() + 3_600_000) });
    await sim.control('liquidations', { uid: insured.account.uid, posId: insured.position.posId, kind: 'partial' });
    const opened = await service.claim(insured);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(await service.decided(insured, opened.data.id)).toMatchObject({ status: 'REJECTED', reasonCode: 'IN_WAITING_PERIOD' });
  }, 30_000);

  it('OKX 5xx: retried, then FAILED with OKX_UNAVAILABLE; the trader retries once OKX is back and it verifies', async () => {
    const insured = await service.insure();
    await sim.control('liquidations', { uid: insured.account.uid, posId: insured.position.posId, kind: 'full' });
    await sim.setFault({ path: '/api/v5/account/positions-history', errorRate: 1, errorCode: 503 });
    try {
      const opened = await service.claim(insured);
      if (!opened.ok) throw new Error(JSON.stringify(opened.error));
      expect(await service.decided(insured, opened.data.id)).toMatchObject({ status: 'FAILED', reasonCode: 'OKX_UNAVAILABLE' });
    } finally {
      await sim.clearFaults();
    }
    const retried = await service.claim(insured);
    expect(retried).toMatchObject({ ok: true, data: { status: 'VERIFYING', attempts: 2 } });
    if (!retried.ok) return;
    expect(await service.decided(insured, retried.data.id)).toMatchObject({ status: 'VERIFIED_PENDING_REVIEW' });
  }, 40_000);

  it('OKX slower than the deadline: FAILED with VERIFY_TIMEOUT, never left in VERIFYING', async () => {
    const insured = await service.insure();
    await sim.setFault({ path: '/api/v5/trade/orders-history', latencyMs: 6000 });
    try {
      const opened = await service.claim(insured);
      if (!opened.ok) throw new Error(JSON.stringify(opened.error));
      expect(await service.decided(insured, opened.data.id)).toMatchObject({ status: 'FAILED', reasonCode: 'VERIFY_TIMEOUT' });
    } finally {
      await sim.clearFaults();
    }
  }, 40_000);

  it('okx-binding dying with the request: asked again inside the deadline, and the claim verifies', async () => {
    const insured = await service.insure();
    await sim.control('liquidations', { uid: insured.account.uid, posId: insured.position.posId, kind: 'full' });
    const before = service.okxBinding.requests.length;
    service.okxBinding.leaveUnanswered(1);
    const opened = await service.claim(insured);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(await service.decided(insured, opened.data.id)).toMatchObject({ status: 'VERIFIED_PENDING_REVIEW' });
    expect(service.okxBinding.requests.length - before).toBe(2);
  }, 30_000);

  it('okx-binding never answering: FAILED with VERIFY_TIMEOUT inside the deadline after several tries', async () => {
    const insured = await service.insure();
    const before = service.okxBinding.requests.length;
    service.okxBinding.leaveUnanswered(100);
    try {
      const opened = await service.claim(insured);
      if (!opened.ok) throw new Error(JSON.stringify(opened.error));
      expect(await service.decided(insured, opened.data.id)).toMatchObject({ status: 'FAILED', reasonCode: 'VERIFY_TIMEOUT' });
      expect(service.okxBinding.requests.length - before).toBeGreaterThanOrEqual(3);
    } finally {
      service.okxBinding.leaveUnanswered(0);
    }
  }, 30_000);

  it('preconditions and duplicates: another wallet, unknown policy, a second claim, the internal trigger twice', async () => {
    const insured = await service.insure();
    expect(await service.claim({ ...insured, wallet: randomWallet() })).toMatchObject({ ok: false, error: { code: 'PURCHASE_ORDER_NOT_FOUND', status: 404 } });
    await sim.control('liquidations', { uid: insured.account.uid, posId: insured.position.posId, kind: 'full' });
    const trigger = { caller: { kind: 'internal' }, params: {}, query: {}, body: { purchaseOrderId: insured.purchaseOrderId, claimant: insured.wallet } };
    const first = await service.call<{ id: string }>('claims.onchainTrigger', trigger);
    const second = await service.call<{ id: string }>('claims.onchainTrigger', trigger);
    expect(first.ok && second.ok && first.data.id === second.data.id).toBe(true);
    await eventually(async () => (await service.sql(`SELECT 1 FROM insurance_claims WHERE purchase_order_id = $1 AND status <> 'VERIFYING'`, [insured.purchaseOrderId])).length === 1, 15_000);
    expect(await service.claim(insured)).toMatchObject({ ok: false, error: { code: 'ALREADY_CLAIMED', status: 409 } });
    expect(await service.sql('SELECT id FROM insurance_claims WHERE purchase_order_id = $1', [insured.purchaseOrderId])).toHaveLength(1);
  }, 30_000);

  it('a trader lists only their own claims, newest first, paged, with the total of all of them', async () => {
    const wallet = randomWallet();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const insured = await service.insure({ wallet });
      const opened = await service.claim(insured);
      if (!opened.ok) throw new Error(JSON.stringify(opened.error));
      ids.push(opened.data.id);
    }
    await service.claim(await service.insure()); // someone else's
    const list = (query: Record<string, unknown>) => service.call<{ items: { id: string }[]; total: number; limit: number; offset: number }>('claims.list', { caller: { kind: 'wallet', wallet }, params: {}, query, body: {} });
    const first = await list({ limit: 2, offset: 0 });
    expect(first).toMatchObject({ ok: true, data: { total: 3, limit: 2, offset: 0 } });
    expect(first.ok && first.data.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    const second = await list({ limit: 2, offset: 2 });
    expect(second.ok && [second.data.total, second.data.items.map((item) => item.id)]).toEqual([3, [ids[0]]]);
    const beyond = await list({ limit: 2, offset: 10 });
    expect(beyond.ok && [beyond.data.total, beyond.data.items]).toEqual([3, []]);
    const stranger = await service.call<{ items: unknown[]; total: number }>('claims.list', { caller: { kind: 'wallet', wallet: randomWallet() }, params: {}, query: {}, body: {} });
    expect(stranger.ok && [stranger.data.total, stranger.data.items]).toEqual([0, []]);
  }, 30_000);

  it('a claim pressed before this service has seen PolicyActivated waits for it (read-your-writes) instead of a 409; a stranger is refused at once', async () => {
    const insured = await service.insure();
    await sim.control('liquidations', { uid: insured.account.uid, posId: insured.position.posId, kind: 'full' });
    // The read model one event behind the policy service: not yet paid.
    const [{ paid_at: paidAt }] = await service.sql<{ paid_at: Date }>('SELECT paid_at FROM policies WHERE purchase_order_id = $1', [insured.purchaseOrderId]);
    await service.sql('UPDATE policies SET paid_at = NULL WHERE purchase_order_id = $1', [insured.purchaseOrderId]);
    const started = Date.now();
    const opening = service.claim(insured);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await service.sql('UPDATE policies SET paid_at = $2 WHERE purchase_order_id = $1', [insured.purchaseOrderId, paidAt]); // PolicyActivated arrives
    const opened = await opening;
    expect(opened).toMatchObject({ ok: true, data: { status: 'VERIFYING' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);

    const before = Date.now();
    expect(await service.claim({ ...insured, wallet: randomWallet() })).toMatchObject({ ok: false, error: { code: 'PURCHASE_ORDER_NOT_FOUND' } });
    expect(Date.now() - before).toBeLessThan(1_000);
  }, 30_000);
});
