import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { SERVICE_CONFIG_SCHEMAS } from './service-settings';
import { port } from './settings';

describe('loadConfig', () => {
  it('returns defaults for the local stack when nothing is set', () => {
    const config = loadConfig('policy', SERVICE_CONFIG_SCHEMAS.policy, {});
    expect(config.HTTP_PORT).toBe(3101);
    expect(config.DB_SCHEMA).toBe('policy');
    expect(config.DATABASE_URL).toBe('postgres://liqpass_policy:liqpass_policy@127.0.0.1:5432/liqpass');
  });

  it('names a malformed setting', () => {
    expect(() => loadConfig('policy', SERVICE_CONFIG_SCHEMAS.policy, { HTTP_PORT: 'eighty' })).toThrowError(
      /policy: invalid configuration — HTTP_PORT: must be a TCP port number/,
    );
  });

  it('names every bad setting at once', () => {
    try {
      loadConfig('payout', SERVICE_CONFIG_SCHEMAS.payout, { NATS_URL: 'http://x', DB_SCHEMA: 'Drop Table' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.setting).sort()).toEqual(['DB_SCHEMA', 'NATS_URL']);
    }
  });

  it('names a missing required setting', () => {
    const schema = z.object({ SIGNER_KEY: z.string({ message: 'is required' }), HTTP_PORT: port(1) });
    expect(() => loadConfig('x', schema, {})).toThrowError(/SIGNER_KEY: is required/);
  });
});
