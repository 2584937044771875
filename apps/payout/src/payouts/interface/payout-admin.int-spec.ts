import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAddress } from 'ethers';
import { payoutProposedV1 } from '@liqpass/events';
import type { Registry } from '@liqpass/observability';
import { METRICS_REGISTRY } from '@liqpass/service-kit';
import { eventually } from '@liqpass/testing';
import type { PayoutView } from '../application/payout-view';
import type { TreasuryStatus } from '../application/treasury-monitor';
import { ERC20_TRANSFER, type SafeTx } from '../domain/safe-tx';
import { PayoutTestEnv } from '../../testing/payout-test-env';

const USDC = 1_000_000n;
const TIMEOUT = 20_000;

/**
 * The payout service's admin actions beyond the happy path, on a real anvil (FiatToken USDC,
 * Safe 1.5 2-of-3), Postgres and NATS: the treasury status behind GET /admin/reconciliation's
 * alerts, releasing a HELD payout, and the Safe Transaction Builder export.
 */
describe('payout admin: treasury alerts, releasing held payouts, Transaction Builder export', () => {
  let env: PayoutTestEnv;

  beforeAll(async () => {
    env = await PayoutTestEnv.open('admin');
    // Floor 1,000 USDC, hot-balance ceiling 50,000 USDC, per-claim cap 1,000 USDC.
    await env.start({ PAYOUT_TREASURY_FLOOR_USDC: '1000', TREASURY_HOT_BALANCE_LIMIT_USDC: '50000', PAYOUT_PER_CLAIM_CAP_USDC: '1000' });
  }, 60_000);

  afterAll(async () => {
    await env?.close();
  });

  const errorOf = (reply: { ok: boolean; error?: { code: string; status: number } }) => (reply.ok ? 'accepted' : `${reply.error!.status} ${reply.error!.code}`);
  const status = async () => {
    const reply = await env.rpc<TreasuryStatus>('treasury.status', {});
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data;
  };
  const alertGauge = async () => {
    const metric = await env.app!.get<Registry>(METRICS_REGISTRY).getSingleMetric('liqpass_treasury_alert')!.get();
    return Object.fromEntries(metric.values.map((v) => [String(v.labels.alert), v.value]));
  };

  it('reports the treasury below its floor, within its limits, and above its hot-balance ceiling, as the metrics do', async () => {
    const empty = await status();
    expect(empty).toMatchObject({ chainId: env.chain.chainId, safeAddress: env.chain.treasurySafe, balanceUsdc: '0', floorUsdc: String(1000n * USDC), hotBalanceCeilingUsdc: String(50_000n * USDC) });
    expect(empty.alerts.map((a) => a.kind)).toEqual(['TREASURY_BELOW_FLOOR']);
    expect(await alertGauge()).toEqual({ below_floor: 1, above_ceiling: 0 });

    await env.fundTreasury(2_000n * USDC);
    const fine = await status();
    expect(fine).toMatchObject({ balanceUsdc: String(2_000n * USDC), alerts: [] });
    expect(await alertGauge()).toEqual({ below_floor: 0, above_ceiling: 0 });

    await env.fundTreasury(60_000n * USDC);
    const over = await status();
    expect(over.alerts).toEqual([{ kind: 'TREASURY_ABOVE_CEILING', detail: expect.stringContaining(String(62_000n * USDC)) }]);
    expect(await alertGauge()).toEqual({ below_floor: 0, above_ceiling: 1 });
  });

  it('releases a HELD payout only for finance, never for the approver, with a reason; then it pays like any other', async () => {
    const recipient = env.trader(1).address;
    const approved = await env.publishClaimApproved({ recipient, payoutAmountUsdc: String(1_500n * USDC) });
    const held = await env.payoutOf(approved.payload.claimId, 'HELD');
    expect(held).toMatchObject({ heldReason: 'PER_CLAIM_CAP_EXCEEDED', nonce: null, safeTxHash: null });

    const reason = { reason: 'one large full liquidation, reviewed with the risk team' };
    const noRole = { kind: 'wallet' as const, wallet: env.owner(0).address, roles: [] };
    expect(errorOf(await env.admin('admin.payouts.release', held.id, reason, noRole))).toBe('403 FORBIDDEN');
    const approver = { kind: 'wallet' as const, wallet: env.reviewer.address, roles: ['finance', 'reviewer'] };
    expect(errorOf(await env.admin('admin.payouts.release', held.id, reason, approver))).toBe('403 FORBIDDEN');
    expect(errorOf(await env.admin('admin.payouts.release', held.id, { reason: ' ' }))).toBe('400 VALIDATION_FAILED');
    expect(env.published('PayoutProposed').filter((e) => e.payload.claimId === approved.payload.claimId)).toEqual([]);

    const released = await env.admin<PayoutView>('admin.payouts.release', held.id, reason);
    if (!released.ok) throw new Error(released.error.message);
    const view = released.data;
    expect(view).toMatchObject({ status: 'PROPOSED', heldReason: null, releasedBy: env.finance.address, nonce: await env.safeNonce(), recipient, amountUsdc: String(1_500n * USDC) });
    expect(view.releaseReason).toBe(`PER_CLAIM_CAP_EXCEEDED: ${reason.reason}`);
    expect(view.safeTxHash).toBe(await env.contractSafeTxHash(view.typedData!.message as SafeTx));
    const proposed = await eventually(async () => env.published('PayoutProposed').find((e) => e.payload.claimId === approved.payload.claimId), TIMEOUT);
    expect(payoutProposedV1.parse(proposed.payload)).toMatchObject({ payoutId: held.id, safeTxHash: view.safeTxHash, safeNonce: view.nonce });
    expect(errorOf(await env.admin('admin.payouts.release', held.id, reason))).toBe('409 INVALID_STATUS_TRANSITION');

    const before = await env.usdcBalance(recipient);
    const txHash = await env.signAndExecute(view);
    await env.mine(2);
    const [paid] = await eventually(async () => {
      const events = env.published('PayoutExecuted').filter((e) => e.payload.claimId === approved.payload.claimId);
      return events.length > 0 ? events : null;
    }, TIMEOUT);
    expect(paid!.payload).toMatchObject({ txHash, safeTxHash: view.safeTxHash });
    expect(await env.usdcBalance(recipient)).toBe(before + 1_500n * USDC);
  }, 60_000);

  it('refuses to release a held payout the treasury cannot cover', async () => {
    const approved = await env.publishClaimApproved({ payoutAmountUsdc: String(70_000n * USDC) });
    const held = await env.payoutOf(approved.payload.claimId, 'HELD');
    const refused = await env.admin('admin.payouts.release', held.id, { reason: 'try anyway' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATUS_TRANSITION', status: 409, message: expect.stringContaining('cannot cover') } });
    expect((await env.payoutOf(approved.payload.claimId)).status).toBe('HELD');
  });

  it('exports PROPOSED payouts as a Safe Transaction Builder batch: all, or the listed ones, for finance only', async () => {
    const first = await env.publishClaimApproved({ recipient: env.trader(2).address, payoutAmountUsdc: String(120n * USDC) });
    const second = await env.publishClaimApproved({ recipient: env.trader(3).address, payoutAmountUsdc: String(80n * USDC) });
    const [a, b] = [await env.payoutOf(first.payload.claimId, 'PROPOSED'), await env.payoutOf(second.payload.claimId, 'PROPOSED')];
    type Batch = { version: string; chainId: string; meta: { createdFromSafeAddress: string; description: string }; transactions: { to: string; value: string; contractInputsValues: { to: string; value: string } }[] };

    const all = await env.admin<Batch>('admin.payouts.export', null, null, env.financeCaller(), {});
    if (!all.ok) throw new Error(all.error.message);
    expect(all.data).toMatchObject({ version: '1.0', chainId: String(env.chain.chainId), meta: { createdFromSafeAddress: env.chain.treasurySafe } });
    expect(all.data.transactions.map((t) => t.contractInputsValues)).toEqual(
      expect.arrayContaining([{ to: getAddress(a.recipient), value: a.amountUsdc }, { to: getAddress(b.recipient), value: b.amountUsdc }]),
    );
    const proposedCount = (await env.payouts()).filter((p) => p.status === 'PROPOSED').length;
    expect(all.data.transactions).toHaveLength(proposedCount);

    // One payout: the call the Safe UI builds from the file is the one the owners sign here.
    const one = await env.admin<Batch>('admin.payouts.export', null, null, env.financeCaller(), { ids: [a.id] });
    if (!one.ok) throw new Error(one.error.message);
    expect(one.data.transactions).toHaveLength(1);
    const [tx] = one.data.transactions;
    expect({ to: tx!.to, value: tx!.value }).toEqual({ to: env.chain.usdc, value: '0' });
    expect(ERC20_TRANSFER.encodeFunctionData('transfer', [tx!.contractInputsValues.to, BigInt(tx!.contractInputsValues.value)])).toBe(a.data);
    expect(one.data.meta.description).toContain(`claim ${a.claimId}`);

    const held = (await env.payouts()).find((p) => p.status === 'HELD')!;
    expect(errorOf(await env.admin('admin.payouts.export', null, null, env.financeCaller(), { ids: [a.id, held.id] }))).toBe('409 INVALID_STATUS_TRANSITION');
    expect(errorOf(await env.admin('admin.payouts.export', null, null, { kind: 'wallet', wallet: env.reviewer.address, roles: ['reviewer'] }, {}))).toBe('403 FORBIDDEN');
  }, 60_000);
});
