import { describe, expect, it } from 'vitest';
import { OkxClientError } from '../errors/okx-client.error';
import { okxSignature } from '../signing/okx-signature';
import { OkxClient } from './okx-client';
import type { OkxClientOptions } from './okx-client.options';
import type { RawOkxResponse } from './raw-okx-response';

const CREDS = { apiKey: 'key-1234', secretKey: 'SECRET0123456789', passphrase: 'Pass phrase 1' };
const NOW = Date.UTC(2024, 4, 1, 12);

type Reply = { status: number; body: unknown } | Error;

/** A scripted OKX: answers in turn, records what was sent. */
function scripted(replies: Reply[]) {
  const sent: { url: string; headers: Record<string, string> }[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), headers: { ...(init?.headers as Record<string, string>) } });
    const reply = replies.shift();
    if (!reply) throw new Error('no scripted reply left');
    if (reply instanceof Error) throw reply;
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(text, { status: reply.status });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

function client(fetch: typeof globalThis.fetch, extra: Partial<OkxClientOptions> = {}) {
  const sleeps: number[] = [];
  const responses: RawOkxResponse[] = [];
  const okx = new OkxClient({
    baseUrl: 'https://okx.test',
    fetch,
    now: () => NOW,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    onResponse: (raw) => responses.push(raw),
    ...extra,
  });
  return { okx, sleeps, responses };
}

const ok = (data: unknown[]) => ({ status: 200, body: { code: '0', msg: '', data } });
const okxError = (code: string, status = 200) => ({ status, body: { code, msg: `error ${code}`, data: [] } });

describe('OkxClient signing and headers', () => {
  it('signs the path and query exactly as sent, with a fresh ISO timestamp', async () => {
    const okx = scripted([ok([{ ordId: '1' }])]);
    const { okx: c } = client(okx.fetch);
    await c.forAccount(CREDS).getOrder({ instId: 'BTC-USDT-SWAP', ordId: '1' });
    const [{ url, headers }] = okx.sent;
    expect(url).toBe('https://okx.test/api/v5/trade/order?ordId=1&instId=BTC-USDT-SWAP');
    expect(headers['OK-ACCESS-KEY']).toBe(CREDS.apiKey);
    expect(headers['OK-ACCESS-PASSPHRASE']).toBe(CREDS.passphrase);
    expect(headers['OK-ACCESS-TIMESTAMP']).toBe('2024-05-01T12:00:00.000Z');
    expect(headers['OK-ACCESS-SIGN']).toBe(okxSignature(CREDS.secretKey, '2024-05-01T12:00:00.000Z', 'GET', '/api/v5/trade/order?ordId=1&instId=BTC-USDT-SWAP'));
    expect(headers['x-simulated-trading']).toBeUndefined();
  });

  it('sends x-simulated-trading: 1 for demo trading and signs nothing on public endpoints', async () => {
    const okx = scripted([ok([{ instId: 'BTC-USDT-SWAP', markPx: '1' }])]);
    const { okx: c } = client(okx.fetch, { demoTrading: true });
    await c.getMarkPrice({ instType: 'SWAP', instId: 'BTC-USDT-SWAP' });
    expect(okx.sent[0]!.headers).toEqual({ accept: 'application/json', 'x-simulated-trading': '1' });
  });

  it('never lets the credentials out through the account object', () => {
    const { okx: c } = client(scripted([]).fetch);
    const account = c.forAccount(CREDS);
    expect(JSON.stringify(account)).not.toContain(CREDS.secretKey);
    expect(JSON.stringify(account)).not.toContain(CREDS.passphrase);
  });
});

describe('OkxClient raw capture', () => {
  it('returns data with the raw response: path, query, status, body, fetch time', async () => {
    const body = { code: '0', msg: '', data: [{ uid: '42', perm: 'read_only' }] };
    const { okx: c, responses } = client(scripted([{ status: 200, body }]).fetch);
    const result = await c.forAccount(CREDS).getAccountConfig();
    expect(result.data).toEqual([{ uid: '42', perm: 'read_only' }]);
    expect(result.raw).toEqual({
      method: 'GET',
      path: '/api/v5/account/config',
      query: {},
      requestPath: '/api/v5/account/config',
      status: 200,
      body,
      fetchedAt: '2024-05-01T12:00:00.000Z',
      attempt: 1,
      durationMs: 0,
    });
    expect(responses).toEqual([result.raw]);
  });

  it('keeps a body that is not JSON as text', async () => {
    const { okx: c } = client(scripted([{ status: 502, body: 'Bad Gateway' }]).fetch, { retry: { maxAttempts: 1 } });
    const error = await c.forAccount(CREDS).getPositions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OkxClientError);
    expect((error as OkxClientError).raw).toMatchObject({ status: 502, body: 'Bad Gateway' });
  });
});

