import { createConnection } from 'node:net';

/** True when something accepts TCP connections on host:port within the timeout. */
export function isListening(port: number, host = '127.0.0.1', timeoutMs = 800): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the probe says yes; calls onWait with the seconds elapsed so progress is visible. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  onWait?: (elapsedSec: number) => void,
): Promise<void> {
  const started = Date.now();
  let lastReport = 0;
  while (Date.now() - started < timeoutMs) {
    if (await probe()) return;
    const elapsed = Math.floor((Date.now() - started) / 1000);
    if (onWait && elapsed >= lastReport + 5) {
      lastReport = elapsed;
      onWait(elapsed);
    }
    await sleep(250);
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}
