import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { approveAndPayPremium, LOCAL_ACCOUNT, localWallets } from '@liqpass/chain';
import { eventually } from '@liqpass/testing';
import type { HDNodeWallet } from 'ethers';
import { PolicyTestEnv, type TraderApi } from '../testing/policy-test-env';

/**
 * Claims end to end through the real gateway over HTTP (PRODUCT.md §4, §5): real policies paid
 * on anvil, the real okx-binding reading the OKX simulator with the trader's stored key, the
 * real claims-verifier — each outcome of the detection rule, OKX faults, and the fraud controls,
 * as a trader and a reviewer meet them.
 */
interface Claim {
  id: string;
  status: string;
  reasonCode: string | null;
  liquidationKind: string | null;
  payoutAmountUsdc: string | null;
  evidenceRoot: string | null;
}
interface Insured {
  trader: HDNodeWallet;
  api: TraderApi;
  account: { uid: string; apiKey: string; secretKey: string; passphrase: string };
  position: { posId: string; ordId: string };
  orderId: string;
  payoutFixedUsdc: string;
}

const INST = 'BTC-USDT-SWAP';
const CLI = resolve(__dirname, '../../../../libs/evidence/bin/liqpass-evidence.cjs');
const CLAIMS_PER_30_DAYS = 3;
let env: PolicyTestEnv;
const apis = new Map<string, TraderApi>();

const trader = (n: number) => env.trader(n);
const BLACKLISTED = localWallets()[LOCAL_ACCOUNT.traders[3]!]!.address;

beforeAll(async () => {
  env = await PolicyTestEnv.open('claims', {}, {
    VERIFY_DEADLINE_MS: '6000',
    CLAIMS_PER_30_DAYS: String(CLAIMS_PER_30_DAYS),
    BLACKLISTED_WALLETS: BLACKLISTED,
  });
}, 180_000);

afterAll(async () => {
  await env?.close();
}, 60_000);

async function apiOf(wallet: HDNodeWallet): Promise<TraderApi> {
  if (!apis.has(wallet.address)) apis.set(wallet.address, await env.signIn(wallet));
  return apis.get(wallet.address)!;
}

/** An ACTIVE policy on a fresh (or the given) OKX account: link, quote, order, bind, pay on-chain. */
async function insure(wallet: HDNodeWallet, over: { account?: Insured['account']; posSide?: 'long' | 'short' } = {}): Promise<Insured> {
  const api = await apiOf(wallet);
  const account = over.account ?? (await env.sim.createAccount({ perm: 'read_only' }));
  const linked = await api.post('/okx/accounts', { apiKey: account.apiKey, secretKey: account.secretKey, passphrase: account.passphrase });
  expect(linked.status, JSON.stringify(linked.body)).toBe(201);
  const position = await env.sim.openPosition({ uid: account.uid, instId: INST, posSide: over.posSide ?? 'long', mgnMode: 'isolated', lever: 20, sz: 100, avgPx: 60000 });
  const quote = await api.post<{ quoteId: string; payoutFixedUsdc: string; signature: string; typedData: { message: Record<string, unknown> } }>('/quote', { chainId: env.chain.chainId, instId: INST, posId: position.posId, coverageSeconds: 86_400 });
  expect(quote.status, JSON.stringify(quote.body)).toBe(201);
  const order = await api.post<{ id: string }>('/purchase_orders', { quoteId: quote.body.quoteId });
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  const bound = await api.post(`/purchase_orders/${order.body.id}/bind-okx`, { ordId: position.ordId, instId: INST });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  await (await approveAndPayPremium(wallet.connect(env.provider), env.chain.checkout, env.chain.usdc, quote.body.typedData.message as never, quote.body.signature)).wait();
  await eventually(async () => (await api.get<{ status: string }>(`/purchase_orders/${order.body.id}`)).body.status === 'ACTIVE', 30_000, 200);
  return { trader: wallet, api, account, position, orderId: order.body.id, payoutFixedUsdc: quote.body.payoutFixedUsdc };
}

async function claim(insured: Insured): Promise<Claim> {
  const opened = await insured.api.post<Claim>('/claims', { purchaseOrderId: insured.orderId });
  expect([200, 201], JSON.stringify(opened.body)).toContain(opened.status);
  return opened.body;
}

