import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from '@liqpass/config';

/**
 * Another LiqPass service as its own process from the build (`dist/apps/<name>/src/main.js`),
 * exactly as the local stack runs it: the policy service may not import other services, so
 * its end-to-end tests talk to them over HTTP and NATS like production does.
 */
export class ServiceProcess {
  private stderr = '';

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-8000);
    });
  }

  static async start(root: string, name: string, port: number, env: Record<string, string>): Promise<ServiceProcess> {
    const entry = join(root, `dist/apps/${name}/src/main.js`);
    if (!existsSync(entry)) throw new Error(`${name} is not built: ${entry} is missing. Run \`npm run build\` first (npm test builds before testing).`);
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, entry], {
      cwd: root,
      env: { ...process.env, HTTP_HOST: '127.0.0.1', HTTP_PORT: String(port), LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const service = new ServiceProcess(name, child, `http://127.0.0.1:${port}`);
    try {
      await service.waitUntilLive(30_000);
    } catch (error) {
      await service.stop();
      throw new Error(`${name} did not start: ${(error as Error).message}\n${service.stderr}`);
    }
    return service;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 8000);
    await exited;
    clearTimeout(timer);
  }

  private async waitUntilLive(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`exited with code ${this.child.exitCode}`);
      try {
        if ((await fetch(`${this.baseUrl}/health/live`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`not live within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
