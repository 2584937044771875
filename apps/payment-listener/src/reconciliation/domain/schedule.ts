export interface LastRun {
  readonly startedAt: Date;
  /** It failed or never finished (the process died): retried sooner than a whole interval. */
  readonly failed: boolean;
}

const RETRY_AFTER_FAILURE_MS = 3_600_000;

/** A scheduled run is due when none ran yet, or an interval (an hour after a failure) has passed since the last. */
export function isRunDue(last: LastRun | null, now: Date, intervalMs: number): boolean {
  if (last === null) return true;
  const wait = last.failed ? Math.min(intervalMs, RETRY_AFTER_FAILURE_MS) : intervalMs;
  return now.getTime() - last.startedAt.getTime() >= wait;
}

/** How often the scheduler looks: often enough to be on time, at most once a minute. */
export function checkEveryMs(intervalMs: number): number {
  return Math.max(1_000, Math.min(60_000, Math.floor(intervalMs / 10)));
}
