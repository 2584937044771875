import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractArtifact } from './contract-artifact';
import { contractsDir, workspaceRoot } from './workspace-paths';

/** Where forge writes a contract's artifact; the ABI clients use (LOCAL-STACK.md). */
export function forgeArtifactPath(contract: string, root: string = workspaceRoot()): string {
  return join(contractsDir(root), 'out', `${contract}.sol`, `${contract}.json`);
}

/** Reads a forge artifact; run `ensureContractsBuilt` first when the bytecode may be missing or stale. */
export function loadForgeArtifact(contract: string, root: string = workspaceRoot()): ContractArtifact {
  const path = forgeArtifactPath(contract, root);
  if (!existsSync(path)) throw new Error(`${path} is missing: build the contracts (npx nx run contracts:build)`);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  const bytecode: string | undefined = json.bytecode?.object;
  if (!bytecode || bytecode === '0x') throw new Error(`${path} has no bytecode: rebuild with forge build --force`);
  return { contractName: contract, abi: json.abi, bytecode, linkReferences: json.bytecode.linkReferences ?? {} };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when the checkout artifact exists, has bytecode and is newer than every source. */
function checkoutArtifactFresh(root: string): boolean {
  try {
    const path = forgeArtifactPath('LiqPassCheckout', root);
    loadForgeArtifact('LiqPassCheckout', root);
    const sources = Math.max(newestMtime(join(contractsDir(root), 'src')), statSync(join(contractsDir(root), 'foundry.toml')).mtimeMs);
    return statSync(path).mtimeMs >= sources;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `forge build` (offline, solc-js) unless the checkout artifact is already fresh. A lock
 * directory keeps parallel test files and the local stack from building into out/ at once;
 * --force rebuilds because a stray `forge lint` can leave ABI-only artifacts forge thinks are current.
 */
export async function ensureContractsBuilt(root: string = workspaceRoot()): Promise<void> {
  if (checkoutArtifactFresh(root)) return;
  const lock = join(contractsDir(root), 'cache', '.liqpass-build.lock');
  mkdirSync(join(contractsDir(root), 'cache'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = statSync(lock, { throwIfNoEntry: false });
      // A lock older than any real build was left by a killed process.
      if (held && Date.now() - held.mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for another forge build (${lock})`);
      await sleep(250);
    }
  }
  try {
    if (checkoutArtifactFresh(root)) return; // another process built it while we waited
    await runForge(root, ['build', '--force']);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function runForge(root: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'forge'), args, { cwd: contractsDir(root), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`forge ${args.join(' ')} failed (${code}):\n${output}`))));
  });
}
