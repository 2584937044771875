import { describe, expect, it } from 'vitest';
import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { payoutSettingsFrom } from './payout-settings';

describe('payout settings', () => {
  it('run locally with no configuration: executor is anvil account 2, limits in base units', () => {
    const settings = payoutSettingsFrom(SERVICE_CONFIG_SCHEMAS.payout.parse({}));
    expect(settings.executorAddress).toBe('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
    expect(settings.limits).toEqual({ perClaimCap: 10_000_000_000n, dailyLimit: 100_000_000_000n, treasuryFloor: 0n });
  });

  it('refuse a malformed executor key or a zero treasury address at start-up', () => {
    expect(() => payoutSettingsFrom(SERVICE_CONFIG_SCHEMAS.payout.parse({ PAYOUT_EXECUTOR_PRIVATE_KEY: 'CHANGE_ME' }))).toThrow(/PAYOUT_EXECUTOR_PRIVATE_KEY/);
    expect(() => payoutSettingsFrom(SERVICE_CONFIG_SCHEMAS.payout.parse({ PAYOUT_EXECUTOR_PRIVATE_KEY: `0x${'0'.repeat(64)}` }))).toThrow(/PAYOUT_EXECUTOR_PRIVATE_KEY/);
    expect(() => payoutSettingsFrom(SERVICE_CONFIG_SCHEMAS.payout.parse({ CHAIN_TREASURY_SAFE_ADDRESS: '0x0000000000000000000000000000000000000000' }))).toThrow(/CHAIN_TREASURY_SAFE_ADDRESS/);
  });
});
