import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** Credentials as the simulator's `POST /sim/accounts` returns them. */
export interface SimAccount {
  readonly uid: string;
  readonly apiKey: string;
  readonly secretKey: string;
  readonly passphrase: string;
  readonly perm: string;
}

/** What `POST /sim/positions` returns: the opening order and the open position. */
export interface SimPosition {
  readonly ordId: string;
  readonly posId: string;
  readonly cTime: string;
  readonly liqPx: string;
  readonly avgPx: string;
  readonly pos: string;
}

export const OKX_SIM_ENTRY = 'dist/apps/okx-sim/src/main.js';

/**
 * The OKX simulator (apps/okx-sim) as a separate process on a free port, for tests of code
 * that may not import the app. Needs the build (`npm run build`, which `npm test` runs first).
 */
export class OkxSimProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<OkxSimProcess> {
    const root = repoRoot();
    const entry = join(root, OKX_SIM_ENTRY);
    if (!existsSync(entry)) {
      throw new Error(`the OKX simulator is not built: ${OKX_SIM_ENTRY} is missing. Run \`npm run build\` first (npm test builds before testing).`);
    }
    const port = await freePort();
    const child = spawn(process.execPath, [entry], {
      cwd: root,
      env: { ...process.env, HTTP_HOST: '127.0.0.1', HTTP_PORT: String(port), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const sim = new OkxSimProcess(child, `http://127.0.0.1:${port}`);
    try {
      await sim.waitUntilHealthy(20_000);
    } catch (error) {
      await sim.stop();
      throw new Error(`the OKX simulator did not start: ${(error as Error).message}${stderr ? `\n${stderr}` : ''}`);
    }
    return sim;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  /** Calls the control API (`/sim/*`); throws unless it answers 2xx. */
  async control<T = Record<string, unknown>>(path: string, body: unknown = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`POST /sim/${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }

  createAccount(body: Record<string, unknown> = {}): Promise<SimAccount> {
    return this.control<SimAccount>('accounts', body);
  }

  openPosition(body: { uid: string; instId: string; posSide: string; mgnMode: string; lever: number | string; sz: number | string; avgPx: number | string; side?: string; ts?: number }): Promise<SimPosition> {
    return this.control<SimPosition>('positions', body);
  }

  setFault(body: { path?: string; latencyMs?: number; errorRate?: number; errorCode?: string | number; clear?: boolean }): Promise<unknown> {
    return this.control('faults', body);
  }

  clearFaults(): Promise<unknown> {
    return this.control('faults', { clear: true });
  }

  reset(): Promise<unknown> {
    return this.control('reset');
  }

  private async waitUntilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`exited with code ${this.child.exitCode}`);
      try {
        if ((await fetch(`${this.baseUrl}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`no healthy answer within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root (nx.json) above the working directory');
    dir = parent;
  }
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
