import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness, type SimCredentials } from '../../testing/sim-harness';

describe('fault injection', () => {
  let sim: SimHarness;
  let creds: SimCredentials;
  // The dice are the test's: each request consumes the next value.
  const dice: number[] = [];

  beforeAll(async () => {
    sim = await SimHarness.start({ random: () => dice.shift() ?? 0.99 });
    creds = await sim.createAccount();
  });
  afterEach(() => sim.control('faults', { clear: true }, 200));
  afterAll(() => sim.close());

  const positions = '/api/v5/account/positions';

  it('injects an OKX error code with its status on one path only', async () => {
    const settings = await sim.control('faults', { path: positions, errorCode: '50011' }, 200);
    expect(settings).toEqual({ faults: [{ path: positions, latencyMs: 0, errorRate: 1, errorCode: '50011' }] });
    expect(await sim.okx(creds, { path: positions })).toMatchObject({ status: 429, body: { code: '50011', data: [] } });
    expect((await sim.okx(creds, { path: '/api/v5/account/positions-history' })).body.code).toBe('0');
  });

  it('injects a bare 5xx as a non-JSON body', async () => {
    await sim.control('faults', { path: '/api/v5/trade/*', errorCode: 502 }, 200);
    const response = await fetch(`${sim.baseUrl}/api/v5/trade/orders-pending`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toContain('502');
  });

  it('503 answers OKX 50001; an error rate without a code too', async () => {
    await sim.control('faults', { errorCode: '503' }, 200);
    expect(await sim.okx(creds, { path: positions })).toMatchObject({ status: 503, body: { code: '50001' } });
    await sim.control('faults', { errorRate: 1 }, 200);
    expect(await sim.okx(creds, { path: positions })).toMatchObject({ status: 503, body: { code: '50001' } });
  });

  it('fails only the requests whose dice fall under the error rate', async () => {
    await sim.control('faults', { errorCode: '500', errorRate: 0.5 }, 200);
    dice.push(0.2, 0.7, 0.49, 0.5);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await fetch(`${sim.baseUrl}/api/v5/market/mark-price`)).status);
    expect(statuses).toEqual([500, 200, 500, 200]);
  });

  it('delays responses by latencyMs, and hits before authentication', async () => {
    await sim.control('faults', { path: positions, latencyMs: 300 }, 200);
    const started = performance.now();
    const reply = await sim.okx(creds, { path: positions, secret: 'wrong' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(reply.body.code).toBe('50113');
  });

  it('lets a client time out on a long delay', async () => {
    await sim.control('faults', { path: positions, latencyMs: 60_000 }, 200);
    const attempt = fetch(`${sim.baseUrl}${positions}`, { signal: AbortSignal.timeout(200) });
    await expect(attempt).rejects.toThrow(/abort|timeout/i);
  });

  it('prefers the exact path over the global rule, and never touches /sim or /health', async () => {
    await sim.control('faults', { errorCode: '50013' }, 200);
    await sim.control('faults', { path: positions, errorCode: '50011' }, 200);
    expect((await sim.okx(creds, { path: positions })).body.code).toBe('50011');
    expect((await sim.okx(creds, { path: '/api/v5/account/bills' })).body.code).toBe('50013');
    expect((await fetch(`${sim.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${sim.baseUrl}/sim/faults`)).status).toBe(200);
  });

  it('refuses settings it cannot honour', async () => {
    const bad = await sim.control<{ code: string; details: { field: string }[] }>('faults', { errorCode: '404', errorRate: 2 }, 400);
    expect(bad.code).toBe('SIM_BAD_REQUEST');
    expect(bad.details.map((d) => d.field).sort()).toEqual(['errorCode', 'errorRate']);
  });
});
