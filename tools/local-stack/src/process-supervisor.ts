import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
}

export interface StartSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
  readonly cwd?: string;
}

/**
 * Starts and stops the stack's child processes. Each child gets its own process group so that
 * stopping it also stops anything it spawned (Vite, anvil…); output goes to a log file per
 * process. If a child dies on its own, `onUnexpectedExit` is told so the stack can stop whole.
 */
export class ProcessSupervisor {
  private readonly processes: ManagedProcess[] = [];
  private stopping = false;

  constructor(
    private readonly logDir: string,
    private readonly onUnexpectedExit: (process: ManagedProcess, code: number | null) => void,
  ) {}

  start(spec: StartSpec): ManagedProcess {
    const logFile = join(this.logDir, `${spec.name}.log`);
    const log = createWriteStream(logFile, { flags: 'w' });
    const child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const managed = { name: spec.name, child, logFile };
    child.once('exit', (code) => {
      if (!this.stopping) this.onUnexpectedExit(managed, code);
    });
    this.processes.push(managed);
    return managed;
  }

  /** Stops everything in reverse start order: SIGTERM, then SIGKILL after the grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const managed of [...this.processes].reverse()) {
      await stopProcessGroup(managed.child, graceMs);
    }
  }

  tail(managed: ManagedProcess, lines = 20): string {
    try {
      return readFileSync(managed.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

async function stopProcessGroup(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Anything the child left behind in its group goes too.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
