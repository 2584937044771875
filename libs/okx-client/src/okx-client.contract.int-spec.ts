import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OkxClient } from './client/okx-client';
import type { OkxClientOptions, OkxCredentials } from './client/okx-client.options';
import type { RawOkxResponse } from './client/raw-okx-response';
import { OkxClientError } from './errors/okx-client.error';
import { OkxSimProcess, type SimAccount } from './testing/okx-sim-process';

/**
 * The client's contract, run against the OKX simulator started as its own process: what the
 * client sends is accepted as OKX accepts it, and what OKX answers (every error code of
 * OKX.md's table, rate limits, pages, outages) comes back as the right LiqPass reason.
 */
let sim: OkxSimProcess;

beforeAll(async () => {
  sim = await OkxSimProcess.start();
});

afterAll(async () => {
  await sim?.stop();
});

afterEach(async () => {
  await sim.clearFaults();
});

function clientFor(extra: Partial<OkxClientOptions> = {}) {
  const responses: RawOkxResponse[] = [];
  const client = new OkxClient({
    baseUrl: sim.baseUrl,
    timeoutMs: 2000,
    retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
    onResponse: (raw) => responses.push(raw),
    ...extra,
  });
  return { client, responses };
}

const credsOf = (account: SimAccount): OkxCredentials => ({ apiKey: account.apiKey, secretKey: account.secretKey, passphrase: account.passphrase });

async function failure(call: Promise<unknown>): Promise<OkxClientError> {
  const outcome = await call.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof OkxClientError)) throw outcome;
  return outcome;
}

