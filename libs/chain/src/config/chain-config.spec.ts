import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCAL_DEPLOYMENT } from '../local/local-deployment';
import { chainConfigFromSettings, chainConfigSchema, chainSettings } from './chain-config';

const settings = z.object(chainSettings());

describe('chain configuration', () => {
  it('defaults to the local stack: anvil 31337 on 8545, 2 confirmations, the fresh-deploy addresses', () => {
    expect(chainConfigFromSettings(settings.parse({}))).toEqual({
      chainId: 31337,
      rpcUrl: 'http://127.0.0.1:8545',
      confirmations: 2,
      contracts: { ...LOCAL_DEPLOYMENT },
      previousCheckouts: [],
    });
  });

  it('reads a real chain from the environment, checksumming addresses', () => {
    const config = chainConfigFromSettings(
      settings.parse({
        CHAIN_ID: '8453',
        CHAIN_RPC_URL: 'https://base.example/rpc',
        CHAIN_CONFIRMATIONS: '10',
        CHAIN_USDC_ADDRESS: '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913',
        CHAIN_PREVIOUS_CHECKOUT_ADDRESSES: ' 0xb7f8bc63bbcad18155201308c8f3540b07f84f5e ,',
      }),
    );
    expect(config.chainId).toBe(8453);
    expect(config.confirmations).toBe(10);
    expect(config.contracts.usdc).toBe('0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913');
    expect(config.previousCheckouts).toEqual(['0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e']);
  });

  it('names each malformed setting', () => {
    const result = settings.safeParse({ CHAIN_ID: 'mainnet', CHAIN_RPC_URL: 'ftp://x', CHAIN_CONFIRMATIONS: '-1', CHAIN_CHECKOUT_ADDRESS: '0x12' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['CHAIN_CHECKOUT_ADDRESS', 'CHAIN_CONFIRMATIONS', 'CHAIN_ID', 'CHAIN_RPC_URL']);
  });

  it('validates the structured form GET /config publishes', () => {
    const parsed = chainConfigSchema.parse({ chainId: 31337, rpcUrl: 'http://127.0.0.1:8545', contracts: LOCAL_DEPLOYMENT });
    expect(parsed.confirmations).toBe(2);
    expect(() => chainConfigSchema.parse({ ...parsed, chainId: 0 })).toThrow();
  });
});
