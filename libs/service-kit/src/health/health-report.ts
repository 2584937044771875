export type CheckStatus = 'ok' | 'down';

export interface CheckResult {
  readonly status: CheckStatus;
  readonly detail?: string;
}

export interface HealthReport {
  readonly service: string;
  readonly status: CheckStatus;
  readonly checks: Readonly<Record<string, CheckResult>>;
}

export type HealthCheck = () => Promise<CheckResult>;

/** A report is ok only when every one of its checks is ok. */
export function summarise(service: string, checks: Record<string, CheckResult>): HealthReport {
  const status = Object.values(checks).every((check) => check.status === 'ok') ? 'ok' : 'down';
  return { service, status, checks };
}

/** Runs a check with a deadline; a check that throws or hangs is reported down, never crashes. */
export async function runCheck(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      check(),
      new Promise<CheckResult>((resolve) => {
        timer = setTimeout(() => resolve({ status: 'down', detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
      }),
    ]);
  } catch (error) {
    return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
