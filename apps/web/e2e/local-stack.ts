import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { Contract, HDNodeWallet, JsonRpcProvider, Mnemonic } from 'ethers';

export const ROOT = join(__dirname, '../../..');
export const WEB = 'http://127.0.0.1:5173';
export const SIM = 'http://127.0.0.1:8090';
export const STACK_PORTS = [3000, 5173, 8545, 8090];

export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** `npm start`'s built supervisor, as tools/local-stack's own test starts it; resolves once it prints "LiqPass is up". */
export function startLocalStack(output: string[], timeoutMs = 200_000): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [join(ROOT, 'dist/tools/local-stack/src/main.js')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the stack was not up within ${timeoutMs} ms:\n${output.join('').slice(-4000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/LiqPass is up/.test(output.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited (code ${code}):\n${output.join('').slice(-4000)}`));
    });
  });
  return { child, ready };
}

/** Ctrl-C, as a user stops it; SIGKILL only if it does not stop in time. */
export async function stopLocalStack(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

export async function sim<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${SIM}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Mints USDC into the treasury Safe as the local operator (anvil account 0, the USDC minter). The
 * stack deploys the Safe holding nothing but premiums, so without this a payout larger than the
 * premiums is HELD with TREASURY_BELOW_FLOOR and never proposed.
 */
export async function fundTreasury(amountBaseUnits: bigint): Promise<void> {
  const config = (await (await fetch('http://127.0.0.1:3000/config')).json()) as { rpcUrl: string; contracts: { usdc: string; treasurySafe: string } };
  const provider = new JsonRpcProvider(config.rpcUrl, 31337, { staticNetwork: true });
  const operator = HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase('test test test test test test test test test test test junk'), "m/44'/60'/0'/0/0").connect(provider);
  const usdc = new Contract(config.contracts.usdc, ['function mint(address to, uint256 amount) returns (bool)'], operator);
  await (await usdc.getFunction('mint')(config.contracts.treasurySafe, amountBaseUnits)).wait();
  provider.destroy();
}
