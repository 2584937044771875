import { describe, expect, it } from 'vitest';
import { FaultingStepRunner, type StepRecovery } from './fault-runner';

const quiet = () => undefined;

describe('FaultingStepRunner', () => {
  it('fires an inline fault after its step, before the next step, and reports what it did', async () => {
    const order: string[] = [];
    const runner = new FaultingStepRunner(
      { after: 'pay', mode: 'inline', run: async (values) => (order.push(`fault sees ${values.get<string>('pay')}`), 'killed it') },
      [],
      quiet,
    );
    await runner.step('pay on-chain', async () => (order.push('pay'), 'tx-1'));
    await runner.step('wait', async () => order.push('wait'));
    expect(order).toEqual(['pay', 'fault sees tx-1', 'wait']);
    expect(runner.faultFired()).toBe(true);
    await expect(runner.settle()).resolves.toBe('killed it');
  });

  it('lets an overlapping fault run beside the next steps and surfaces its failure at settle', async () => {
    let release: () => void = () => undefined;
    const runner = new FaultingStepRunner({ after: 'a', mode: 'overlap', run: () => new Promise((_, reject) => (release = () => reject(new Error('restart failed')))) }, [], quiet);
    await runner.step('a', async () => 1);
    await runner.step('b', async () => 2); // not held by the fault
    release();
    await expect(runner.settle()).rejects.toThrow('restart failed');
  });

  it('recovers a step at most `attempts` times, then lets the failure through', async () => {
    let recovered = 0;
    const recovery: StepRecovery = { step: 'claim', attempts: 2, matches: () => true, recover: async () => (recovered += 1, 'asked again') };
    const runner = new FaultingStepRunner(undefined, [recovery], quiet);
    let calls = 0;
    await expect(runner.step('claim', async () => ((calls += 1), calls < 3 ? Promise.reject(new Error('409')) : 'ok'))).resolves.toBe('ok');
    expect([recovered, runner.recoveries]).toEqual([2, ['asked again']]);
    const stubborn = new FaultingStepRunner(undefined, [recovery], quiet);
    await expect(stubborn.step('claim', () => Promise.reject(new Error('409')))).rejects.toThrow(/step 1 \(claim\) failed|409/);
  });

  it('never fires for a journey that did not reach its step', async () => {
    const runner = new FaultingStepRunner({ after: 'later', mode: 'inline', run: async () => 'x' }, [], quiet);
    await runner.step('early', async () => 1);
    expect(runner.faultFired()).toBe(false);
  });
});
