import { describe, expect, it } from 'vitest';
import { toPublicConfig } from './public-config';

describe('toPublicConfig', () => {
  it('exposes only the public settings, undeployed contracts as null', () => {
    const settings = {
      CHAIN_ID: 31337,
      CHAIN_RPC_URL: 'http://127.0.0.1:8545',
      CHAIN_CONFIRMATIONS: 2,
      USDC_ADDRESS: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      OKX_BASE_URL: 'http://127.0.0.1:8090',
      SESSION_SECRET: 'must never appear',
    };
    expect(toPublicConfig(settings)).toEqual({
      chainId: 31337,
      rpcUrl: 'http://127.0.0.1:8545',
      confirmations: 2,
      contracts: { usdc: '0x5FbDB2315678afecb367f032d93F642f64180aa3', checkout: null, treasurySafe: null },
      okxBaseUrl: 'http://127.0.0.1:8090',
    });
    expect(JSON.stringify(toPublicConfig(settings))).not.toContain('never');
  });
});