describe('signing: the simulator accepts what the client signs', () => {
  it('reads the account config with a generated key', async () => {
    const account = await sim.createAccount({ perm: 'read_only' });
    const { data } = await clientFor().client.forAccount(credsOf(account)).getAccountConfig();
    expect(data[0]).toMatchObject({ uid: account.uid, perm: 'read_only' });
  });

  it("signs with OKX's documented example secret", async () => {
    const account = await sim.createAccount({ apiKey: 'contract-vector-key', secretKey: '22582BD0CFF14C41EDBF1AB98506286D', passphrase: 'vector-pass' });
    const { data } = await clientFor().client.forAccount(credsOf(account)).getOrdersPending({ instType: 'SWAP', instId: 'BTC-USDT-SWAP' });
    expect(data).toEqual([]);
  });

  it('signs query strings with lists and several parameters', async () => {
    const account = await sim.createAccount();
    await sim.openPosition({ uid: account.uid, instId: 'ETH-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: 10, sz: 1, avgPx: 3000 });
    const { data } = await clientFor().client.forAccount(credsOf(account)).getPositions({ instType: 'SWAP', instId: 'BTC-USDT-SWAP,ETH-USDT-SWAP' });
    expect(data.map((p) => p.instId)).toEqual(['ETH-USDT-SWAP']);
  });

  it('sends the demo-trading header for demo keys only', async () => {
    const demo = await sim.createAccount({ demo: true });
    const live = await sim.createAccount();
    await expect(clientFor({ demoTrading: true }).client.forAccount(credsOf(demo)).getAccountConfig()).resolves.toBeDefined();
    expect(await failure(clientFor().client.forAccount(credsOf(demo)).getAccountConfig())).toMatchObject({ okxCode: '50101', reason: 'OKX_KEY_INVALID' });
    expect(await failure(clientFor({ demoTrading: true }).client.forAccount(credsOf(live)).getAccountConfig())).toMatchObject({ okxCode: '50101' });
  });
});

describe("OKX.md's error table, produced for real", () => {
  it.each([
    ['50111', 'an unknown key', (a: SimAccount) => ({ ...credsOf(a), apiKey: 'no-such-key-000' })],
    ['50105', 'a wrong passphrase', (a: SimAccount) => ({ ...credsOf(a), passphrase: 'not-the-passphrase' })],
    ['50113', 'a wrong secret', (a: SimAccount) => ({ ...credsOf(a), secretKey: 'ABCDEF0123456789ABCDEF0123456789' })],
    ['50103', 'an empty key', (a: SimAccount) => ({ ...credsOf(a), apiKey: '' })],
    ['50104', 'an empty passphrase', (a: SimAccount) => ({ ...credsOf(a), passphrase: '' })],
  ])('%s: %s → OKX_KEY_INVALID, HTTP 401, not retried', async (code, _what, credentials) => {
    const account = await sim.createAccount();
    const { client, responses } = clientFor();
    const error = await failure(client.forAccount(credentials(account)).getAccountConfig());
    expect(error).toMatchObject({ okxCode: code, httpStatus: 401, reason: 'OKX_KEY_INVALID', attempts: 1 });
    expect(responses).toHaveLength(1);
  });

  it('50102: a timestamp older than the window → OKX_UNAVAILABLE (our clock), not retried', async () => {
    const account = await sim.createAccount();
    const { client } = clientFor({ now: () => Date.now() - 60_000 });
    expect(await failure(client.forAccount(credsOf(account)).getAccountConfig())).toMatchObject({ okxCode: '50102', httpStatus: 401, reason: 'OKX_UNAVAILABLE', attempts: 1 });
  });

  it('50119: a deleted key → OKX_KEY_INVALID (HTTP 200)', async () => {
    const account = await sim.createAccount();
    await sim.control('keys/revoke', { apiKey: account.apiKey });
    expect(await failure(clientFor().client.forAccount(credsOf(account)).getAccountConfig())).toMatchObject({ okxCode: '50119', httpStatus: 200, reason: 'OKX_KEY_INVALID' });
  });

  it('50110: a key fenced to other IPs → OKX_KEY_INVALID', async () => {
    const account = await sim.createAccount({ ipWhitelist: ['10.9.8.7'] });
    expect(await failure(clientFor().client.forAccount(credsOf(account)).getAccountConfig())).toMatchObject({ okxCode: '50110', httpStatus: 401, reason: 'OKX_KEY_INVALID' });
  });

  it('51603: an order that does not exist → OKX_NOT_FOUND, one request', async () => {
    const account = await sim.createAccount();
    const { client, responses } = clientFor();
    const error = await failure(client.forAccount(credsOf(account)).getOrder({ instId: 'BTC-USDT-SWAP', ordId: '999999999' }));
    expect(error).toMatchObject({ okxCode: '51603', httpStatus: 200, reason: 'OKX_NOT_FOUND', attempts: 1 });
    expect(responses).toHaveLength(1);
  });

  it('51001: an instrument that does not exist → OKX_NOT_FOUND', async () => {
    const account = await sim.createAccount();
    expect(await failure(clientFor().client.forAccount(credsOf(account)).getOrder({ instId: 'NOPE-USDT-SWAP', ordId: '1' }))).toMatchObject({
      okxCode: '51001',
      reason: 'OKX_NOT_FOUND',
    });
  });
});

describe("OKX.md's error table, every row injected", () => {
  it.each([
    ['50103', 401, 'OKX_KEY_INVALID', false],
    ['50104', 401, 'OKX_KEY_INVALID', false],
    ['50106', 401, 'OKX_UNAVAILABLE', false],
    ['50107', 401, 'OKX_UNAVAILABLE', false],
    ['50105', 401, 'OKX_KEY_INVALID', false],
    ['50111', 401, 'OKX_KEY_INVALID', false],
    ['50112', 401, 'OKX_UNAVAILABLE', false],
    ['50102', 401, 'OKX_UNAVAILABLE', false],
    ['50113', 401, 'OKX_KEY_INVALID', false],
    ['50110', 401, 'OKX_KEY_INVALID', false],
    ['50101', 401, 'OKX_KEY_INVALID', false],
    ['50119', 200, 'OKX_KEY_INVALID', false],
    ['50120', 200, 'OKX_KEY_INVALID', false],
    ['50011', 429, 'OKX_RATE_LIMITED', true],
    ['51603', 200, 'OKX_NOT_FOUND', false],
    ['51001', 200, 'OKX_NOT_FOUND', false],
  ] as const)('%s (HTTP %s) → %s, retried: %s', async (code, status, reason, retried) => {
    const account = await sim.createAccount();
    await sim.setFault({ path: '/api/v5/account/positions', errorCode: code });
    const { client, responses } = clientFor();
    const error = await failure(client.forAccount(credsOf(account)).getPositions());
    expect(error).toMatchObject({ okxCode: code, httpStatus: status, reason });
    expect(responses.map((r) => r.status)).toEqual(Array(retried ? 3 : 1).fill(status));
  });
});

describe('rate limits', () => {
  it("the client's limiter keeps a burst inside OKX's limit: no 50011, the extra calls wait", async () => {
    const account = await sim.createAccount();
    const { client, responses } = clientFor({ retry: { maxAttempts: 1 } });
    const okx = client.forAccount(credsOf(account));
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 7 }, () => okx.getAccountConfig()));
    expect(results).toHaveLength(7);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(responses.every((raw) => raw.status === 200)).toBe(true);
  });

  it('without the limiter OKX answers the 6th call in 2 s with 50011 (HTTP 429) → OKX_RATE_LIMITED', async () => {
    const account = await sim.createAccount();
    const okx = clientFor({ rateLimit: false, retry: { maxAttempts: 1 } }).client.forAccount(credsOf(account));
    for (let i = 0; i < 5; i += 1) await okx.getAccountConfig();
    expect(await failure(okx.getAccountConfig())).toMatchObject({ okxCode: '50011', httpStatus: 429, reason: 'OKX_RATE_LIMITED' });
  });

  it('limits per key: another key of the same account has its own budget', async () => {
    const account = await sim.createAccount();
    const second = await sim.createAccount({ uid: account.uid });
    const { client } = clientFor({ rateLimit: { maxWaitMs: 0 }, retry: { maxAttempts: 1 } });
    for (let i = 0; i < 5; i += 1) await client.forAccount(credsOf(account)).getAccountConfig();
    expect(await failure(client.forAccount(credsOf(account)).getAccountConfig())).toMatchObject({ reason: 'OKX_RATE_LIMITED', attempts: 0 });
    await expect(client.forAccount(credsOf(second)).getAccountConfig()).resolves.toBeDefined();
  });
});

