import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payoutProposedV1 } from '@liqpass/events';
import { eventually } from '@liqpass/testing';
import type { PayoutView } from '../application/payout-view';
import { usdcTransferSafeTx, type SafeTx } from '../domain/safe-tx';
import { PayoutTestEnv } from '../../testing/payout-test-env';
import { PayoutWatcherLifecycle } from './payout-watcher.lifecycle';

const USDC = 1_000_000n;
const TIMEOUT = 20_000;

/**
 * The watcher against what really happens on a chain, on a real anvil (FiatToken USDC, Safe 1.5
 * 2-of-3) with 2 confirmations: a Safe nonce used by another Safe transaction, a payout's own
 * SafeTx executed in the Safe UI, an execution the Safe reports as failed, a transfer that is not
 * the payout, and a reorg before the confirmation depth.
 */
describe('payout watcher: consumed nonces, flagged executions, reorgs', () => {
  let env: PayoutTestEnv;

  beforeAll(async () => {
    env = await PayoutTestEnv.open('watcher');
    await env.fundTreasury(100_000n * USDC);
    await env.start();
  }, 60_000);

  afterAll(async () => {
    await env?.close();
  });

  const errorOf = (reply: { ok: boolean; error?: { code: string; status: number } }) => (reply.ok ? 'accepted' : `${reply.error!.status} ${reply.error!.code}`);
  const executedEvents = (claimId: string) => env.published('PayoutExecuted').filter((e) => e.payload.claimId === claimId);
  const paidOnce = (claimId: string) => eventually(async () => (executedEvents(claimId).length > 0 ? executedEvents(claimId) : null), TIMEOUT);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 600)); // several watcher ticks (150 ms)
  const markPaid = (claimId: string, multisigTxHash: string) =>
    env.admin('admin.claims.markPaid', claimId, { multisigTxHash, paidAtSec: Math.floor(Date.now() / 1000) });
  /** Another Safe transaction at the Safe's next nonce, executed outside LiqPass (the Safe UI). */
  const useNextNonce = async (tx: SafeTx = usdcTransferSafeTx(env.chain.usdc, env.trader(3).address, 1n * USDC, 0)) =>
    env.executeDirectly({ ...tx, nonce: String(await env.safeNonce()) }, env.wallet(0));

  it('flags a payout whose Safe nonce another Safe transaction used, and re-proposes it with a fresh nonce on request', async () => {
    const recipient = env.trader(0).address;
    const approved = await env.publishClaimApproved({ recipient, payoutAmountUsdc: String(250n * USDC) });
    const view = await env.payoutOf(approved.payload.claimId, 'PROPOSED');
    await env.collectSignatures(view);

    await useNextNonce();
    expect(await env.safeNonce()).toBe(view.nonce! + 1);
    // Not confirmed yet: the watcher reads the Safe's nonce at the confirmed height.
    await settle();
    expect((await env.payoutOf(approved.payload.claimId)).status).toBe('PROPOSED');
    await env.mine(2);
    const flagged = await env.payoutOf(approved.payload.claimId, 'FLAGGED');
    expect(flagged.flagReason).toMatch(new RegExp(`^SAFE_NONCE_CONSUMED: Safe nonce ${view.nonce} was used by another Safe transaction \\(the Safe is at nonce ${view.nonce! + 1}\\)`));
    expect(errorOf(await env.admin('admin.payouts.execute', view.id))).toBe('409 INVALID_STATUS_TRANSITION');

    const approver = { kind: 'wallet' as const, wallet: env.reviewer.address, roles: ['finance'] };
    expect(errorOf(await env.admin('admin.payouts.repropose', view.id, {}, approver))).toBe('403 FORBIDDEN');
    expect(errorOf(await env.admin('admin.payouts.repropose', view.id, {}, { kind: 'wallet', wallet: env.owner(0).address, roles: [] }))).toBe('403 FORBIDDEN');
    const reproposed = await env.admin<PayoutView>('admin.payouts.repropose', view.id);
    if (!reproposed.ok) throw new Error(reproposed.error.message);
    const fresh = reproposed.data;
    expect(fresh).toMatchObject({ status: 'PROPOSED', flagReason: null, nonce: view.nonce! + 1, replacedSafeTxHashes: [view.safeTxHash], signatures: [] });
    expect(fresh.safeTxHash).not.toBe(view.safeTxHash);
    expect(fresh.safeTxHash).toBe(await env.contractSafeTxHash(fresh.typedData!.message as SafeTx));
    const proposals = await eventually(async () => {
      const events = env.published('PayoutProposed').filter((e) => e.payload.claimId === approved.payload.claimId);
      return events.length === 2 ? events : null;
    }, TIMEOUT);
    expect(payoutProposedV1.parse(proposals[1]!.payload)).toMatchObject({ payoutId: view.id, safeTxHash: fresh.safeTxHash, safeNonce: fresh.nonce });
    expect(errorOf(await env.admin('admin.payouts.repropose', view.id))).toBe('409 INVALID_STATUS_TRANSITION');
    // A signature of the old SafeTx is no signature of the new one.
    const old = await env.signSafeTx(env.owner(0), view.typedData!.message as SafeTx);
    expect(errorOf(await env.admin('admin.payouts.addSignature', view.id, { signer: env.owner(0).address, signature: old }))).toBe('422 VALIDATION_FAILED');

    const before = await env.usdcBalance(recipient);
    const txHash = await env.signAndExecute(fresh);
    await env.mine(2);
    const [paid] = await paidOnce(approved.payload.claimId);
    expect(paid!.payload).toMatchObject({ txHash, safeTxHash: fresh.safeTxHash, safeNonce: fresh.nonce });
    expect(await env.usdcBalance(recipient)).toBe(before + 250n * USDC);
  }, 60_000);

  it('refuses to re-propose a payout the Safe already paid in another transaction; mark-paid records it instead', async () => {
    const recipient = env.trader(1).address;
    const approved = await env.publishClaimApproved({ recipient, payoutAmountUsdc: String(40n * USDC) });
    const view = await env.payoutOf(approved.payload.claimId, 'PROPOSED');
    // The same transfer built by hand in the Safe UI (another SafeTx hash) takes the nonce.
    const batch = await useNextNonce({ ...(view.typedData!.message as SafeTx), safeTxGas: '60000' });
    await env.mine(2);
    expect((await env.payoutOf(approved.payload.claimId, 'FLAGGED')).flagReason).toMatch(/^SAFE_NONCE_CONSUMED/);

    const refused = await env.admin('admin.payouts.repropose', view.id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATUS_TRANSITION', status: 409, message: expect.stringContaining(batch) } });
    expect((await env.payoutOf(approved.payload.claimId)).status).toBe('FLAGGED');
    expect(errorOf(await markPaid(approved.payload.claimId, batch))).toBe('accepted');
    expect((await paidOnce(approved.payload.claimId))[0]!.payload.txHash).toBe(batch);
  }, 60_000);

  it('follows a payout whose own SafeTx was executed in the Safe UI, and publishes PayoutExecuted once confirmed', async () => {
    const approved = await env.publishClaimApproved({ recipient: env.trader(2).address, payoutAmountUsdc: String(30n * USDC) });
    const view = await env.payoutOf(approved.payload.claimId, 'PROPOSED');
    const txHash = await env.executeDirectly(view.typedData!.message as SafeTx, env.wallet(0));
    await settle();
    expect(executedEvents(approved.payload.claimId)).toEqual([]);
    await env.mine(2);
    await env.payoutOf(approved.payload.claimId, 'EXECUTING');
    await env.mine(2);
    const [paid] = await paidOnce(approved.payload.claimId);
    expect(paid!.payload).toMatchObject({ txHash, safeTxHash: view.safeTxHash });
    expect(await env.payoutOf(approved.payload.claimId)).toMatchObject({ status: 'EXECUTED', txHash, executedBy: null });
  }, 60_000);

  /**
   * The service only ever proposes a plain transfer of the payout's amount (safeTxGas 0), which
   * cannot end in ExecutionFailure nor move another amount. These two stand for a stored SafeTx
   * that is not the payout (a tampered row, another Safe setup): the test rewrites it, the real
   * service collects signatures of it, executes it, and the watcher must flag it, never pay.
   */
  async function tamperedPayout(claimAmount: bigint, tamper: (tx: SafeTx) => SafeTx): Promise<{ claimId: string; view: PayoutView }> {
    const approved = await env.publishClaimApproved({ recipient: env.trader(3).address, payoutAmountUsdc: String(claimAmount) });
    const proposed = await env.payoutOf(approved.payload.claimId, 'PROPOSED');
    const tx = tamper(proposed.typedData!.message as SafeTx);
    await env.query(`UPDATE payouts SET safe_tx_json = $2, safe_tx_hash = $3 WHERE id = $1`, [proposed.id, JSON.stringify(tx), await env.contractSafeTxHash(tx)]);
    return { claimId: approved.payload.claimId, view: await env.payoutOf(approved.payload.claimId, 'PROPOSED') };
  }

  it('flags an execution for which the Safe emitted ExecutionFailure: PAYOUT_TX_MISMATCH, never paid', async () => {
    // The transfer fails inside the Safe (more than it holds); safeTxGas > 0 lets the Safe report it.
    const { claimId, view } = await tamperedPayout(20n * USDC, (tx) => ({ ...usdcTransferSafeTx(env.chain.usdc, env.trader(3).address, 10n ** 18n, Number(tx.nonce)), safeTxGas: '100000' }));
    const txHash = await env.signAndExecute(view);
    await env.mine(2);
    const flagged = await env.payoutOf(claimId, 'FLAGGED');
    expect(flagged).toMatchObject({ txHash, flagReason: `PAYOUT_TX_MISMATCH: the Safe reported ExecutionFailure for ${view.safeTxHash}` });
    await settle();
    expect(executedEvents(claimId)).toEqual([]);
    expect(errorOf(await markPaid(claimId, txHash))).toBe('422 PAYOUT_TX_MISMATCH');
    expect((await env.payoutOf(claimId)).status).toBe('FLAGGED');
  }, 60_000);

  it('flags an execution whose transfer is not exactly the payout: PAYOUT_TX_MISMATCH, never paid', async () => {
    const recipient = env.trader(3).address;
    const { claimId, view } = await tamperedPayout(20n * USDC, (tx) => usdcTransferSafeTx(env.chain.usdc, recipient, 20n * USDC - 1n, Number(tx.nonce)));
    const before = await env.usdcBalance(recipient);
    const txHash = await env.signAndExecute(view);
    await env.mine(2);
    const flagged = await env.payoutOf(claimId, 'FLAGGED');
    expect(flagged).toMatchObject({ txHash, flagReason: `PAYOUT_TX_MISMATCH: USDC Transfer to the recipient of ${20n * USDC - 1n} base units, expected ${20n * USDC}` });
    expect(await env.usdcBalance(recipient)).toBe(before + 20n * USDC - 1n);
    await settle();
    expect(executedEvents(claimId)).toEqual([]);
    expect(errorOf(await markPaid(claimId, txHash))).toBe('422 PAYOUT_TX_MISMATCH');
  }, 60_000);

  it('does not count an execution reorged out before its confirmations; it is paid only once really confirmed', async () => {
    const recipient = env.trader(0).address;
    const approved = await env.publishClaimApproved({ recipient, payoutAmountUsdc: String(75n * USDC) });
    const view = await env.payoutOf(approved.payload.claimId, 'PROPOSED');
    const before = await env.usdcBalance(recipient);
    const txHash = await env.signAndExecute(view);
    const minedIn = (await env.provider.getTransactionReceipt(txHash))!.blockNumber;
    await env.mine(1); // one confirmation of the two
    await settle();
    expect(executedEvents(approved.payload.claimId)).toEqual([]);

    // The execution's block and the next are replaced by empty ones: the payout never happened on this chain.
    await env.provider.send('anvil_reorg', [2, []]);
    expect(await env.provider.send('eth_getTransactionReceipt', [txHash])).toBeNull();
    expect(await env.usdcBalance(recipient)).toBe(before);
    // The chain reaches the height at which the lost execution would have had its confirmations.
    await env.mine(1);
    expect(await env.provider.getBlockNumber()).toBeGreaterThanOrEqual(minedIn + 2);
    await settle();
    expect(executedEvents(approved.payload.claimId)).toEqual([]);
    expect((await env.payoutOf(approved.payload.claimId)).status).toBe('EXECUTING');

    // The watcher sends the signed execution again; it is paid once that one is confirmed.
    const remined = await eventually(async () => env.provider.getTransactionReceipt(txHash), TIMEOUT);
    expect(remined.blockNumber).toBeGreaterThan(minedIn + 1);
    await env.mine(2);
    const [paid] = await paidOnce(approved.payload.claimId);
    expect(paid!.payload).toMatchObject({ txHash, blockNumber: remined.blockNumber });
    expect(await env.usdcBalance(recipient)).toBe(before + 75n * USDC);
    await settle();
    expect(executedEvents(approved.payload.claimId)).toHaveLength(1);
  }, 60_000);

  it('puts a followed Safe UI execution that a deep reorg removed back to PROPOSED, where it can still be paid', async () => {
    // The watcher ticks only when the test says so: the reorg must land between following and confirming.
    await env.app!.close();
    await env.start({ PAYOUT_POLL_INTERVAL_MS: '3600000' });
    const watcher = env.app!.get(PayoutWatcherLifecycle);
    const approved = await env.publishClaimApproved({ recipient: env.trader(1).address, payoutAmountUsdc: String(15n * USDC) });
    const view = await env.payoutOf(approved.payload.claimId, 'PROPOSED');
    const outside = await env.executeDirectly(view.typedData!.message as SafeTx, env.wallet(0));
    await env.mine(2);
    await watcher.runOnce();
    expect(await env.payoutOf(approved.payload.claimId)).toMatchObject({ status: 'EXECUTING', txHash: outside });

    await env.provider.send('anvil_reorg', [3, []]); // deeper than the 2 confirmations
    expect(await env.provider.send('eth_getTransactionReceipt', [outside])).toBeNull();
    await watcher.runOnce();
    const back = await env.payoutOf(approved.payload.claimId);
    expect(back).toMatchObject({ status: 'PROPOSED', txHash: null, lastError: `the followed execution ${outside} is no longer on the chain` });
    expect(executedEvents(approved.payload.claimId)).toEqual([]);

    const txHash = await env.signAndExecute(back);
    await env.mine(2);
    await watcher.runOnce();
    const [paid] = await paidOnce(approved.payload.claimId);
    expect(paid!.payload).toMatchObject({ txHash, safeTxHash: view.safeTxHash });
  }, 60_000);
});
