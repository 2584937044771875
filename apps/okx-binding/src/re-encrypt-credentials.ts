import 'reflect-metadata';
import { ConfigError } from '@liqpass/config';
import { reEncryptCredentials } from './accounts/application/re-encrypt-credentials/re-encrypt-credentials.run';

/**
 * `node dist/apps/okx-binding/src/re-encrypt-credentials.js [--batch-size=100]` with the
 * service's own environment (DATABASE_URL, DB_SCHEMA, OKX_ENCRYPTION_KEYS): re-seals every
 * linked account under the first key of OKX_ENCRYPTION_KEYS. Prints a JSON report; exits 1 if
 * any row could not be re-sealed. Safe to run while the service runs, and to repeat.
 */
function batchSizeArg(argv: readonly string[]): number | undefined {
  const arg = argv.find((a) => a.startsWith('--batch-size='));
  if (!arg) return undefined;
  const value = Number(arg.slice('--batch-size='.length));
  if (!Number.isInteger(value) || value < 1 || value > 10_000) throw new Error('--batch-size must be a whole number from 1 to 10000');
  return value;
}

void Promise.resolve()
  .then(() => reEncryptCredentials(process.env, { batchSize: batchSizeArg(process.argv.slice(2)) }))
  .then(
    (report) => {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      process.exit(report.failed.length === 0 ? 0 : 1);
    },
    (error: unknown) => {
      process.stderr.write(`re-encrypt-credentials: ${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
