import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SECTIONS } from '../src/admin/admin-sections';
import { fundTreasury, isListening, ROOT, sim, STACK_PORTS, startLocalStack, stopLocalStack, WEB } from './local-stack';

/**
 * The whole product in a real browser (Debian's Chromium driven by playwright-core) against the
 * real local stack: a trader signs in with the development wallet, links a read-only key, insures
 * a position and pays; OKX (the simulator) liquidates it; the trader claims; a reviewer approves;
 * two Safe owners sign; finance executes; the trader sees PAID. Screenshots: tmp/screenshots/,
 * each main page also at phone width (390×844, `*-phone.png`), where nothing may scroll sideways.
 */
const SHOTS = join(ROOT, 'tmp/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INST = 'BTC-USDT-SWAP';
const SLOW = { timeout: 90_000 };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

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
      viewport: DESKTOP,
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

  /** How far each phone-width page scrolls sideways (must be 0), checked once at the end. */
  const phoneOverflow: Record<string, number> = {};

  /** The page as it is at desktop width, then at phone width (and back). */
  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true });
    phoneOverflow[name] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.setViewportSize(DESKTOP);
  }

  it('a trader signs in, links a read-only key, insures an open position and pays: the policy goes ACTIVE', async () => {
    const account = await sim<{ uid: string; apiKey: string; secretKey: string; passphrase: string }>('/sim/accounts', { perm: 'read_only' });
    const position = await sim<{ ordId: string; posId: string }>('/sim/positions', { uid: account.uid, instId: INST, posSide: 'long', mgnMode: 'isolated', lever: 20, sz: 100, avgPx: 60000 });

    const welcome = await context.newPage();
    await welcome.goto(WEB);
    await welcome.getByText('DEVELOPMENT ONLY').waitFor();
    await shot(welcome, '01-sign-in');
    await welcome.close();

    trader = await signedIn(6);
    await trader.getByLabel('API key').fill(account.apiKey);
    await trader.getByLabel('Secret key').fill(account.secretKey);
    await trader.getByLabel('Passphrase').fill(account.passphrase);
    await trader.screenshot({ path: join(SHOTS, '02-link-okx.png'), fullPage: true });
    await trader.getByRole('button', { name: 'Link read-only key' }).click();

    const insure = trader.getByRole('button', { name: new RegExp(`Insure ${INST} long position ${position.posId}`) });
    await insure.waitFor(SLOW);
    await shot(trader, '03-positions');
    await insure.click();
    await trader.getByRole('button', { name: 'Get quote' }).click();
    await expect.poll(() => trader.getByTestId('quote-premium').textContent(), SLOW).toMatch(/^[0-9,.]+ USDC$/);
    await shot(trader, '04-quote');

    await trader.getByRole('button', { name: 'Create order' }).click();
    await trader.getByRole('button', { name: 'Bind order' }).waitFor(SLOW);
    expect(await trader.getByLabel('Opening OKX order').inputValue()).toBe(position.ordId);
    await trader.getByRole('button', { name: 'Bind order' }).click();
    const pay = trader.getByRole('button', { name: /^Pay [0-9,.]+ USDC$/ });
    await pay.waitFor(SLOW);
    // FiatToken takes EIP-2612 permits: one signature and one transaction, no approval.
    await trader.getByRole('radio', { name: /One signature/ }).waitFor(SLOW);
    expect(await trader.getByRole('radio', { name: /One signature/ }).isChecked()).toBe(true);
    await pay.click();
    await trader.getByText('Payment mined').waitFor(SLOW);
    const progress = await trader.getByRole('status', { name: 'Payment progress' }).textContent();
    expect(progress).toMatch(/Permit signed.*Payment sent.*Payment mined/);
    expect(progress).not.toMatch(/Approval/);
    await trader.screenshot({ path: join(SHOTS, '05-paid.png'), fullPage: true });

    await trader.getByRole('link', { name: 'My policies' }).click();
    await trader.locator('[data-policy-id] [data-status="ACTIVE"]').waitFor(SLOW);
    await shot(trader, '06-my-policies-active');

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
    await shot(trader, '07-my-claims-verified');
  });

  it('a reviewer finds it in the queue, checks the root in the browser and approves', async () => {
    await fundTreasury(100_000n * 10n ** 6n);
    const reviewer = await signedIn(1);
    await reviewer.getByRole('link', { name: 'Admin console' }).click();
    await reviewer.locator(`a[href="/admin/claims/${claimId}"]`).waitFor(SLOW);
    expect(await reviewer.getByRole('navigation', { name: 'Admin' }).getByRole('link').allTextContents()).toEqual(['Claims', 'Payouts', 'Audit log', 'Trader pages']);
    await reviewer.locator('figure.chart').first().waitFor(SLOW);
    await shot(reviewer, '08-admin-claim-queue');
    await reviewer.locator(`a[href="/admin/claims/${claimId}"]`).click();
    await reviewer.getByRole('button', { name: 'Approve' }).waitFor(SLOW);
    // The reviewer's own copy of the sealed bundle (GET /admin/claims/:id/evidence), root recomputed here…
    await expect.poll(() => reviewer.getByTestId('root-check').getAttribute('data-ok'), SLOW).toBe('true');
    await reviewer.getByText('Checking the sealed bundle as stored by the verifier.').waitFor();
    await shot(reviewer, '09-admin-claim-detail');
    // …and the file the trader downloaded gives the same root.
    await reviewer.getByLabel(/Recompute from a sealed bundle file/).setInputFiles(bundlePath);
    await reviewer.getByText('Checking the file for this claim.').waitFor();
    expect(await reviewer.getByTestId('root-check').getAttribute('data-ok')).toBe('true');
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
    await shot(finance, '10-admin-payouts');
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
    for (const [link, name] of [
      ['Reconciliation', '13-admin-reconciliation'],
      ['Dead letters', '14-admin-dead-letters'],
      ['Audit log', '15-admin-audit'],
    ] as const) {
      await finance.getByRole('link', { name: link }).click();
      await finance.getByRole('heading', { name: link }).waitFor();
      if (link === 'Reconciliation') {
        // An on-demand run over the day so far: the premium paid above and the payout just executed, drawn.
        await finance.getByRole('button', { name: 'Reconcile the day so far' }).click();
        await finance.locator('figure.chart svg [data-run] rect').first().waitFor(SLOW);
        expect(await finance.locator('figure.chart svg').getAttribute('aria-label')).toMatch(/total [0-9,.]+ USDC in, [0-9,.]+ USDC out/);
      }
      await finance.waitForLoadState('networkidle');
      await shot(finance, name);
    }
    expect(await finance.getByRole('navigation', { name: 'Admin' }).getByRole('link').allTextContents()).toEqual([
      'Claims',
      'Payouts',
      'Reconciliation',
      'Dead letters',
      'Audit log',
      'Trader pages',
    ]);
  });

  it('the trader sees the claim PAID, also at phone width', async () => {
    await trader.reload();
    await trader.locator(`[data-claim-id="${claimId}"] [data-status="PAID"]`).waitFor(SLOW);
    await shot(trader, '16-my-claims-paid');
  });

  it('the superadmin sees roles, dead letters and the audit log; each admin section needs exactly the roles the gateway documents', async () => {
    const superadmin = await signedIn(0);
    await superadmin.getByRole('link', { name: 'Admin console' }).click();
    expect(await superadmin.getByRole('navigation', { name: 'Admin' }).getByRole('link').allTextContents()).toEqual(['Dead letters', 'Audit log', 'Roles', 'Trader pages']);
    await superadmin.getByRole('link', { name: 'Roles' }).click();
    await superadmin.locator('[data-wallet="0x70997970C51812dc3A010C7d01b50e0d17dc79C8"]').waitFor(SLOW);
    await shot(superadmin, '17-admin-roles');
    const docs = (await (await fetch('http://127.0.0.1:3000/docs-json')).json()) as { paths: Record<string, Record<string, { operationId: string; 'x-roles'?: string[] }>> };
    const roles = Object.fromEntries(Object.values(docs.paths).flatMap((ops) => Object.values(ops).map((op) => [op.operationId, op['x-roles']])));
    for (const section of ADMIN_SECTIONS) expect([...section.roles].sort(), section.operation).toEqual([...(roles[section.operation] ?? [])].sort());
  });

  it('no main page scrolls sideways at phone width', () => {
    expect(Object.keys(phoneOverflow).length).toBeGreaterThanOrEqual(12);
    expect(Object.entries(phoneOverflow).filter(([, px]) => px > 0)).toEqual([]);
  });
});
