import { LOCAL_ACCOUNT } from '@liqpass/chain';
import { parseUnits } from 'ethers';
import { approve, checkEvidence, fileClaim, liquidate, waitClaim, waitVerified } from './claim';
import { check } from './demo-error';
import { formatUsdc } from './format';
import { bindOrder, createOrder, findPosition, linkOkxKey, openSimPosition, payPremium, requestQuote, waitActive } from './insure';
import { execute, ownerSigns, waitPayout, waitProposed } from './payout';
import { signIn } from './sign-in';
import { usdcBalance, type Stack } from './stack';
import type { StepRunner } from './step-runner';
import type { SimAccount } from './wire-types';

/**
 * One complete journey through the public API (issue 10 item 1, PRODUCT.md §2): the trader
 * insures a simulated OKX position and pays on-chain; OKX liquidates it; the claim is verified,
 * approved, signed by two Safe owners, executed by finance and PAID — and the trader's USDC
 * balance rises by exactly the payout. Every step is timed by the runner.
 */
export async function runJourney(run: StepRunner, stack: Stack): Promise<void> {
  const wallets = stack.wallets;
  const traderWallet = wallets[LOCAL_ACCOUNT.traders[0]]!;
  const [ownerA, ownerB] = [wallets[LOCAL_ACCOUNT.safeOwners[0]]!, wallets[LOCAL_ACCOUNT.safeOwners[1]]!];

  const account = await run.step('simulator: read-only OKX account (POST /sim/accounts)', async (log) => {
    const created = await stack.sim.post<SimAccount>('/sim/accounts', { perm: 'read_only' });
    check(created.perm === 'read_only', `the simulator made an account with perm ${created.perm}, expected read_only`);
    log.note(`uid ${created.uid}, apiKey ${created.apiKey}, perm ${created.perm}`);
    return created;
  });
  const position = await run.step('simulator: open position (POST /sim/positions)', (log) => openSimPosition(stack, account, log));
  const trader = await run.step(`sign in with Ethereum as trader (anvil ${LOCAL_ACCOUNT.traders[0]})`, async (log) => {
    const session = await signIn(stack, traderWallet);
    log.note(`${session.address} signed in`);
    return session;
  });
  await run.step('link the read-only OKX key (POST /okx/accounts)', (log) => linkOkxKey(trader, account, log));
  await run.step('positions (GET /okx/positions)', (log) => findPosition(stack, trader, position, log));
  const quote = await run.step('quote (POST /quote)', (log) => requestQuote(stack, trader, position, log));
  const order = await run.step('purchase order (POST /purchase_orders)', (log) => createOrder(trader, quote, log));
  await run.step('bind the opening OKX order (POST /purchase_orders/:id/bind-okx)', (log) => bindOrder(stack, trader, order, position, log));
  await run.step('pay on-chain: approve USDC + payPremium(quote, signature)', (log) => payPremium(stack, trader, quote, log));
  await run.step('wait for the policy to be ACTIVE', (log) => waitActive(stack, trader, order, log));
  const balanceBefore = await usdcBalance(stack, traderWallet.address);

  await run.step('simulator: full liquidation (POST /sim/liquidations)', (log) => liquidate(stack, account, position, log));
  const filed = await run.step('claim (POST /claims)', (log) => fileClaim(trader, order, log));
  const verified = await run.step('wait for the claim to be VERIFIED_PENDING_REVIEW', (log) => waitVerified(stack, trader, filed, log));
  await run.step('evidence bundle: download and recompute the root', (log) => checkEvidence(trader, verified, log));
  const reviewer = await run.step(`sign in as reviewer (anvil ${LOCAL_ACCOUNT.reviewer})`, async (log) => {
    const session = await signIn(stack, wallets[LOCAL_ACCOUNT.reviewer]!);
    check(session.roles.includes('reviewer'), `anvil ${LOCAL_ACCOUNT.reviewer} signed in without the reviewer role`, `roles: ${session.roles.join(', ') || 'none'}`);
    log.note(`${session.address}, roles: ${session.roles.join(', ')}`);
    return session;
  });
  await run.step('reviewer approves (POST /admin/claims/:id/approve)', (log) => approve(reviewer, verified, log));

  const finance = await run.step(`sign in as finance (anvil ${LOCAL_ACCOUNT.finance})`, async (log) => {
    const session = await signIn(stack, wallets[LOCAL_ACCOUNT.finance]!);
    check(session.roles.includes('finance'), `anvil ${LOCAL_ACCOUNT.finance} signed in without the finance role`, `roles: ${session.roles.join(', ') || 'none'}`);
    log.note(`${session.address}, roles: ${session.roles.join(', ')}`);
    return session;
  });
  let payout = await run.step('wait for the payout to be PROPOSED (GET /admin/payouts)', (log) => waitProposed(stack, finance, verified, traderWallet.address, log));
  for (const [index, wallet] of [ownerA, ownerB].entries()) {
    const anvilIndex = LOCAL_ACCOUNT.safeOwners[index];
    payout = await run.step(`Safe owner (anvil ${anvilIndex}) signs in, signs the SafeTx and posts it`, async (log) => {
      const owner = await signIn(stack, wallet);
      return ownerSigns(owner, wallet, payout, log);
    });
  }
  await run.step('finance executes (POST /admin/payouts/:id/execute)', (log) => execute(stack, finance, payout, log));
  await run.step('wait for the payout EXECUTED and the claim PAID', async (log) => {
    const executed = await waitPayout(stack, finance, verified.id, 'EXECUTED');
    const paid = await waitClaim(stack, trader, verified.id, 'PAID');
    log.note(`payout EXECUTED in ${executed.txHash}; claim PAID at ${paid.paidAt} (multisig tx ${paid.multisigTxHash})`);
  });
  await run.step("the trader's USDC balance rose by exactly the payout", async (log) => {
    const balanceAfter = await usdcBalance(stack, traderWallet.address);
    const expected = parseUnits(verified.payoutAmountUsdc!, 6);
    check(balanceAfter - balanceBefore === expected, `the trader's balance changed by ${formatUsdc(balanceAfter - balanceBefore)}, expected +${formatUsdc(expected)}`, `before ${formatUsdc(balanceBefore)}, after ${formatUsdc(balanceAfter)}`);
    log.note(`${formatUsdc(balanceBefore)} → ${formatUsdc(balanceAfter)} (+${formatUsdc(expected)})`);
  });
}
