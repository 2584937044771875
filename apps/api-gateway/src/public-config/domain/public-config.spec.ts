import { describe, expect, it } from 'vitest';
import { loadConfig, SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { LOCAL_DEPLOYMENT } from '@liqpass/chain';
import { toPublicConfig } from './public-config';

describe('toPublicConfig', () => {
  it('publishes the local chain and its fresh-deployment addresses by default', () => {
    expect(toPublicConfig(loadConfig('api-gateway', SERVICE_CONFIG_SCHEMAS['api-gateway'], {}))).toEqual({
      chainId: 31337,
      rpcUrl: 'http://127.0.0.1:8545',
      confirmations: 2,
      contracts: LOCAL_DEPLOYMENT,
      okxBaseUrl: 'http://127.0.0.1:8090',
    });
  });

  it('exposes only public settings, addresses checksummed', () => {
    const config = loadConfig('api-gateway', SERVICE_CONFIG_SCHEMAS['api-gateway'], {
      CHAIN_ID: '8453',
      CHAIN_USDC_ADDRESS: '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913',
      SESSION_SECRET: 'never-published-never-published-never',
    });
    const published = toPublicConfig(config);
    expect(published.chainId).toBe(8453);
    expect(published.contracts.usdc).toBe('0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913');
    expect(JSON.stringify(published)).not.toContain('never-published');
    expect(Object.keys(published).sort()).toEqual(['chainId', 'confirmations', 'contracts', 'okxBaseUrl', 'rpcUrl']);
  });
});
