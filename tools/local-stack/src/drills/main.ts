/**
 * `npm run drills` (issue 10 item 3): a stream of the demo's journeys against a private LiqPass
 * stack on free ports, one fault injected in each (kill -9 of every service, NATS and Postgres
 * restarts, chain reorgs below and above the confirmation depth, the OKX simulator failing or
 * slow); then invariants over every service's rows and the chain, printed as a table. Exits 1 if
 * any journey or invariant fails. DRILLS_ONLY=<name,…> runs only the faults whose names contain
 * one of those words (the invariants are still checked). See docs/drills.md.
 */
import { LOCAL_ACCOUNT } from '@liqpass/chain';
import { drillTable } from './drill-report';
import { DrillStack } from './drill-stack';
import { FAULTS } from './faults';
import { checkInvariants } from './invariants';
import { drillClient, runJourneyStream } from './journey-stream';
import { takeBaseline, takeSnapshot } from './snapshot';

const print = (line: string) => process.stdout.write(`${line}\n`);
const since = (started: number) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function selectedFaults() {
  const only = process.env.DRILLS_ONLY?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  return only?.length ? FAULTS.filter((f) => only.some((o) => f.name.toLowerCase().includes(o))) : FAULTS;
}

async function main(): Promise<number> {
  const started = Date.now();
  print('LiqPass fault drills: a private stack (own Postgres, NATS, anvil, simulator and services on free ports)');
  const stack = await DrillStack.start((line) => print(`  ${line}`));
  print(`stack healthy after ${since(started)}`);
  // Ctrl-C or a CI timeout: the private stack's processes must not outlive the drills.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  const client = await drillClient(stack);
  try {
    const watched = {
      usdc: stack.chain.usdc,
      treasury: stack.chain.treasurySafe,
      checkout: stack.chain.checkout,
      trader: client.wallets[LOCAL_ACCOUNT.traders[0]]!.address,
    };
    const baseline = await takeBaseline(client.provider, watched);
    const journeysStarted = Date.now();
    const outcomes = await runJourneyStream(stack, client, selectedFaults(), print);
    print(`\n${outcomes.length} journeys in ${since(journeysStarted)}; checking invariants`);
    // Let the last asynchronous work (outbox relays, the payout watcher) land before judging.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const snapshot = await takeSnapshot(stack.databaseUrl, client.provider, watched, baseline, outcomes);
    const invariants = checkInvariants(snapshot);
    for (const exit of stack.unexpectedExits()) invariants.push({ name: 'no process died unless the drills killed it', ok: false, detail: exit });
    for (const line of drillTable(outcomes, invariants)) print(line);
    print(`\ntotal ${since(started)}`);
    return outcomes.every((o) => o.ok) && invariants.every((i) => i.ok) ? 0 : 1;
  } finally {
    client.provider.destroy();
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    print(`DRILLS FAILED: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  },
);
