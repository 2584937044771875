import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { dist, ROOT } from './dist.mjs';

const { SERVICE_NODE_FLAGS } = dist('libs/config');

const peaks = [];

/**
 * Children still running. However the benchmark ends — an exception, Ctrl-C, a closed pipe
 * (`npm run bench | head`) — they are told to stop with it, never left running as orphans
 * holding database connections and CPU.
 */
const running = new Set();
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[signal]));
}

/** Peak resident memory (VmHWM) of every process started here, read as each stopped, in MB. */
export function peakMemory() {
  return [...peaks];
}

function readPeakMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : null;
  } catch {
    return null; // gone already
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Node process of the workspace (a built service's main.js, or a bench's helper script) on a
 * free port, started like the local stack starts it; resolves once `readyPath` answers 2xx.
 */
export async function startProcess(name, entry, env = {}, { readyPath = '/health/live', timeoutMs = 30_000 } = {}) {
  const file = join(ROOT, entry);
  if (!existsSync(file)) throw new Error(`${entry} is missing: run \`npm run build\``);
  const port = await freePort();
  // BENCH_PROFILE_DIR=<dir>: each process writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_PROFILE_DIR, name.replace(/[^a-z0-9-]/gi, '_'))}`] : [];
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...profile, file], {
    cwd: ROOT,
    env: { ...process.env, HTTP_HOST: '127.0.0.1', HTTP_PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const handle = {
    name,
    base,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const peakMb = readPeakMb(child.pid);
      if (peakMb !== null) peaks.push({ name, peakMb });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}\n${stderr}`);
    try {
      if ((await fetch(`${base}${readyPath}`)).ok) return handle;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`${name} did not become ready within ${timeoutMs} ms\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs cleanups in reverse order, each even if an earlier one failed; reports failures. */
export class Cleanup {
  #steps = [];
  add(label, fn) {
    this.#steps.push([label, fn]);
  }
  async run() {
    for (const [label, fn] of this.#steps.reverse()) {
      try {
        await fn();
      } catch (error) {
        process.stderr.write(`[bench] cleanup "${label}" failed: ${error?.message ?? error}\n`);
      }
    }
    this.#steps = [];
  }
}
