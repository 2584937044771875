/**
 * A deviation from the expected journey: a wrong status, a timeout, an HTTP error, a check that
 * does not hold. Its message is what the person running the demo reads, so it names what was
 * expected and what was seen; `detail` carries the evidence (an HTTP error body, the last state).
 */
export class DemoError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
    /** Set when no HTTP reply came at all: the socket error code (ECONNREFUSED, …). */
    readonly networkError?: string,
  ) {
    super(message);
    this.name = 'DemoError';
  }
}

/** Fails the journey unless `condition` holds. */
export function check(condition: unknown, message: string, detail?: string): asserts condition {
  if (!condition) throw new DemoError(message, detail);
}