describe('OkxClient retries', () => {
  it('retries 50011 with growing, jittered delays and succeeds', async () => {
    const { okx: c, sleeps, responses } = client(scripted([okxError('50011', 429), okxError('50011', 429), ok([])]).fetch);
    await expect(c.forAccount(CREDS).getPositions()).resolves.toMatchObject({ data: [] });
    expect(sleeps).toEqual([75, 150]);
    expect(responses.map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it('retries 5xx and network errors, then gives up with OKX_UNAVAILABLE', async () => {
    const { okx: c } = client(scripted([{ status: 503, body: 'down' }, new TypeError('fetch failed'), { status: 500, body: 'oops' }]).fetch);
    const error = (await c.forAccount(CREDS).getPositions().catch((e: unknown) => e)) as OkxClientError;
    expect(error).toMatchObject({ reason: 'OKX_UNAVAILABLE', attempts: 3, httpStatus: 500, retryable: true });
  });

  it('gives up on a rate limit with OKX_RATE_LIMITED and the last raw response', async () => {
    const { okx: c } = client(scripted([okxError('50011', 429), okxError('50011', 429), okxError('50011', 429)]).fetch);
    const error = (await c.forAccount(CREDS).getPositions().catch((e: unknown) => e)) as OkxClientError;
    expect(error).toMatchObject({ reason: 'OKX_RATE_LIMITED', okxCode: '50011', httpStatus: 429, attempts: 3 });
    expect(error.raw?.attempt).toBe(3);
  });

  it.each(['51603', '51001', '50111', '50113', '50119', '50105', '50102', '51000'])('never retries %s', async (code) => {
    const okx = scripted([okxError(code, code.startsWith('501') ? 401 : 200)]);
    const { okx: c, sleeps } = client(okx.fetch);
    const error = (await c.forAccount(CREDS).getOrder({ instId: 'BTC-USDT-SWAP', ordId: '1' }).catch((e: unknown) => e)) as OkxClientError;
    expect(error.okxCode).toBe(code);
    expect(error.attempts).toBe(1);
    expect(okx.sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('maps by code, never by message', async () => {
    const { okx: c } = client(scripted([{ status: 200, body: { code: '51603', msg: 'Too Many Requests', data: [] } }]).fetch);
    await expect(c.forAccount(CREDS).getOrder({ instId: 'X-Y', ordId: '1' })).rejects.toMatchObject({ reason: 'OKX_NOT_FOUND' });
  });

  it('times out a silent OKX per attempt', async () => {
    const hanging = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof globalThis.fetch;
    const { okx: c } = client(hanging, { timeoutMs: 20, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(c.forAccount(CREDS).getPositions()).rejects.toMatchObject({ reason: 'OKX_UNAVAILABLE', attempts: 2, message: expect.stringContaining('no answer within 20 ms') });
  });

  it('never puts credentials into error messages', async () => {
    const { okx: c } = client(scripted([okxError('50113', 401)]).fetch);
    const error = (await c.forAccount(CREDS).getPositions().catch((e: unknown) => e)) as OkxClientError;
    const text = `${error.message} ${JSON.stringify(error)} ${JSON.stringify(error.raw)}`;
    for (const secret of Object.values(CREDS)) expect(text).not.toContain(secret);
  });
});

describe('OkxClient limiter', () => {
  it('refuses locally with OKX_RATE_LIMITED, sending nothing, when the budget cannot free up in time', async () => {
    const okx = scripted(Array.from({ length: 5 }, () => ok([])));
    const { okx: c } = client(okx.fetch, { rateLimit: { maxWaitMs: 0, marginMs: 0 } });
    const account = c.forAccount(CREDS);
    for (let i = 0; i < 5; i += 1) await account.getAccountConfig();
    await expect(account.getAccountConfig()).rejects.toMatchObject({ reason: 'OKX_RATE_LIMITED', attempts: 0 });
    expect(okx.sent).toHaveLength(5);
  });
});

describe('OkxClient call deadline', () => {
  it('starts no retry that would end past the deadline', async () => {
    let now = NOW;
    const okx = scripted([okxError('50011', 429), okxError('50011', 429), ok([])]);
    const c = new OkxClient({
      baseUrl: 'https://okx.test',
      fetch: okx.fetch,
      now: () => now,
      sleep: async (ms) => void (now += ms),
      random: () => 0.5,
      deadlineMs: 200,
      retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 },
    });
    // delays would be 75, 150: the second retry would end at 225 ms > 200 ms.
    await expect(c.forAccount(CREDS).getPositions()).rejects.toMatchObject({ reason: 'OKX_RATE_LIMITED', attempts: 2 });
    expect(okx.sent).toHaveLength(2);
  });

  it('shortens the last attempt to what is left of the deadline', async () => {
    const hanging = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof globalThis.fetch;
    const c = new OkxClient({ baseUrl: 'https://okx.test', fetch: hanging, timeoutMs: 5000, deadlineMs: 30, retry: { maxAttempts: 3 } });
    const started = Date.now();
    await expect(c.forAccount(CREDS).getPositions()).rejects.toMatchObject({ reason: 'OKX_UNAVAILABLE', attempts: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
