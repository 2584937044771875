/**
 * `npm run demo` (issue 10 item 1): one complete LiqPass journey against a RUNNING local stack
 * (`npm start`), through the public API only — the gateway, the OKX simulator's control API and
 * the chain for the wallets' own transactions. Prints each step with its timing; exits 1 with
 * the step, what was expected and what was seen (an HTTP error body, the last status) on any
 * deviation. See LOCAL-STACK.md for the addresses and wallets it relies on.
 */
import { checkHealth, connectStack, demoSettings, describeFailure, JsonApi, runJourney, StepRunner, type Stack } from '@liqpass/demo-journey';

async function main(): Promise<number> {
  const settings = demoSettings();
  const run = new StepRunner();
  console.log(`LiqPass demo: one journey through ${settings.gatewayUrl} (simulator ${settings.simUrl})\n`);
  let stack: Stack | undefined;
  try {
    await run.step('the stack is up (GET /health)', async (log) => log.note(await checkHealth(new JsonApi('API gateway', settings.gatewayUrl))));
    stack = await run.step('client configuration (GET /config) and the chain', async (log) => {
      const connected = await connectStack(settings);
      const { chainId, confirmations, contracts } = connected.config;
      log.note(`chain ${chainId}, ${confirmations} confirmations; USDC ${contracts.usdc}, checkout ${contracts.checkout}, treasury Safe ${contracts.treasurySafe}`);
      return connected;
    });
    await runJourney(run, stack);
    console.log(`\nDEMO PASSED — ${run.summary().join('\n')}`);
    return 0;
  } catch (error) {
    console.error(`\n${describeFailure(error).join('\n')}`);
    return 1;
  } finally {
    stack?.provider.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`DEMO FAILED: ${(error as Error)?.message ?? String(error)}`);
    process.exit(1);
  },
);
