import { connectStack, describeFailure, runJourney, type Stack } from '@liqpass/demo-journey';
import type { DrillStack } from './drill-stack';
import { FaultingStepRunner } from './fault-runner';
import { CLAIM_BEFORE_READ_MODEL, CLAIM_RETRY, type Fault } from './faults';

export interface JourneyOutcome {
  /** The fault injected during this journey; null for the baseline journey. */
  readonly fault: string | null;
  readonly ok: boolean;
  readonly durationMs: number;
  /** What the fault did, or why the journey failed. */
  readonly note: string;
  readonly recoveries: readonly string[];
}

/** The client every drill journey uses: the drill stack's addresses, patient with restarts. */
export async function drillClient(stack: DrillStack): Promise<Stack> {
  return connectStack({
    gatewayUrl: stack.gatewayUrl,
    simUrl: stack.simUrl,
    rpcUrl: stack.rpcUrl,
    siweDomain: 'localhost:3000',
    instId: 'BTC-USDT-SWAP',
    waitTimeoutMs: 90_000,
    // Longer than any restart the drills cause, shorter than a hang.
    unavailableRetryMs: 60_000,
  });
}

/**
 * Runs the demo's whole journey once per fault (and once with none first), the fault fired
 * from inside the journey at the step it targets. Progress: one line per step, prefixed with
 * the journey; a failed journey is reported and the stream goes on.
 */
export async function runJourneyStream(stack: DrillStack, client: Stack, faults: readonly Fault[], print: (line: string) => void): Promise<JourneyOutcome[]> {
  const outcomes: JourneyOutcome[] = [];
  const plan: (Fault | null)[] = [null, ...faults];
  for (const [index, fault] of plan.entries()) {
    const label = `[${index + 1}/${plan.length} ${fault?.name ?? 'no fault (baseline)'}]`;
    print(`\n${label} journey starts`);
    const runner = new FaultingStepRunner(fault?.hook({ stack, client }), [CLAIM_RETRY, CLAIM_BEFORE_READ_MODEL], (line) => {
      if (!line.startsWith('      ')) print(`  ${line}`);
    });
    const started = Date.now();
    let ok = true;
    let note = '';
    try {
      await runJourney(runner, client);
    } catch (error) {
      ok = false;
      note = describeFailure(error).join(' | ');
    }
    try {
      const injected = await runner.settle();
      if (fault && !runner.faultFired()) {
        ok = false;
        note ||= 'the fault never fired';
      }
      if (injected) note = note ? `${injected} | ${note}` : injected;
    } catch (error) {
      ok = false;
      note = `the fault itself failed: ${(error as Error).message}${note ? ` | ${note}` : ''}`;
    }
    const outcome = { fault: fault?.name ?? null, ok, durationMs: Date.now() - started, note, recoveries: runner.recoveries };
    outcomes.push(outcome);
    print(`${label} ${ok ? 'PAID' : 'FAILED'} in ${(outcome.durationMs / 1000).toFixed(1)} s${note ? ` — ${note}` : ''}${outcome.recoveries.length ? ` — recovered: ${outcome.recoveries.join('; ')}` : ''}`);
  }
  return outcomes;
}
