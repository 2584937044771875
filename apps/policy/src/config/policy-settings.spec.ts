import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { policySettings } from './policy-settings';

const load = (env: Record<string, string>) => policySettings(loadConfig('policy', SERVICE_CONFIG_SCHEMAS.policy, env));

describe('policy settings', () => {
  it('runs the local stack with no settings: anvil account 0 signs quotes', () => {
    const settings = load({});
    expect(settings.signer.address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(settings.chain.chainId).toBe(31337);
    expect(settings.pricing.maxLeverageHundredths).toBe(10_000);
    expect(settings.pricing.fixedFeeUsdc).toBe(500_000n);
    expect(settings.waitingPeriodSeconds).toBe(0);
  });

  it.each([
    ['0x1234', /QUOTE_SIGNER_PRIVATE_KEY/],
    [`0x${'0'.repeat(64)}`, /QUOTE_SIGNER_PRIVATE_KEY/],
    [`0x${'f'.repeat(64)}`, /QUOTE_SIGNER_PRIVATE_KEY/],
  ])('refuses the signer key %s', (key, message) => {
    expect(() => load({ QUOTE_SIGNER_PRIVATE_KEY: key })).toThrowError(message);
  });

  it('never prints the key it refuses', () => {
    const key = `0x${'f'.repeat(63)}g`;
    try {
      load({ QUOTE_SIGNER_PRIVATE_KEY: key });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain(key);
    }
  });

  it('names inconsistent limits', () => {
    expect(() => load({ PRICING_MIN_LEVERAGE: '50', PRICING_MAX_LEVERAGE: '20' })).toThrowError(ConfigError);
    expect(() => load({ PRICING_MIN_PAYOUT_USDC: '100', PRICING_MAX_PAYOUT_USDC: '10' })).toThrowError(/PRICING_MIN_PAYOUT_USDC/);
    expect(() => load({ PRICING_MAX_LEVERAGE: '12.345' })).toThrowError(/PRICING_MAX_LEVERAGE/);
    expect(() => load({ PRICING_INSTRUMENTS: 'btc' })).toThrowError(/PRICING_INSTRUMENTS/);
    expect(() => load({ EXPIRY_INTERVAL_MS: '20000' })).toThrowError(/EXPIRY_LEASE_TTL_MS/);
  });
});
