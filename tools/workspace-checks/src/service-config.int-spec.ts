import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_NAMES } from '@liqpass/config';

const root = join(__dirname, '../../..');

function startService(service: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist/apps', service, 'src/main.js')], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${service} did not stop on bad configuration within 15 s`));
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/**
 * Runs each built service as it runs in production (`node dist/apps/<service>/src/main.js`)
 * with broken settings: it must exit non-zero before touching anything, naming each setting.
 */
describe('configuration is validated at start-up', () => {
  it('has every service built (npm test builds first)', () => {
    for (const service of SERVICE_NAMES) expect(existsSync(join(root, 'dist/apps', service, 'src/main.js')), service).toBe(true);
  });

  it.each(SERVICE_NAMES)('%s stops with a message naming a malformed setting', async (service) => {
    const { code, stderr } = await startService(service, { HTTP_PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    expect(stderr).toContain(`${service}: invalid configuration`);
    expect(stderr).toMatch(/HTTP_PORT: must be a TCP port number/);
    expect(stderr).toMatch(/LOG_LEVEL: must be one of/);
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('a database-backed service names a bad DATABASE_URL and NATS_URL', async () => {
    const { code, stderr } = await startService('policy', { DATABASE_URL: 'mysql://x@y/z', NATS_URL: 'not a url' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DATABASE_URL: must be a URL with scheme postgres or postgresql/);
    expect(stderr).toMatch(/NATS_URL: must be a URL with scheme nats or tls/);
  });

  it('the gateway refuses a short internal key', async () => {
    const { code, stderr } = await startService('api-gateway', { INTERNAL_API_KEY: 'short' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/INTERNAL_API_KEY: must be at least 16 characters/);
  });
});
