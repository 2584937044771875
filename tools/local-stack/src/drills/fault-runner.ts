import { StepRunner, type StepLog } from '@liqpass/demo-journey';

/** What a fault sees when it fires: the values the journey's steps returned so far, by title. */
export interface StepValues {
  get<T>(titlePrefix: string): T;
}

export interface StepHook {
  /** Fires after the first step whose title starts with this. */
  readonly after: string;
  /** 'inline' holds the journey until the fault is done; 'overlap' lets it go on meanwhile. */
  readonly mode: 'inline' | 'overlap';
  /** Injects the fault and recovers from it; resolves with what was done, for the report. */
  run(values: StepValues): Promise<string>;
}

/** A step that failed in a way the product lets the user recover from, and the recovery. */
export interface StepRecovery {
  readonly step: string;
  /** How many times the step may be recovered and run again. */
  readonly attempts: number;
  /** True when the error is the one this recovery handles. */
  matches(error: unknown): boolean;
  recover(values: StepValues, error: unknown): Promise<string>;
}

/**
 * The demo's step runner with a fault attached: after the named step it injects the fault
 * (awaited, or left running beside the journey), and a step that fails the way a fault may make
 * it fail is recovered the way a user would (a FAILED claim is asked for again, once the fault
 * is over) and run once more. `settle` waits for an overlapping fault to finish.
 */
export class FaultingStepRunner extends StepRunner {
  private readonly values = new Map<string, unknown>();
  private pending: Promise<string> | undefined;
  private fired = false;
  readonly recoveries: string[] = [];

  constructor(
    private readonly hook: StepHook | undefined,
    private readonly recovery: readonly StepRecovery[],
    write: (line: string) => void,
  ) {
    super(write);
  }

  readonly stepValues: StepValues = {
    get: <T>(prefix: string): T => {
      for (const [title, value] of this.values) if (title.startsWith(prefix)) return value as T;
      throw new Error(`no step "${prefix}…" has run yet`);
    },
  };

  override async step<T>(title: string, run: (log: StepLog) => Promise<T>): Promise<T> {
    let value: T;
    const used = new Map<StepRecovery, number>();
    for (let attempt = 0; ; attempt += 1) {
      try {
        value = await super.step(attempt === 0 ? title : `${title} (again, after recovery)`, run);
        break;
      } catch (error) {
        const cause = (error as { error?: unknown }).error ?? error;
        const recovery = this.recovery.find((r) => title.startsWith(r.step) && r.matches(cause) && (used.get(r) ?? 0) < r.attempts);
        if (!recovery) throw error;
        used.set(recovery, (used.get(recovery) ?? 0) + 1);
        // As a user would, ask again once the outage is over — the killed service restarted and
        // the stack healthy, the simulator's fault cleared — not while it still fails. Whether
        // the fault itself failed is `settle`'s to report.
        await this.pending?.catch(() => undefined);
        const note = await recovery.recover(this.stepValues, cause);
        if (!this.recoveries.includes(note)) this.recoveries.push(note);
      }
    }
    this.values.set(title, value);
    if (this.hook && !this.fired && title.startsWith(this.hook.after)) {
      this.fired = true;
      const injected = this.hook.run(this.stepValues);
      // Kept either way so `settle` reports it; an overlapping fault's failure must not go unhandled.
      this.pending = injected;
      if (this.hook.mode === 'inline') await injected;
      else injected.catch(() => undefined);
    }
    return value;
  }

  /** Whether the fault fired at all (a journey that failed before its step never injected it). */
  faultFired(): boolean {
    return this.fired;
  }

  /** What the fault did (waiting for an overlapping one to finish); throws if it failed. */
  async settle(): Promise<string | undefined> {
    return this.pending;
  }
}
