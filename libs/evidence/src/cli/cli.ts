import { verifyEvidenceBundle, type EvidenceBundle } from '../bundle/evidence-bundle';
import { detectLiquidation } from '../detection/detect-liquidation';
import type { InsuredPosition, OkxRecord, OkxResponses } from '../detection/okx-responses';

export interface CliIo {
  readFile(path: string): string;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage:
  liqpass-evidence verify <bundle.json> [--signer 0xADDRESS]
      recompute every leaf, the root and the signer offline; exit 1 on any mismatch
  liqpass-evidence classify <okx-responses.json> [--inst-id ID] [--pos-side long|short|net] [--mgn-mode isolated|cross] [--pos-id ID] [--pos-ctime MS]
      apply the liquidation-detection rule to { orders, positionsHistory, fills, bills } (OKX data arrays); print the verdict as JSON`;

/** Exit codes: 0 ok, 1 the bundle does not check out, 2 usage or unreadable input. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, file, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if ((command !== 'verify' && command !== 'classify') || !file) {
    io.err(USAGE);
    return 2;
  }
  let flags: Record<string, string>;
  let input: unknown;
  try {
    flags = parseFlags(rest);
    input = JSON.parse(io.readFile(file));
  } catch (error) {
    io.err(`liqpass-evidence: ${(error as Error).message}`);
    return 2;
  }
  return command === 'verify' ? verify(input as EvidenceBundle, flags, io) : classify(input, flags, io);
}

function verify(bundle: EvidenceBundle, flags: Record<string, string>, io: CliIo): number {
  const check = verifyEvidenceBundle(bundle, flags['signer']);
  io.out(JSON.stringify({ ok: check.ok, claimId: bundle?.claimId ?? null, root: check.recomputedRoot, signer: check.recoveredSigner, items: check.recomputedLeaves.length, problems: check.problems }, null, 2));
  return check.ok ? 0 : 1;
}

function classify(input: unknown, flags: Record<string, string>, io: CliIo): number {
  const record = (input ?? {}) as Record<string, unknown>;
  const list = (key: string): OkxRecord[] => {
    const value = record[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new TypeError(`${key} must be an array (the data array as OKX returns it)`);
    return value as OkxRecord[];
  };
  let responses: OkxResponses;
  try {
    responses = { orders: list('orders'), positionsHistory: list('positionsHistory'), fills: list('fills'), bills: list('bills') };
  } catch (error) {
    io.err(`liqpass-evidence: ${(error as Error).message}`);
    return 2;
  }
  const position: InsuredPosition = { instId: flags['inst-id'], posSide: flags['pos-side'], mgnMode: flags['mgn-mode'], posId: flags['pos-id'], posCTime: flags['pos-ctime'] };
  io.out(JSON.stringify(detectLiquidation(responses, position), null, 2));
  return 0;
}

function parseFlags(args: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!;
    const value = args[i + 1];
    if (!name.startsWith('--') || value === undefined) throw new Error(`unexpected argument ${name}`);
    flags[name.slice(2)] = value;
  }
  return flags;
}
