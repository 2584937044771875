import { describe, expect, it } from 'vitest';
import { runCheck, summarise } from './health-report';

describe('health report', () => {
  it('is ok only when every check is ok', () => {
    expect(summarise('policy', { database: { status: 'ok' }, nats: { status: 'ok' } }).status).toBe('ok');
    expect(summarise('policy', { database: { status: 'ok' }, nats: { status: 'down' } }).status).toBe('down');
  });

  it('reports a throwing check as down with its message', async () => {
    await expect(runCheck(async () => Promise.reject(new Error('refused')), 100)).resolves.toEqual({ status: 'down', detail: 'refused' });
  });

  it('reports a hanging check as down after the deadline', async () => {
    const result = await runCheck(() => new Promise(() => undefined), 20);
    expect(result).toEqual({ status: 'down', detail: 'no answer within 20 ms' });
  });
});