describe('pagination', () => {
  it('walks orders-history newest first, page by page, with after = the oldest ordId', async () => {
    const account = await sim.createAccount();
    const base = Date.now() - 3_600_000;
    for (let i = 0; i < 25; i += 1) {
      await sim.control('orders', { uid: account.uid, instId: 'BTC-USDT-SWAP', side: 'buy', posSide: 'long', tdMode: 'isolated', sz: 1, px: 60000, state: 'filled', ts: base + i * 1000 });
    }
    const walk = await clientFor().client.forAccount(credsOf(account)).walkOrdersHistory({ instType: 'SWAP' }, { limit: 10, includeArchive: false });
    expect(walk.items).toHaveLength(25);
    expect(walk.items.map((o) => Number(o.cTime))).toEqual([...walk.items.map((o) => Number(o.cTime))].sort((a, b) => b - a));
    expect(walk.pages.map((raw) => raw.query)).toEqual([
      { instType: 'SWAP', limit: '10' },
      { instType: 'SWAP', after: walk.items[9]!.ordId, limit: '10' },
      { instType: 'SWAP', after: walk.items[19]!.ordId, limit: '10' },
    ]);
    expect(walk.complete).toBe(true);
  });

  it('falls back to the archive for orders older than 7 days', async () => {
    const account = await sim.createAccount();
    const day = 86_400_000;
    for (const age of [1, 2, 10, 20]) {
      await sim.control('orders', { uid: account.uid, instId: 'BTC-USDT-SWAP', side: 'buy', posSide: 'long', tdMode: 'cross', sz: 1, px: 60000, state: 'filled', ts: Date.now() - age * day });
    }
    const okx = clientFor().client.forAccount(credsOf(account));
    const recentOnly = await okx.walkOrdersHistory({ instType: 'SWAP' }, { includeArchive: false });
    expect(recentOnly.items).toHaveLength(2);
    const walk = await okx.walkOrdersHistory({ instType: 'SWAP' });
    expect(walk.items).toHaveLength(4);
    expect(walk.pages.map((raw) => raw.path)).toEqual(['/api/v5/trade/orders-history', '/api/v5/trade/orders-history-archive']);
    expect(walk.pages[1]!.query).toMatchObject({ after: walk.items[1]!.ordId });
  });
});

