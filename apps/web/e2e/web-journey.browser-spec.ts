import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fundTreasury, isListening, ROOT, sim, STACK_PORTS, startLocalStack, stopLocalStack, WEB } from './local-stack';

/**
 * The whole product in a real browser (Debian's Chromium driven by playwright-core) against the
 * real local stack: a trader signs in with the development wallet, links a read-only key, insures
 * a position and pays; OKX (the simulator) liquidates it; the trader claims; a reviewer approves;
 * two Safe owners sign; finance executes; the trader sees PAID. Screenshots: tmp/screenshots/.
 */
const SHOTS = join(ROOT, 'tmp/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INST = 'BTC-USDT-SWAP';
const SLOW = { timeout: 90_000 };

describe('the web app, end to end in Chromium', () => {
  let stack: ChildProcess | undefined;
  const output: string[] = [];
  let context: BrowserContext;
  let userDataDir: string;
  let claimId = '';
  let bundlePath = '';

  beforeAll(async () => {
    const busy = [];
    for (const port of STACK_PORTS) if (await isListening(port)) busy.push(port);
    if (busy.length) throw new Error(`ports already in use: ${busy.join(', ')} (stop a running local stack first)`);
    mkdirSync(SHOTS, { recursive: true });
    const started = startLocalStack(output);
    stack = started.child;
    await started.ready;
    userDataDir = mkdtempSync(join(tmpdir(), 'liqpass-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  }, 240_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    if (stack) await stopLocalStack(stack);
    writeFileSync(join(SHOTS, 'local-stack.log'), output.join(''));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  }, 60_000);

  // Every open tab as the test left it: the picture of where a failing step stopped.
  let testNumber = 0;
  afterEach(async () => {
    testNumber += 1;
    const pages = context?.pages() ?? [];
    for (const [i, page] of pages.entries()) await page.screenshot({ path: join(SHOTS, `after-test-${testNumber}-tab-${i}.png`), fullPage: true }).catch(() => undefined);
  });

  /** A new tab is a new session (the token lives in sessionStorage): sign in there as anvil account `index`. */
  async function signedIn(index: number, shot?: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(WEB);
    await page.getByText('DEVELOPMENT ONLY').waitFor();
    await page.getByLabel('Development account').selectOption(String(index));
    await page.getByRole('button', { name: 'Use development account' }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as').waitFor();
    if (shot) await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
    return page;
  }

  let trader: Page;

  it('a trader signs in, links a read-only key, insures an open position and pays: the policy goes ACTIVE', async () => {
    const account = await sim<{ uid: string; apiKey: string; secretKey: string; passphrase: string }>('/sim/accounts', { perm: 'read_only' });
    const position = await sim<{ ordId: string; posId: string }>('/sim/positions', { uid: account.uid, instId: INST, posSide: 'long', mgnMode: 'isolated', lever: 20, sz: 100, avgPx: 60000 });

    const welcome = await context.newPage();
    await welcome.goto(WEB);
    await welcome.getByText('DEVELOPMENT ONLY').waitFor();
    await welcome.screenshot({ path: join(SHOTS, '01-sign-in.png'), fullPage: true });
    await welcome.close();

    trader = await signedIn(6);
    await trader.getByLabel('API key').fill(account.apiKey);
    await trader.getByLabel('Secret key').fill(account.secretKey);
    await trader.getByLabel('Passphrase').fill(account.passphrase);
    await trader.screenshot({ path: join(SHOTS, '02-link-okx.png'), fullPage: true });
    await trader.getByRole('button', { name: 'Link read-only key' }).click();

    const insure = trader.getByRole('button', { name: new RegExp(`Insure ${INST} long position ${position.posId}`) });
    await insure.waitFor(SLOW);
    await trader.screenshot({ path: join(SHOTS, '03-positions.png'), fullPage: true });
    await insure.click();
    await trader.getByRole('button', { name: 'Get quote' }).click();
    await expect.poll(() => trader.getByTestId('quote-premium').textContent(), SLOW).toMatch(/^[0-9,.]+ USDC$/);
    await trader.screenshot({ path: join(SHOTS, '04-quote.png'), fullPage: true });

    await trader.getByRole('button', { name: 'Create order' }).click();
    await trader.getByRole('button', { name: 'Bind order' }).waitFor(SLOW);
    expect(await trader.getByLabel('Opening OKX order').inputValue()).toBe(position.ordId);
    await trader.getByRole('button', { name: 'Bind order' }).click();
    const pay = trader.getByRole('button', { name: /^Pay [0-9,.]+ USDC$/ });
    await pay.waitFor(SLOW);
    await pay.click();
    await trader.getByText('Payment mined').waitFor(SLOW);
    await trader.screenshot({ path: join(SHOTS, '05-paid.png'), fullPage: true });

    await trader.getByRole('link', { name: 'My policies' }).click();
    await trader.locator('[data-policy-id] [data-status="ACTIVE"]').waitFor(SLOW);
    await trader.screenshot({ path: join(SHOTS, '06-my-policies-active.png'), fullPage: true });

    // OKX liquidates the insured position; the trader claims.
    await sim('/sim/liquidations', { uid: account.uid, posId: position.posId, kind: 'full' });
    await trader.getByRole('button', { name: 'Claim' }).click();
    await trader.getByText(/Claim filed/).waitFor(SLOW);
  });

  it('the claim is verified against OKX; the trader sees the evidence, its root recomputed in the browser ✓, and downloads the bundle', async () => {
    await trader.getByRole('link', { name: 'My claims' }).click();
    const verified = trader.locator('[data-claim-id]', { has: trader.locator('[data-status="VERIFIED_PENDING_REVIEW"]') });
    await verified.waitFor(SLOW);
    claimId = (await verified.getAttribute('data-claim-id'))!;
    await verified.getByRole('button', { name: 'Evidence' }).click();
    await expect.poll(() => trader.getByTestId('root-check').getAttribute('data-ok'), SLOW).toBe('true');
    const [download] = await Promise.all([trader.waitForEvent('download'), trader.getByRole('button', { name: /Download sealed bundle/ }).click()]);
    bundlePath = join(SHOTS, `evidence-${claimId}.json`);
    await download.saveAs(bundlePath);
    await trader.screenshot({ path: join(SHOTS, '07-my-claims-verified.png'), fullPage: true });
  });

  it('a reviewer finds it in the queue, checks the root in the browser and approves', async () => {
    await fundTreasury(100_000n * 10n ** 6n);
    const reviewer = await signedIn(1);
    await reviewer.getByRole('link', { name: 'Admin console' }).click();
    await reviewer.locator(`a[href="/admin/claims/${claimId}"]`).waitFor(SLOW);
    await reviewer.screenshot({ path: join(SHOTS, '08-admin-claim-queue.png'), fullPage: true });
    await reviewer.locator(`a[href="/admin/claims/${claimId}"]`).click();
    await reviewer.getByRole('button', { name: 'Approve' }).waitFor(SLOW);
    await reviewer.getByLabel(/Recompute from a sealed bundle file/).setInputFiles(bundlePath);
    await expect.poll(() => reviewer.getByTestId('root-check').getAttribute('data-ok'), SLOW).toBe('true');
    await reviewer.screenshot({ path: join(SHOTS, '09-admin-claim-detail.png'), fullPage: true });
    await reviewer.getByRole('button', { name: 'Approve' }).click();
    await reviewer.locator('h2 [data-status="APPROVED_PENDING_MULTISIG"]').waitFor(SLOW);
    await reviewer.close();
  });

  it('two Safe owners sign the payout and finance executes it', async () => {
    const finance = await signedIn(2);
    await finance.getByRole('link', { name: 'Admin console' }).click();
    await finance.getByRole('link', { name: 'Payouts' }).click();
    const payout = finance.locator(`[data-claim-id="${claimId}"]`);
    await payout.waitFor(SLOW);
    await finance.screenshot({ path: join(SHOTS, '10-admin-payouts.png'), fullPage: true });
    await expect.poll(() => payout.locator('[data-status]').first().getAttribute('data-status'), { ...SLOW, message: await payout.textContent() ?? '' }).toBe('PROPOSED');
    for (const owner of ['3', '4']) {
      await finance.getByLabel('Signing owner').selectOption(owner);
      await payout.getByRole('button', { name: 'Sign SafeTx' }).click();
      await payout.getByText(`Signatures (${owner === '3' ? 1 : 2})`).waitFor(SLOW);
    }
    await finance.screenshot({ path: join(SHOTS, '11-admin-payouts-signed.png'), fullPage: true });
    await payout.getByRole('button', { name: 'Execute' }).click();
    await payout.getByText('Executed in').waitFor(SLOW);
    await finance.screenshot({ path: join(SHOTS, '12-admin-payout-executed.png'), fullPage: true });
    for (const [link, shot] of [
      ['Reconciliation', '13-admin-reconciliation.png'],
      ['Dead letters', '14-admin-dead-letters.png'],
      ['Audit log', '15-admin-audit.png'],
    ] as const) {
      await finance.getByRole('link', { name: link }).click();
      await finance.getByRole('heading', { name: link }).waitFor();
      await finance.waitForLoadState('networkidle');
      await finance.screenshot({ path: join(SHOTS, shot), fullPage: true });
    }
  });

  it('the trader sees the claim PAID, also at phone width', async () => {
    await trader.reload();
    await trader.locator(`[data-claim-id="${claimId}"] [data-status="PAID"]`).waitFor(SLOW);
    await trader.screenshot({ path: join(SHOTS, '16-my-claims-paid.png'), fullPage: true });
    await trader.setViewportSize({ width: 390, height: 844 });
    await trader.screenshot({ path: join(SHOTS, '17-my-claims-paid-phone.png'), fullPage: true });
    const overflow = await trader.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
