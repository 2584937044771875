import { describe, expect, it } from 'vitest';
import { decideFault, faultResponse, FaultRules, isFaultCode } from './fault-rules';

const rule = (path: string, extra: Partial<{ latencyMs: number; errorRate: number; errorCode: string }> = {}) => ({
  path,
  latencyMs: 0,
  errorRate: 1,
  errorCode: '50011',
  ...extra,
});

describe('FaultRules', () => {
  it('prefers the exact path, then the longest prefix, then the global rule', () => {
    const rules = new FaultRules();
    rules.set(rule('*', { errorCode: '500' }));
    rules.set(rule('/api/v5/trade/*', { errorCode: '502' }));
    rules.set(rule('/api/v5/trade/order', { errorCode: '50011' }));
    expect(rules.match('/api/v5/trade/order')?.errorCode).toBe('50011');
    expect(rules.match('/api/v5/trade/fills')?.errorCode).toBe('502');
    expect(rules.match('/api/v5/account/bills')?.errorCode).toBe('500');
  });

  it('removes a rule that injects nothing', () => {
    const rules = new FaultRules();
    rules.set(rule('/x'));
    rules.set(rule('/x', { errorRate: 0 }));
    expect(rules.list()).toEqual([]);
  });
});

describe('decideFault', () => {
  it('fails when the dice fall under the error rate', () => {
    const r = rule('*', { errorRate: 0.3, latencyMs: 20 });
    expect(decideFault(r, () => 0.29).error?.status).toBe(429);
    expect(decideFault(r, () => 0.3)).toEqual({ delayMs: 20 });
    expect(decideFault(undefined, () => 0)).toEqual({ delayMs: 0 });
  });
});

describe('faultResponse', () => {
  it('answers OKX codes in their envelope and status', () => {
    expect(faultResponse('50011')).toMatchObject({ status: 429, body: '{"code":"50011","msg":"Too Many Requests","data":[]}' });
    expect(JSON.parse(faultResponse('50113').body)).not.toHaveProperty('data');
    expect(faultResponse('503')).toMatchObject({ status: 503 });
    expect(JSON.parse(faultResponse('503').body).code).toBe('50001');
  });

  it('answers other 5xx as plain text', () => {
    expect(faultResponse('502')).toMatchObject({ status: 502, contentType: 'text/plain; charset=utf-8' });
  });

  it('knows which codes it can inject', () => {
    expect(isFaultCode('50011')).toBe(true);
    expect(isFaultCode('504')).toBe(true);
    expect(isFaultCode('404')).toBe(false);
    expect(isFaultCode('12345')).toBe(false);
  });
});
