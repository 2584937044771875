import { describe, expect, it } from 'vitest';
import { DemoError } from './demo-error';
import { pollUntil, statusProbe, type Probe } from './poll';

/** A fake clock that advances only when the poller sleeps. */
function fakeTime() {
  let t = 0;
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)), sleeps };
}

describe('pollUntil', () => {
  it('returns the value as soon as the probe is done', async () => {
    const time = fakeTime();
    const answers: Probe<string>[] = [{ done: false, seen: 'A' }, { done: false, seen: 'B' }, { done: true, value: 'ok' }];
    await expect(pollUntil('x', async () => answers.shift()!, { timeoutMs: 10_000, intervalMs: 100, ...time })).resolves.toBe('ok');
    expect(time.sleeps).toEqual([100, 100]);
  });

  it('times out naming what it waited for and the last thing seen', async () => {
    const time = fakeTime();
    let n = 0;
    const error = await pollUntil('claim c1 to become PAID', async () => ({ done: false, seen: `VERIFYING #${++n}` }), { timeoutMs: 1_000, intervalMs: 300, ...time }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DemoError);
    expect((error as DemoError).message).toBe('timed out after 1.0 s waiting for claim c1 to become PAID');
    expect((error as DemoError).detail).toBe('last seen: VERIFYING #5');
    // The last sleep is cut so the deadline is not overshot.
    expect(time.sleeps).toEqual([300, 300, 300, 100]);
  });

  it('a probe that throws ends the wait at once', async () => {
    const time = fakeTime();
    await expect(pollUntil('x', async () => { throw new DemoError('claim is REJECTED'); }, { timeoutMs: 10_000, ...time })).rejects.toThrow('claim is REJECTED');
    expect(time.sleeps).toEqual([]);
  });
});

describe('statusProbe', () => {
  const probe = statusProbe<{ status: string; why?: string }>('claim', 'PAID', ['REJECTED', 'FAILED'], (c) => `${c.status}${c.why ? ` (${c.why})` : ''}`);

  it('is done at the wanted status, not yet at others, and fails at a dead end', () => {
    expect(probe({ status: 'PAID' })).toEqual({ done: true, value: { status: 'PAID' } });
    expect(probe({ status: 'VERIFYING' })).toEqual({ done: false, seen: 'VERIFYING' });
    expect(probe(undefined)).toEqual({ done: false, seen: 'no claim yet' });
    expect(() => probe({ status: 'REJECTED', why: 'OUTSIDE_COVERAGE' })).toThrow('claim is REJECTED, expected PAID');
    const error = (() => {
      try {
        probe({ status: 'FAILED', why: 'OKX_UNAVAILABLE' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DemoError);
    expect((error as DemoError).detail).toBe('FAILED (OKX_UNAVAILABLE)');
  });
});
