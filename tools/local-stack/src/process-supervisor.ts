import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  readonly spec: StartSpec;
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
 * process. If a child dies on its own, `onUnexpectedExit` is told so the stack can stop whole;
 * one killed through `kill` (the fault drills' `kill -9`) is expected to die and can be started
 * again with `restart`, its output appended to the same log.
 */
export class ProcessSupervisor {
  private readonly processes: ManagedProcess[] = [];
  private readonly killed = new Set<ChildProcess>();
  private stopping = false;

  constructor(
    private readonly logDir: string,
    private readonly onUnexpectedExit: (process: ManagedProcess, code: number | null) => void,
  ) {}

  start(spec: StartSpec, logFlags: 'w' | 'a' = 'w'): ManagedProcess {
    const logFile = join(this.logDir, `${spec.name}.log`);
    const log = createWriteStream(logFile, { flags: logFlags });
    const child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const managed = { name: spec.name, child, logFile, spec };
    child.once('exit', (code) => {
      if (!this.stopping && !this.killed.has(child)) this.onUnexpectedExit(managed, code);
    });
    this.processes.push(managed);
    return managed;
  }

  /** `kill -9` of the named process's group, on purpose: resolves once it is gone. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const managed = this.find(name);
    this.killed.add(managed.child);
    if (managed.child.exitCode !== null || managed.child.signalCode !== null || managed.child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => managed.child.once('exit', () => resolve()));
    signalGroup(managed.child.pid, signal);
    await exited;
    signalGroup(managed.child.pid, 'SIGKILL');
  }

  /** Starts a process killed with `kill` again, with the same command and environment. */
  restart(name: string): ManagedProcess {
    const managed = this.find(name);
    if (!this.killed.has(managed.child)) throw new Error(`${name} is still running: kill it first`);
    this.processes.splice(this.processes.indexOf(managed), 1);
    return this.start(managed.spec, 'a');
  }

  private find(name: string): ManagedProcess {
    const managed = [...this.processes].reverse().find((p) => p.name === name);
    if (!managed) throw new Error(`no process named ${name}`);
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
