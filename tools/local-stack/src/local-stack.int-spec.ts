import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKEND_SERVICES } from '@liqpass/config';
import { isListening } from './net';
import { GATEWAY_URL, OKX_SIM_URL, portsToClaim, WEB_URL } from './stack-plan';

const root = join(__dirname, '../../..');

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number, output: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${pattern}" within ${timeoutMs} ms:\n${output.join('')}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (pattern.test(output.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited (code ${code}) before "${pattern}":\n${output.join('')}`));
    });
  });
}

/**
 * `npm start` as a user meets it: the built supervisor brings every piece up, the gateway's
 * /health goes green naming every service, and SIGINT (Ctrl-C) leaves no process or port behind.
 */
describe('npm start (the local stack)', () => {
  let stack: ChildProcess | undefined;
  const output: string[] = [];

  afterAll(() => {
    if (stack && stack.exitCode === null) stack.kill('SIGKILL');
  });

  it('needs its ports free (stop a running local stack before npm test)', async () => {
    const busy = [];
    for (const { name, port } of portsToClaim()) if (await isListening(port)) busy.push(`${name}:${port}`);
    expect(busy, `ports already in use: ${busy.join(', ')}`).toEqual([]);
  });

  it('comes up green with every service, the simulator and the web app', async () => {
    stack = spawn(process.execPath, [join(root, 'dist/tools/local-stack/src/main.js')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    await waitForLine(stack, /LiqPass is up/, 180_000, output);

    const health = await fetch(`${GATEWAY_URL}/health`);
    const report = (await health.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(health.status).toBe(200);
    for (const service of BACKEND_SERVICES) expect(report.checks[service.name], service.name).toEqual({ status: 'ok' });

    expect((await fetch(`${OKX_SIM_URL}/health`)).status).toBe(200);
    const web = await fetch(WEB_URL);
    expect(web.status).toBe(200);
    expect(await web.text()).toContain('<div id="root">');
    const proxied = await fetch(`${WEB_URL}/api/health`);
    expect(proxied.status).toBe(200);

    // The chain is deployed and the treasury capitalised, as /config announces.
    const config = (await (await fetch(`${GATEWAY_URL}/config`)).json()) as { rpcUrl: string; contracts: { usdc: string; treasurySafe: string } };
    const balanceOf = `0x70a08231${config.contracts.treasurySafe.slice(2).toLowerCase().padStart(64, '0')}`;
    const rpc = await fetch(config.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_call', params: [{ to: config.contracts.usdc, data: balanceOf }, 'latest'] }),
    });
    expect(BigInt(((await rpc.json()) as { result: string }).result)).toBe(500_000n * 10n ** 6n);
  }, 200_000);

  it('runs the demo journey (npm run demo) through the public API to PAID', () => {
    const demo = spawnSync(process.execPath, [join(root, 'dist/tools/demo/src/main.js')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(demo.status, `${demo.stdout}\n${demo.stderr}`).toBe(0);
    expect(demo.stdout).toMatch(/DEMO PASSED/);
  }, 130_000);

  it('stops everything on Ctrl-C (SIGINT), leaving no process and no port behind', async () => {
    const exited = new Promise<number | null>((resolve) => stack!.once('exit', (code) => resolve(code)));
    stack!.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output.join('')).toContain('stopped; nothing left running.');
    const stillListening = [];
    for (const { name, port } of portsToClaim()) if (await isListening(port)) stillListening.push(`${name}:${port}`);
    expect(stillListening).toEqual([]);
    const leftovers = spawnSync('pgrep', ['-f', join(root, 'dist/apps')], { encoding: 'utf8' }).stdout.trim();
    expect(leftovers).toBe('');
    const vite = spawnSync('pgrep', ['-f', join(root, 'node_modules/vite/bin/vite.js')], { encoding: 'utf8' }).stdout.trim();
    expect(vite).toBe('');
  }, 60_000);
});
