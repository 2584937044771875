import { describe, expect, it } from 'vitest';
import { DemoError } from './demo-error';
import { describeFailure, StepFailed, StepRunner } from './step-runner';

function runner() {
  let t = 1_000;
  const lines: string[] = [];
  const run = new StepRunner((line) => lines.push(line), () => t);
  return { run, lines, advance: (ms: number) => void (t += ms) };
}

describe('StepRunner', () => {
  it('numbers and times each step, printing its notes beneath, and returns its value', async () => {
    const { run, lines, advance } = runner();
    const a = await run.step('first', async (log) => {
      advance(250);
      log.note('id 42');
      return 'A';
    });
    const b = await run.step('second', async () => (advance(1_500), 7));
    expect([a, b]).toEqual(['A', 7]);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^✔ {2}1\. first \.+ +0\.25 s {2}\(at 0\.25 s\)$/);
    expect(lines[1]).toBe('      id 42');
    expect(lines[2]).toMatch(/^✔ {2}2\. second \.+ +1\.50 s {2}\(at 1\.75 s\)$/);
    expect(run.steps().map((s) => [s.index, s.durationMs, s.ok])).toEqual([[1, 250, true], [2, 1_500, true]]);
    expect(run.summary(1)).toEqual(['2 steps in 1.75 s; slowest: second (1.50 s)']);
  });

  it('a failing step is printed with ✘ and its notes, and rethrown as StepFailed naming it', async () => {
    const { run, lines, advance } = runner();
    await run.step('ok', async () => undefined);
    const error = await run
      .step('quote', async (log) => {
        log.note('asked for a quote');
        advance(30);
        throw new DemoError('POST /quote → 409 CAPACITY_EXCEEDED: full', 'body: {"error":"CAPACITY_EXCEEDED"}');
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailed);
    expect(error).toMatchObject({ index: 2, title: 'quote', durationMs: 30 });
    expect(lines[1]).toMatch(/^✘ {2}2\. quote /);
    expect(lines[2]).toBe('      asked for a quote');
    expect(describeFailure(error)).toEqual([
      'DEMO FAILED at step 2 — quote',
      '  POST /quote → 409 CAPACITY_EXCEEDED: full',
      '  body: {"error":"CAPACITY_EXCEEDED"}',
    ]);
  });

  it('describes an unexpected error with its stack, and a non-error as text', () => {
    const lines = describeFailure(new TypeError('boom'));
    expect(lines[0]).toBe('DEMO FAILED');
    expect(lines[1]).toBe('  boom');
    expect(lines.length).toBeGreaterThan(2);
    expect(describeFailure('plain')).toEqual(['DEMO FAILED', '  plain']);
  });
});
