import { DemoError } from './demo-error';

/** What one look at the system found: done with a value, or not yet — and what was seen instead. */
export type Probe<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly seen: string };

export interface PollOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Injected for tests; the wall clock and a real timer otherwise. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Looks until `probe` says done, or fails with a DemoError naming what it waited for and the
 * last thing seen. A probe that throws ends the wait at once: it found a state the journey can
 * no longer come back from (a rejected claim, a mismatched payment).
 */
export async function pollUntil<T>(what: string, probe: () => Promise<Probe<T>>, options: PollOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const interval = options.intervalMs ?? 250;
  const started = now();
  let seen = 'nothing yet';
  for (;;) {
    const result = await probe();
    if (result.done) return result.value;
    seen = result.seen;
    const elapsed = now() - started;
    if (elapsed >= options.timeoutMs) {
      throw new DemoError(`timed out after ${(elapsed / 1000).toFixed(1)} s waiting for ${what}`, `last seen: ${seen}`);
    }
    await sleep(Math.min(interval, options.timeoutMs - elapsed));
  }
}

/**
 * A probe for "this resource reaches status `wanted`": done when it does; a DemoError at once
 * when it reaches one of `dead` (statuses it cannot leave towards `wanted`); otherwise not yet.
 */
export function statusProbe<T extends { status: string }>(
  label: string,
  wanted: string,
  dead: readonly string[],
  describe: (resource: T) => string = (resource) => resource.status,
): (resource: T | undefined) => Probe<T> {
  return (resource) => {
    if (!resource) return { done: false, seen: `no ${label} yet` };
    if (resource.status === wanted) return { done: true, value: resource };
    if (dead.includes(resource.status)) {
      throw new DemoError(`${label} is ${resource.status}, expected ${wanted}`, describe(resource));
    }
    return { done: false, seen: describe(resource) };
  };
}
