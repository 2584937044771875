import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';

const schema = SERVICE_CONFIG_SCHEMAS['api-gateway'];

describe('gateway settings', () => {
  it('run the local stack with no configuration at all', () => {
    const config = loadConfig('api-gateway', schema, {});
    expect(config).toMatchObject({
      CHAIN_ID: 31337,
      CHAIN_RPC_URL: 'http://127.0.0.1:8545',
      CHAIN_CONFIRMATIONS: 2,
      OKX_BASE_URL: 'http://127.0.0.1:8090',
      SIWE_DOMAIN: 'localhost:3000',
      CORS_ORIGINS: ['http://127.0.0.1:5173', 'http://localhost:5173'],
      INTERNAL_ROUTES_ENABLED: true,
      HTTP_BODY_LIMIT_BYTES: 16_384,
    });
    expect(config.ADMIN_WALLETS).toEqual([
      { role: 'superadmin', wallet: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' },
      { role: 'reviewer', wallet: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
      { role: 'finance', wallet: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' },
    ]);
  });

  it('name every malformed setting with what it must be', () => {
    try {
      loadConfig('api-gateway', schema, {
        ADMIN_WALLETS: 'god:0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
        CORS_ORIGINS: 'http://localhost:5173/path',
        CHAIN_USDC_ADDRESS: '0x1234',
        SESSION_SECRET: 'short',
        SIWE_DOMAIN: 'https://localhost:3000',
        CHAIN_CONFIRMATIONS: '-1',
        HTTP_BODY_LIMIT_BYTES: '10000000',
        RATE_LIMIT_IP_PER_MINUTE: 'lots',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = Object.fromEntries((error as ConfigError).problems.map((p) => [p.setting, p.problem]));
      expect(problems).toEqual({
        ADMIN_WALLETS: 'must be comma-separated role:0xaddress pairs, role one of reviewer, finance, superadmin',
        CORS_ORIGINS: 'must be comma-separated origins like http://localhost:5173 (scheme, host, optional port, no path)',
        CHAIN_USDC_ADDRESS: expect.stringContaining('address'),
        SESSION_SECRET: 'must be at least 32 characters',
        SIWE_DOMAIN: 'must be a host name with an optional :port',
        CHAIN_CONFIRMATIONS: 'must be at least 0',
        HTTP_BODY_LIMIT_BYTES: 'must be at most 262144',
        RATE_LIMIT_IP_PER_MINUTE: 'must be a number',
      });
    }
  });
});
