import { runOkxSim } from './bootstrap';

/** Process entry point: start the simulator and stop gracefully on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const running = await runOkxSim({
    env: process.env,
    exit: (code) => process.exit(code),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
  if (!running) return;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void running.shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`okx-sim: shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
    });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`okx-sim: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
