import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { okxBindingSettings } from './okx-binding-settings';

const load = (env: Record<string, string>) => okxBindingSettings(loadConfig('okx-binding', SERVICE_CONFIG_SCHEMAS['okx-binding'], env));
const KEY = Buffer.alloc(32, 9).toString('base64');

describe('okx-binding settings', () => {
  it('runs the local stack with no configuration', () => {
    const settings = load({});
    expect(settings.okx).toEqual({ baseUrl: 'http://127.0.0.1:8090', demoTrading: false, timeoutMs: 4000 });
    expect(settings.keyRing.active.id).toBe('local-dev');
    expect(settings.minLiqDistanceBps).toBe(50);
  });

  it('reads a rotated key ring, the first key active', () => {
    const settings = load({ OKX_ENCRYPTION_KEYS: `k2:${KEY},local-dev:pgXfEPALTaWF1PQbRwHYou1noxEUjDhyX1GmJrxuqxI=`, OKX_DEMO_TRADING: 'true', BIND_MIN_LIQ_DISTANCE_BPS: '0' });
    expect(settings.keyRing.active.id).toBe('k2');
    expect([...settings.keyRing.byId.keys()]).toEqual(['k2', 'local-dev']);
    expect(settings.okx.demoTrading).toBe(true);
    expect(settings.minLiqDistanceBps).toBe(0);
  });

  it('stops start-up with a ConfigError naming OKX_ENCRYPTION_KEYS, never echoing the key', () => {
    const short = Buffer.alloc(16, 1).toString('base64');
    expect(() => load({ OKX_ENCRYPTION_KEYS: `k1:${short}` })).toThrow(ConfigError);
    try {
      load({ OKX_ENCRYPTION_KEYS: `k1:${short}` });
    } catch (error) {
      expect((error as Error).message).toMatch(/^okx-binding: invalid configuration — OKX_ENCRYPTION_KEYS: entry 1 \("k1"\): the key must be 32 bytes/);
      expect((error as Error).message).not.toContain(short);
    }
  });

  it('refuses a bad distance or an empty key list in the schema itself', () => {
    expect(() => load({ BIND_MIN_LIQ_DISTANCE_BPS: '-1' })).toThrow(/BIND_MIN_LIQ_DISTANCE_BPS/);
    expect(() => load({ OKX_ENCRYPTION_KEYS: ' ' })).toThrow(/OKX_ENCRYPTION_KEYS: must not be empty/);
    expect(() => load({ OKX_BASE_URL: 'ftp://okx' })).toThrow(/OKX_BASE_URL/);
  });
});