describe('retries with injected faults', () => {
  it('retries a 5xx (plain text) and reports OKX_UNAVAILABLE after the last attempt', async () => {
    const account = await sim.createAccount();
    await sim.setFault({ path: '/api/v5/account/config', errorCode: 500 });
    const { client, responses } = clientFor();
    const error = await failure(client.forAccount(credsOf(account)).getAccountConfig());
    expect(error).toMatchObject({ reason: 'OKX_UNAVAILABLE', httpStatus: 500, attempts: 3 });
    expect(responses).toHaveLength(3);
    expect(typeof responses[0]!.body).toBe('string');
  });

  it('retries 50001 (HTTP 503) too', async () => {
    const account = await sim.createAccount();
    await sim.setFault({ path: '/api/v5/account/config', errorCode: 503 });
    const error = await failure(clientFor().client.forAccount(credsOf(account)).getAccountConfig());
    expect(error).toMatchObject({ reason: 'OKX_UNAVAILABLE', okxCode: '50001', httpStatus: 503, attempts: 3 });
  });

  it('recovers when the fault clears between attempts', async () => {
    const account = await sim.createAccount();
    await sim.setFault({ path: '/api/v5/account/config', errorCode: '50011' });
    const responses: RawOkxResponse[] = [];
    const client = new OkxClient({
      baseUrl: sim.baseUrl,
      retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 50 },
      onResponse: (raw) => {
        responses.push(raw);
        if (responses.length === 1) void sim.clearFaults();
      },
      sleep: async (ms) => {
        await new Promise((resolve) => setTimeout(resolve, ms + 100));
      },
    });
    const { data } = await client.forAccount(credsOf(account)).getAccountConfig();
    expect(data[0]?.uid).toBe(account.uid);
    expect(responses.map((r) => [r.attempt, r.status])).toEqual([
      [1, 429],
      [2, 200],
    ]);
  });

  it('times out a slow OKX on every attempt → OKX_UNAVAILABLE', async () => {
    const account = await sim.createAccount();
    await sim.setFault({ path: '/api/v5/account/config', latencyMs: 1000 });
    const { client, responses } = clientFor({ timeoutMs: 150, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 } });
    const error = await failure(client.forAccount(credsOf(account)).getAccountConfig());
    expect(error).toMatchObject({ reason: 'OKX_UNAVAILABLE', attempts: 2, message: expect.stringContaining('no answer within 150 ms') });
    expect(responses).toHaveLength(0);
  });

  it('treats a refused connection as a network error, retried then OKX_UNAVAILABLE', async () => {
    const client = new OkxClient({ baseUrl: 'http://127.0.0.1:1', retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const error = await failure(client.forAccount({ apiKey: 'k', secretKey: 's', passphrase: 'p' }).getAccountConfig());
    expect(error).toMatchObject({ reason: 'OKX_UNAVAILABLE', attempts: 2, message: expect.stringContaining('network error') });
  });
});

describe('raw capture', () => {
  it('captures path, query, status, body and fetch time of every response, and no header', async () => {
    const account = await sim.createAccount();
    const position = await sim.openPosition({ uid: account.uid, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: 20, sz: 2, avgPx: 60000 });
    const { client, responses } = clientFor();
    const before = Date.now();
    const result = await client.forAccount(credsOf(account)).getOrder({ instId: 'BTC-USDT-SWAP', ordId: position.ordId });
    expect(result.raw).toMatchObject({
      method: 'GET',
      path: '/api/v5/trade/order',
      query: { ordId: position.ordId, instId: 'BTC-USDT-SWAP' },
      requestPath: `/api/v5/trade/order?ordId=${position.ordId}&instId=BTC-USDT-SWAP`,
      status: 200,
      body: { code: '0', msg: '', data: [expect.objectContaining({ ordId: position.ordId, category: 'normal', state: 'filled' })] },
      attempt: 1,
    });
    expect(Date.parse(result.raw.fetchedAt)).toBeGreaterThanOrEqual(before - 5);
    expect(responses).toEqual([result.raw]);
    const text = JSON.stringify(responses);
    for (const secret of [account.apiKey, account.secretKey, account.passphrase]) expect(text).not.toContain(secret);
  });

  it('captures error responses too, and carries the last one on the error', async () => {
    const account = await sim.createAccount();
    const { client, responses } = clientFor();
    const error = await failure(client.forAccount(credsOf(account)).getOrder({ instId: 'BTC-USDT-SWAP', ordId: '1' }));
    expect(responses).toHaveLength(1);
    expect(error.raw).toEqual(responses[0]);
    expect(error.raw?.body).toMatchObject({ code: '51603' });
  });
});

describe('public endpoints and reachability', () => {
  it('reads mark prices and candles unsigned', async () => {
    const { client } = clientFor();
    const mark = await client.getMarkPrice({ instType: 'SWAP', instId: 'BTC-USDT-SWAP' });
    expect(mark.data[0]).toMatchObject({ instId: 'BTC-USDT-SWAP' });
    const candles = await client.getCandles({ instId: 'BTC-USDT-SWAP', bar: '1H', limit: 5 });
    expect(candles.data).toHaveLength(5);
    await expect(client.checkReachable()).resolves.toBeUndefined();
  });
});
