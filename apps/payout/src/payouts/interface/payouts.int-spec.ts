import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexlify, randomBytes } from 'ethers';
import { payoutExecutedV1, payoutProposedV1 } from '@liqpass/events';
import { eventually } from '@liqpass/testing';
import type { PayoutView } from '../application/payout-view';
import { usdcTransferSafeTx, type SafeTx } from '../domain/safe-tx';
import { PayoutTestEnv } from '../../testing/payout-test-env';

const USDC = 1_000_000n;
const TIMEOUT = 20_000;

/**
 * The real payout service on a real anvil (FiatToken v2.2 USDC, Safe 1.5 2-of-3 treasury),
 * Postgres and NATS: ClaimApproved → one proposed SafeTx → owner signatures → execution →
 * on-chain check → PayoutExecuted; every refusal of the acceptance list.
 */
describe('payout: ClaimApproved to a Safe payout checked on-chain', () => {
  let env: PayoutTestEnv;

  beforeAll(async () => {
    env = await PayoutTestEnv.open('flow');
    await env.fundTreasury(100_000n * USDC);
    // Per-claim cap 1,000 USDC, 1,500 USDC a day.
    await env.start({ PAYOUT_PER_CLAIM_CAP_USDC: '1000', PAYOUT_DAILY_LIMIT_USDC: '1500' });
  }, 60_000);

  afterAll(async () => {
    await env?.close();
  });

  const finance = () => ({ kind: 'wallet', wallet: env.finance.address, roles: ['finance'] });
  const list = async () => {
    const reply = await env.rpc<{ items: PayoutView[] }>('admin.payouts.list', { caller: finance(), params: {}, query: {} });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data.items;
  };
  const payoutOf = (claimId: string) => eventually(async () => (await list()).find((p) => p.claimId === claimId), TIMEOUT);
  const sign = (view: PayoutView, ownerIndex: number) => env.signSafeTx(env.owner(ownerIndex), view.typedData!.message as SafeTx);
  const addSignature = (id: string, signer: string, signature: string, caller = finance()) =>
    env.rpc<PayoutView>('admin.payouts.addSignature', { caller, params: { id }, query: {}, body: { signer, signature } });
  const execute = (id: string, caller = finance()) => env.rpc<{ txHash: string }>('admin.payouts.execute', { caller, params: { id }, query: {}, body: {} });
  const markPaid = (claimId: string, multisigTxHash: string) =>
    env.rpc('admin.claims.markPaid', { caller: finance(), params: { id: claimId }, query: {}, body: { multisigTxHash, paidAtSec: Math.floor(Date.now() / 1000) } });
  const errorOf = (reply: { ok: boolean; error?: { code: string; status: number } }) => (reply.ok ? 'accepted' : `${reply.error!.status} ${reply.error!.code}`);

  it('approve → propose → two owners sign → execute → PayoutExecuted, and the trader received exactly the payout', async () => {
    const recipient = env.trader(0).address;
    const before = await env.usdcBalance(recipient);
    const approved = await env.publishClaimApproved({ recipient, payoutAmountUsdc: String(500n * USDC) });
    const view = await payoutOf(approved.payload.claimId);

    expect(view).toMatchObject({ status: 'PROPOSED', recipient, amountUsdc: String(500n * USDC), safeAddress: env.chain.treasurySafe, to: env.chain.usdc, value: '0', nonce: 0 });
    expect(view.memo).toBe(approved.payload.evidenceRoot.toLowerCase());
    // The stored hash is the contract's own getTransactionHash.
    expect(view.safeTxHash).toBe(await env.contractSafeTxHash(view.typedData!.message as SafeTx));
    const [proposed] = await eventually(async () => env.published('PayoutProposed').filter((e) => e.payload.claimId === approved.payload.claimId).length ? env.published('PayoutProposed').filter((e) => e.payload.claimId === approved.payload.claimId) : null, TIMEOUT);
    expect(payoutProposedV1.parse(proposed!.payload)).toMatchObject({ payoutId: view.id, safeTxHash: view.safeTxHash, safeNonce: 0 });
    expect(proposed!.causationId).toBe(approved.id);

    // A non-owner's signature, and an owner's signature of another hash, are refused.
    expect(errorOf(await addSignature(view.id, env.trader(1).address, await sign(view, 0)))).toBe('403 FORBIDDEN');
    const otherTx = usdcTransferSafeTx(env.chain.usdc, recipient, 1n, 1);
    expect(errorOf(await addSignature(view.id, env.owner(0).address, await env.signSafeTx(env.owner(0), otherTx)))).toBe('422 VALIDATION_FAILED');
    // A signature claimed for one owner but made by another is refused.
    expect(errorOf(await addSignature(view.id, env.owner(1).address, await sign(view, 0)))).toBe('422 VALIDATION_FAILED');

    expect(errorOf(await addSignature(view.id, env.owner(0).address, await sign(view, 0)))).toBe('accepted');
    expect(errorOf(await addSignature(view.id, env.owner(0).address, await sign(view, 0)))).toBe('409 INVALID_STATUS_TRANSITION');
    // One signature of a 2-of-3 Safe: execution refused.
    expect(errorOf(await execute(view.id))).toBe('409 INVALID_STATUS_TRANSITION');

    // The owner may post their own signature (the gateway lets the wallet in `signer` through).
    const self = { kind: 'wallet', wallet: env.owner(1).address, roles: [] as string[] };
    expect(errorOf(await addSignature(view.id, env.owner(1).address, await sign(view, 1), self))).toBe('accepted');

    // Two-person rule: the approver may not execute, even holding the finance role.
    expect(errorOf(await execute(view.id, { kind: 'wallet', wallet: env.reviewer.address, roles: ['finance', 'reviewer'] }))).toBe('403 FORBIDDEN');

    const executed = await execute(view.id);
    if (!executed.ok) throw new Error(executed.error.message);
    const { txHash } = executed.data;
    expect((await list()).find((p) => p.id === view.id)).toMatchObject({ status: 'EXECUTING', txHash, executedBy: env.finance.address });
    // A second call answers with the same transaction; nothing is sent twice.
    expect(await execute(view.id)).toEqual({ ok: true, data: { txHash } });

    // Not confirmed yet (2 confirmations): nothing published.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(env.published('PayoutExecuted')).toEqual([]);
    await env.mine(2);
    const [paid] = await eventually(async () => (env.published('PayoutExecuted').length ? env.published('PayoutExecuted') : null), TIMEOUT);
    expect(payoutExecutedV1.parse(paid!.payload)).toMatchObject({ payoutId: view.id, claimId: approved.payload.claimId, txHash, amountUsdc: String(500n * USDC), recipient, safeTxHash: view.safeTxHash });
    expect(await env.usdcBalance(recipient)).toBe(before + 500n * USDC);
    expect((await payoutOf(approved.payload.claimId)).status).toBe('EXECUTED');
  }, 60_000);

  it('a second ClaimApproved for the same claim proposes nothing new', async () => {
    const first = await env.publishClaimApproved({ payoutAmountUsdc: String(100n * USDC), recipient: env.trader(2).address });
    await payoutOf(first.payload.claimId);
    const again = await env.publishClaimApproved({ ...first.payload, payoutAmountUsdc: String(200n * USDC) });
    await eventually(async () => (await env.query('SELECT 1 FROM inbox WHERE message_id = $1', [again.id])).length > 0, TIMEOUT);
    const rows = await env.query<{ amount_usdc: string }>('SELECT amount_usdc FROM payouts WHERE claim_id = $1', [first.payload.claimId]);
    expect(rows).toEqual([{ amount_usdc: String(100n * USDC) }]);
    expect(env.published('PayoutProposed').filter((e) => e.payload.claimId === first.payload.claimId)).toHaveLength(1);
  }, 30_000);

  it('mark-paid refuses an unrelated transaction, a failed Safe transaction and a wrong amount; accepts the real one once', async () => {
    const recipient = env.trader(1).address;
    const approved = await env.publishClaimApproved({ recipient, payoutAmountUsdc: String(300n * USDC) });
    const view = await payoutOf(approved.payload.claimId);
    const claimId = approved.payload.claimId;

    expect(errorOf(await markPaid(claimId, hexlify(randomBytes(32))))).toBe('422 PAYOUT_TX_MISMATCH');
    const unrelated = await env.transferUsdc(env.trader(3), recipient, 300n * USDC);
    await env.mine(2);
    expect(errorOf(await markPaid(claimId, unrelated))).toBe('422 PAYOUT_TX_MISMATCH');

    // The Safe pays the recipient a different amount.
    const nonce = await env.safeNonce();
    const wrongAmount = await env.executeDirectly(usdcTransferSafeTx(env.chain.usdc, recipient, 299n * USDC, nonce), env.wallet(0));
    await env.mine(2);
    expect(errorOf(await markPaid(claimId, wrongAmount))).toBe('422 PAYOUT_TX_MISMATCH');

    // The Safe reports ExecutionFailure (inner transfer fails; safeTxGas > 0 lets the Safe go on).
    const failing = { ...usdcTransferSafeTx(env.chain.usdc, recipient, 10n ** 18n, nonce + 1), safeTxGas: '100000' };
    const failed = await env.executeDirectly(failing, env.wallet(0));
    await env.mine(2);
    expect(errorOf(await markPaid(claimId, failed))).toBe('422 PAYOUT_TX_MISMATCH');
    // That failed Safe transaction used this payout's nonce: the watcher flags it instead of leaving it waiting forever.
    expect(view.nonce).toBe(nonce + 1);
    const consumed = await eventually(async () => ((await list()).find((p) => p.id === view.id && p.status === 'FLAGGED')), TIMEOUT);
    expect(consumed.flagReason).toMatch(new RegExp(`^SAFE_NONCE_CONSUMED: Safe nonce ${view.nonce} was used by another Safe transaction`));
    expect(errorOf(await execute(view.id))).toBe('409 INVALID_STATUS_TRANSITION');

    // Another claim, executed in "the Safe UI" with its exact SafeTx, then recorded by mark-paid.
    const other = await env.publishClaimApproved({ recipient: env.trader(2).address, payoutAmountUsdc: String(200n * USDC) });
    const otherView = await payoutOf(other.payload.claimId);
    expect(otherView.nonce).toBe(nonce + 2);
    const real = await env.executeDirectly(otherView.typedData!.message as SafeTx, env.wallet(0));
    expect(errorOf(await markPaid(other.payload.claimId, real))).toBe('409 PAYOUT_TX_MISMATCH');
    await env.mine(2);
    // Not this claim's transfer.
    expect(errorOf(await markPaid(claimId, real))).toBe('422 PAYOUT_TX_MISMATCH');
    expect(errorOf(await markPaid(other.payload.claimId, real))).toBe('accepted');
    expect(errorOf(await markPaid(other.payload.claimId, real))).toBe('accepted');
    // An empty list is truthy: wait for the event itself.
    const executed = await eventually(async () => {
      const events = env.published('PayoutExecuted').filter((e) => e.payload.claimId === other.payload.claimId);
      return events.length > 0 ? events : null;
    }, TIMEOUT);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(env.published('PayoutExecuted').filter((e) => e.payload.claimId === other.payload.claimId)).toHaveLength(1);
    expect(executed[0]!.payload).toMatchObject({ txHash: real, safeTxHash: otherView.safeTxHash });
  }, 60_000);

  it('holds a payout over the daily limit or the per-claim cap with a reason, and proposes nothing', async () => {
    // Today: 500 + 100 + 300 + 200 = 1,100 USDC of the 1,500 limit.
    const overDaily = await env.publishClaimApproved({ payoutAmountUsdc: String(600n * USDC) });
    const overCap = await env.publishClaimApproved({ payoutAmountUsdc: String(1001n * USDC) });
    expect(await payoutOf(overDaily.payload.claimId)).toMatchObject({ status: 'HELD', heldReason: 'DAILY_LIMIT_EXCEEDED', safeTxHash: null, typedData: null });
    expect(await payoutOf(overCap.payload.claimId)).toMatchObject({ status: 'HELD', heldReason: 'PER_CLAIM_CAP_EXCEEDED' });
    const within = await env.publishClaimApproved({ payoutAmountUsdc: String(400n * USDC) });
    expect(await payoutOf(within.payload.claimId)).toMatchObject({ status: 'PROPOSED' });
    const claimIds = new Set(env.published('PayoutProposed').map((e) => e.payload.claimId));
    expect(claimIds.has(overDaily.payload.claimId) || claimIds.has(overCap.payload.claimId)).toBe(false);
  }, 30_000);
});
