import { DemoError } from './demo-error';
import { formatDuration, stepLine } from './format';

/** What a step may print under its own line: the facts a reader checks (ids, amounts, hashes). */
export interface StepLog {
  note(line: string): void;
}

export interface StepRecord {
  readonly index: number;
  readonly title: string;
  readonly durationMs: number;
  readonly ok: boolean;
}

/** Thrown by `step` when a step fails: the step's number and title, and the original error. */
export class StepFailed extends Error {
  constructor(
    readonly index: number,
    readonly title: string,
    readonly error: unknown,
    readonly durationMs: number,
  ) {
    super(`step ${index} (${title}) failed: ${error instanceof Error ? error.message : String(error)}`);
    this.name = 'StepFailed';
  }
}

/**
 * Runs the journey's steps one after another, timing each and printing one line per step with
 * its notes beneath — the line only when the step has finished, so its duration is on it. The
 * clock and the output are injected so the runner is tested without I/O.
 */
export class StepRunner {
  private readonly records: StepRecord[] = [];
  private readonly started: number;

  constructor(
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  async step<T>(title: string, run: (log: StepLog) => Promise<T>): Promise<T> {
    const index = this.records.length + 1;
    const notes: string[] = [];
    const began = this.now();
    try {
      const value = await run({ note: (line) => notes.push(line) });
      this.finish(index, title, began, notes, true);
      return value;
    } catch (error) {
      const durationMs = this.finish(index, title, began, notes, false);
      throw new StepFailed(index, title, error, durationMs);
    }
  }

  /** Total time since the runner was made. */
  elapsedMs(): number {
    return this.now() - this.started;
  }

  steps(): readonly StepRecord[] {
    return this.records;
  }

  /** The closing lines: the slowest steps and the total, so a reader sees where time went. */
  summary(top = 3): string[] {
    const slowest = [...this.records].sort((a, b) => b.durationMs - a.durationMs).slice(0, top);
    return [
      `${this.records.length} steps in ${formatDuration(this.elapsedMs())}; slowest: ${slowest.map((r) => `${r.title} (${formatDuration(r.durationMs)})`).join(', ')}`,
    ];
  }

  private finish(index: number, title: string, began: number, notes: readonly string[], ok: boolean): number {
    const end = this.now();
    const durationMs = end - began;
    this.records.push({ index, title, durationMs, ok });
    this.write(`${ok ? '✔' : '✘'} ${stepLine(index, title, durationMs, end - this.started)}`);
    for (const line of notes) this.write(`      ${line}`);
    return durationMs;
  }
}

/** The failure as the person running the demo should read it: which step, what, and the evidence. */
export function describeFailure(error: unknown): string[] {
  const step = error instanceof StepFailed ? error : undefined;
  const cause = step ? step.error : error;
  const lines = [step ? `DEMO FAILED at step ${step.index} — ${step.title}` : 'DEMO FAILED'];
  lines.push(`  ${cause instanceof Error ? cause.message : String(cause)}`);
  if (cause instanceof DemoError && cause.detail) lines.push(`  ${cause.detail}`);
  else if (cause instanceof Error && !(cause instanceof DemoError) && cause.stack) lines.push(...cause.stack.split('\n').slice(1, 6).map((l) => `  ${l.trim()}`));
  return lines;
}