/** The claim once it has left VERIFYING, read as the trader reads it. */
async function decided(insured: Insured, id: string): Promise<Claim> {
  return eventually(async () => {
    const reply = await insured.api.get<Claim>(`/claims/${id}`);
    expect(reply.status).toBe(200);
    return reply.body.status === 'VERIFYING' ? undefined : reply.body;
  }, 30_000, 200);
}

const liquidate = (insured: Insured, body: Record<string, unknown> = { kind: 'full' }) =>
  env.sim.control<{ ordId: string }>('liquidations', { uid: insured.account.uid, posId: insured.position.posId, ...body });

async function withFault<T>(fault: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  await env.sim.setFault({ path: '*', ...fault });
  try {
    return await work();
  } finally {
    await env.sim.setFault({ path: '*', latencyMs: 0, errorRate: 0 });
  }
}

describe('claims through the gateway', () => {
  // Policies are bought up front (OKX healthy); trader n's claims stay within the rate limit
  // except where a test means to cross it.
  const policies: Record<string, Insured> = {};
  beforeAll(async () => {
    const plan: [string, number, Partial<Parameters<typeof insure>[1]>?][] = [
      ['full', 0], ['partial', 0], ['adl', 0], ['rateLimited', 0],
      ['otherPosition', 1], ['none', 1], ['rateLimit50011', 1],
      ['unavailable', 2], ['slow', 2], ['blacklisted', 3],
    ];
    const byTrader = new Map<number, typeof plan>();
    for (const entry of plan) byTrader.set(entry[1], [...(byTrader.get(entry[1]) ?? []), entry]);
    await Promise.all([...byTrader].map(async ([n, entries]) => {
      for (const [name] of entries) policies[name] = await insure(trader(n));
    }));
  }, 240_000);

  it('a full liquidation: VERIFIED_PENDING_REVIEW for the quoted payout; the sealed bundle passes liqpass-evidence verify and one changed byte fails it', async () => {
    const insured = policies['full']!;
    const liquidation = await liquidate(insured);
    const verified = await decided(insured, (await claim(insured)).id);
    expect(verified).toMatchObject({ status: 'VERIFIED_PENDING_REVIEW', liquidationKind: 'FULL', payoutAmountUsdc: insured.payoutFixedUsdc });

    const bundle = await insured.api.get<{ root: string; items: { name: string; body: unknown }[] }>(`/claims/${verified.id}/evidence`);
    expect(bundle.status).toBe(200);
    expect(bundle.body.root).toBe(verified.evidenceRoot);
    const dir = mkdtempSync(join(tmpdir(), 'claim-e2e-'));
    const text = JSON.stringify(bundle.body);
    writeFileSync(join(dir, 'bundle.json'), text);
    const ok = spawnSync(process.execPath, [CLI, 'verify', join(dir, 'bundle.json')], { encoding: 'utf8' });
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    // One byte of one raw OKX body: a digit of the liquidation order's id, inside items[].body.
    const at = text.indexOf(liquidation.ordId, text.indexOf('"items"'));
    expect(at).toBeGreaterThan(0);
    const digit = text[at]!;
    writeFileSync(join(dir, 'tampered.json'), text.slice(0, at) + (digit === '9' ? '8' : String(Number(digit) + 1)) + text.slice(at + 1));
    const tampered = spawnSync(process.execPath, [CLI, 'verify', join(dir, 'tampered.json')], { encoding: 'utf8' });
    expect(tampered.status).not.toBe(0);
  }, 60_000);

  it('a partial liquidation: VERIFIED with the payout scaled by the liquidated share', async () => {
    const insured = policies['partial']!;
    await liquidate(insured, { kind: 'partial', sz: 25 });
    const verified = await decided(insured, (await claim(insured)).id);
    expect(verified).toMatchObject({ status: 'VERIFIED_PENDING_REVIEW', liquidationKind: 'PARTIAL' });
    expect(Number(verified.payoutAmountUsdc)).toBeCloseTo(Number(insured.payoutFixedUsdc) / 4, 6);
  }, 60_000);

  it('ADL, a liquidation of another position of the same instrument, and no liquidation at all: REJECTED with NO_LIQUIDATION_FOUND', async () => {
    const adl = policies['adl']!;
    await env.sim.control('adl', { uid: adl.account.uid, posId: adl.position.posId });
    const other = policies['otherPosition']!;
    const short = await env.sim.openPosition({ uid: other.account.uid, instId: INST, posSide: 'short', mgnMode: 'isolated', lever: 20, sz: 10, avgPx: 60000 });
    await env.sim.control('liquidations', { uid: other.account.uid, posId: short.posId, kind: 'full' });
    const none = policies['none']!;
    for (const insured of [adl, other, none]) {
      expect(await decided(insured, (await claim(insured)).id)).toMatchObject({ status: 'REJECTED', reasonCode: 'NO_LIQUIDATION_FOUND' });
    }
  }, 90_000);

  it('OKX answering 50011: retried, then FAILED with OKX_RATE_LIMITED; the trader retries once OKX is back and it verifies', async () => {
    const insured = policies['rateLimit50011']!;
    await liquidate(insured);
    const failed = await withFault({ errorRate: 1, errorCode: '50011' }, async () => decided(insured, (await claim(insured)).id));
    expect(failed).toMatchObject({ status: 'FAILED', reasonCode: 'OKX_RATE_LIMITED' });
    const retried = await claim(insured);
    expect(retried.id).toBe(failed.id);
    expect(await decided(insured, retried.id)).toMatchObject({ status: 'VERIFIED_PENDING_REVIEW' });
  }, 90_000);

  it('OKX answering 5xx, or slower than okx-binding waits for an answer: FAILED with OKX_UNAVAILABLE — never left VERIFYING', async () => {
    const unavailable = policies['unavailable']!;
    await liquidate(unavailable);
    expect(await withFault({ errorRate: 1, errorCode: '503' }, async () => decided(unavailable, (await claim(unavailable)).id))).toMatchObject({ status: 'FAILED', reasonCode: 'OKX_UNAVAILABLE' });
    const slow = policies['slow']!;
    await liquidate(slow);
    // 8 s is past okx-binding's OKX_REQUEST_TIMEOUT_MS (4 s): each read gives up, and the claim is
    // decided inside its 6 s deadline. (The deadline itself, VERIFY_TIMEOUT, is held in
    // apps/claims-verifier/src/claims/interface/claims.int-spec.ts with a slower stand-in.)
    const started = Date.now();
    expect(await withFault({ latencyMs: 8_000 }, async () => decided(slow, (await claim(slow)).id))).toMatchObject({ status: 'FAILED', reasonCode: 'OKX_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 90_000);

  it(`the claim-rate limit: a wallet's claim beyond ${CLAIMS_PER_30_DAYS} in 30 days is 429 CLAIM_RATE_LIMITED and no claim is created`, async () => {
    const insured = policies['rateLimited']!; // trader 0 has claimed three times above
    await liquidate(insured);
    const refused = await insured.api.post<{ error: string; traceId: string }>('/claims', { purchaseOrderId: insured.orderId });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: 'CLAIM_RATE_LIMITED' });
    expect(await env.sql('SELECT 1 FROM claims.insurance_claims WHERE purchase_order_id = $1', [insured.orderId])).toHaveLength(0);
  }, 30_000);

  it('one OKX account behind two wallets: the claim carries the OKX_UID_MANY_WALLETS signal for the reviewer', async () => {
    const first = policies['none']!; // trader 1's account
    const second = await insure(trader(2), { account: first.account, posSide: 'short' });
    await liquidate(second);
    const opened = await claim(second);
    await decided(second, opened.id);
    const reviewer = await env.signIn(env.wallets[LOCAL_ACCOUNT.reviewer]!);
    const detail = await reviewer.get<{ fraudSignals: { signal: string; wallets: string[] }[] }>(`/admin/claims/${opened.id}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    const signal = detail.body.fraudSignals.find((s) => s.signal === 'OKX_UID_MANY_WALLETS');
    expect(signal?.wallets.map((w) => w.toLowerCase()).sort()).toEqual([trader(1).address, trader(2).address].map((w) => w.toLowerCase()).sort());
  }, 90_000);

  it('a blacklisted wallet is refused with 403 BLACKLISTED, and another trader cannot claim on its policy; no claim is created', async () => {
    const insured = policies['blacklisted']!;
    expect(insured.trader.address).toBe(BLACKLISTED);
    await liquidate(insured);
    const refused = await insured.api.post<{ error: string }>('/claims', { purchaseOrderId: insured.orderId });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'BLACKLISTED' });
    const theirs = await (await apiOf(trader(1))).post<{ error: string }>('/claims', { purchaseOrderId: insured.orderId });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toMatchObject({ error: 'PURCHASE_ORDER_NOT_FOUND' });
    expect(await env.sql('SELECT 1 FROM claims.insurance_claims WHERE purchase_order_id = $1', [insured.orderId])).toHaveLength(0);
  }, 30_000);
});
