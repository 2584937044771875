import { createServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '@liqpass/observability';
import { describe, expect, it } from 'vitest';
import { runOkxSim } from './bootstrap';

function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: (level: string) => createLogger('okx-sim', level, stream) };
}

describe('runOkxSim', () => {
  it('stops with exit code 1 and names a malformed setting', async () => {
    const exits: number[] = [];
    const errors: string[] = [];
    const running = await runOkxSim({ env: { HTTP_PORT: 'eighty' }, exit: (code) => exits.push(code), stderr: (line) => errors.push(line) });
    expect(running).toBeUndefined();
    expect(exits).toEqual([1]);
    expect(errors.join('\n')).toMatch(/okx-sim: invalid configuration — HTTP_PORT/);
  });

  it('listens where configured, answers /health, logs JSON lines without secrets, and shuts down', async () => {
    const port = await freePort();
    const { lines, logger } = captureLogs();
    const running = await runOkxSim({ env: { HTTP_PORT: String(port), LOG_LEVEL: 'debug' }, exit: () => undefined, stderr: () => undefined, logger });
    expect(running?.url).toBe(`http://127.0.0.1:${port}`);
    expect(await (await fetch(`${running!.url}/health`)).json()).toEqual({ status: 'ok' });
    const creds = (await (await fetch(`${running!.url}/sim/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as Record<string, string>;
    await fetch(`${running!.url}/api/v5/account/config`, { headers: { 'OK-ACCESS-KEY': creds.apiKey, 'OK-ACCESS-PASSPHRASE': creds.passphrase, 'OK-ACCESS-SIGN': 'x', 'OK-ACCESS-TIMESTAMP': new Date().toISOString() } });
    await running!.shutdown('SIGTERM');
    await expect(fetch(`${running!.url}/health`)).rejects.toThrow();

    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.some((r) => r.msg === 'request' && r.path === '/api/v5/account/config' && r.status === 401)).toBe(true);
    expect(records.some((r) => r.msg === 'okx-sim shutting down')).toBe(true);
    const all = lines.join('\n');
    for (const secret of [creds.secretKey, creds.passphrase, creds.apiKey]) expect(all).not.toContain(secret);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
