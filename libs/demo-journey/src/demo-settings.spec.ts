import { describe, expect, it } from 'vitest';
import { demoSettings } from './demo-settings';

describe('demoSettings', () => {
  it("LOCAL-STACK.md's addresses by default", () => {
    expect(demoSettings({})).toEqual({
      gatewayUrl: 'http://127.0.0.1:3000',
      simUrl: 'http://127.0.0.1:8090',
      rpcUrl: undefined,
      siweDomain: 'localhost:3000',
      instId: 'BTC-USDT-SWAP',
      waitTimeoutMs: 60_000,
      unavailableRetryMs: 0,
    });
  });

  it('overridable from the environment, trailing slashes dropped', () => {
    const s = demoSettings({ DEMO_GATEWAY_URL: 'http://gw:1/', DEMO_SIM_URL: 'http://sim:2//', DEMO_RPC_URL: 'http://rpc:3/', DEMO_WAIT_TIMEOUT_MS: '5000' });
    expect([s.gatewayUrl, s.simUrl, s.rpcUrl, s.waitTimeoutMs]).toEqual(['http://gw:1', 'http://sim:2', 'http://rpc:3', 5000]);
  });

  it('refuses a malformed timeout, naming it', () => {
    expect(() => demoSettings({ DEMO_WAIT_TIMEOUT_MS: 'soon' })).toThrow(/DEMO_WAIT_TIMEOUT_MS/);
  });
});
