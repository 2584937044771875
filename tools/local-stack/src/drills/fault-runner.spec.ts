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

  it('recovers only once an overlapping fault is over (the service back and healthy), not while it lasts', async () => {
    const order: string[] = [];
    let endFault: () => void = () => undefined;
    const recovery: StepRecovery = { step: 'claim', attempts: 1, matches: () => true, recover: async () => (order.push('asked again'), 'asked again') };
    const runner = new FaultingStepRunner(
      { after: 'liquidate', mode: 'overlap', run: () => new Promise<string>((resolve) => (endFault = () => (order.push('fault over'), resolve('restarted')))) },
      [recovery],
      quiet,
    );
    await runner.step('liquidate', async () => 1);
    let calls = 0;
    const claimed = runner.step('claim', async () => ((calls += 1), calls === 1 ? Promise.reject(new Error('claim is FAILED')) : 'ok'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]); // failed once, and waits for the fault instead of asking again now
    endFault();
    await expect(claimed).resolves.toBe('ok');
    expect(order).toEqual(['fault over', 'asked again']);
  });

  it('never fires for a journey that did not reach its step', async () => {
    const runner = new FaultingStepRunner({ after: 'later', mode: 'inline', run: async () => 'x' }, [], quiet);
    await runner.step('early', async () => 1);
    expect(runner.faultFired()).toBe(false);
  });
});
