import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { workspaceRoot } from '../artifacts/workspace-paths';
import { ANVIL_MNEMONIC } from './local-accounts';

export interface StartAnvilOptions {
  readonly port: number;
  /** Seconds between blocks; omitted = automine (a block per transaction), what unit-style tests want. */
  readonly blockTime?: number;
  readonly chainId?: number;
  readonly mnemonic?: string;
  /** Append anvil's output to this file; by default it is discarded. */
  readonly logFile?: string;
  readonly readyTimeoutMs?: number;
  readonly extraArgs?: readonly string[];
}

export interface AnvilHandle {
  readonly rpcUrl: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** One JSON-RPC call with fetch; used to know when anvil answers. */
async function rpcAnswers(rpcUrl: string): Promise<boolean> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(1000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts anvil from node_modules (no download) on 127.0.0.1:`port` and resolves once it answers
 * JSON-RPC. anvil runs in its own process group so stop() ends both the npm shim and the real
 * binary; it is also killed if this process exits first.
 */
export async function startAnvil(options: StartAnvilOptions): Promise<AnvilHandle> {
  const { port, blockTime, chainId = 31337, mnemonic = ANVIL_MNEMONIC, logFile, readyTimeoutMs = 20_000 } = options;
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--mnemonic', mnemonic];
  if (blockTime !== undefined) args.push('--block-time', String(blockTime));
  args.push(...(options.extraArgs ?? []));

  const rpcUrl = `http://127.0.0.1:${port}`;
  // Otherwise the readiness probe below would happily talk to whatever already owns the port.
  if (await rpcAnswers(rpcUrl)) throw new Error(`something already answers JSON-RPC on ${rpcUrl}`);

  const bin = join(workspaceRoot(), 'node_modules', '.bin', 'anvil');
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', logFile ? 'pipe' : 'ignore', 'pipe'] });
  if (logFile) child.stdout?.pipe(createWriteStream(logFile, { flags: 'a' }));
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => ((exited = code), resolve())));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onParentExit = () => killGroup('SIGKILL');
  process.once('exit', onParentExit);

  const stop = async () => {
    process.removeListener('exit', onParentExit);
    if (exited !== undefined) return;
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (!(await rpcAnswers(rpcUrl))) {
    if (exited !== undefined) throw new Error(`anvil exited (${exited}) before answering on ${rpcUrl}: ${stderr.trim()}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`anvil did not answer on ${rpcUrl} within ${readyTimeoutMs} ms: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { rpcUrl, port, stop };
}

/** A TCP port that was free a moment ago, for tests that start their own anvil (never 8545). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
