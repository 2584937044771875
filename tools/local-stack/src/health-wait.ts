import { say } from './console-output';
import { waitFor } from './net';

/** Waits for a 200 from a /health URL, printing which checks are still down every few seconds. */
export async function waitForHealthy(name: string, url: string, timeoutMs: number): Promise<void> {
  let lastBody = '';
  await waitFor(
    `${name} (${url})`,
    async () => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
        lastBody = await response.text();
        return response.status === 200;
      } catch {
        lastBody = 'not answering yet';
        return false;
      }
    },
    timeoutMs,
    (elapsed) => say(`waiting for ${name} (${elapsed}s): ${describeDown(lastBody)}`),
  );
}

function describeDown(body: string): string {
  try {
    const report = JSON.parse(body) as { checks?: Record<string, { status: string; detail?: string }> };
    const down = Object.entries(report.checks ?? {}).filter(([, check]) => check.status !== 'ok');
    return down.length ? `not yet healthy: ${down.map(([name]) => name).join(', ')}` : 'starting';
  } catch {
    return body.slice(0, 120) || 'no answer yet';
  }
}
