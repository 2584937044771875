import { ANVIL_MNEMONIC, localWallets } from '@liqpass/chain';
import { Contract, JsonRpcProvider, type HDNodeWallet } from 'ethers';
import type { DemoSettings } from './demo-settings';
import { DemoError } from './demo-error';
import { compactBody } from './format';
import { JsonApi } from './json-api';
import type { PublicConfig } from './wire-types';

const ERC20 = ['function balanceOf(address owner) view returns (uint256)', 'function approve(address spender, uint256 value) returns (bool)'];

/** The running stack as a client sees it: the two HTTP APIs, /config, the chain and the dev wallets. */
export interface Stack {
  readonly settings: DemoSettings;
  readonly gateway: JsonApi;
  readonly sim: JsonApi;
  readonly config: PublicConfig;
  readonly provider: JsonRpcProvider;
  /** anvil's accounts by index (LOCAL-STACK.md "Chain and wallets"), connected to the provider. */
  readonly wallets: readonly HDNodeWallet[];
  readonly usdc: Contract;
}

const NOT_RUNNING = 'start it with `npm start`, wait until it prints that it is ready, then run `npm run demo` again';

/** GET /health must be 200; otherwise the message names the services that are not healthy. */
export async function checkHealth(gateway: JsonApi): Promise<string> {
  let reply;
  try {
    reply = await gateway.request('GET', '/health');
  } catch (error) {
    throw new DemoError(`the local stack is not running: nothing answers at ${gateway.baseUrl} — ${NOT_RUNNING}`, (error as Error).message);
  }
  if (reply.status !== 200) {
    throw new DemoError(`the local stack is not healthy: GET ${gateway.baseUrl}/health → ${reply.status}${unhealthy(reply.body)} — wait for it, or restart it with \`npm start\``, `body: ${compactBody(reply.body)}`);
  }
  return `GET /health → 200`;
}

function unhealthy(body: unknown): string {
  const checks = (body as { checks?: Record<string, { status?: string }> } | null)?.checks;
  if (!checks || typeof checks !== 'object') return '';
  const down = Object.entries(checks).filter(([, c]) => c?.status !== 'ok').map(([name]) => name);
  return down.length ? ` (not healthy: ${down.join(', ')})` : '';
}

/** Reads /config, connects to the chain it names and checks the chain id matches. */
export async function connectStack(settings: DemoSettings): Promise<Stack> {
  const gateway = new JsonApi('API gateway', settings.gatewayUrl, undefined, 15_000, settings.unavailableRetryMs);
  const sim = new JsonApi('OKX simulator', settings.simUrl, undefined, 15_000, settings.unavailableRetryMs);
  const config = await gateway.get<PublicConfig>('/config');
  const rpcUrl = settings.rpcUrl ?? config.rpcUrl;
  // A static network: no detection retries in the background if the node is down. No request
  // cache: ethers answers a repeated call from the last 250 ms by default, and a nonce read right
  // after the previous transaction (approve, then payPremium; one journey, then the next) came
  // back stale — "nonce has already been used" (seen in npm run drills).
  const provider = new JsonRpcProvider(rpcUrl, config.chainId, { staticNetwork: true, pollingInterval: 250, cacheTimeout: -1 });
  let chainId: bigint;
  try {
    chainId = await provider.send('eth_chainId', []).then(BigInt);
  } catch (error) {
    provider.destroy();
    throw new DemoError(`the chain at ${rpcUrl} (from GET /config) does not answer — ${NOT_RUNNING}`, (error as Error).message);
  }
  if (chainId !== BigInt(config.chainId)) {
    provider.destroy();
    throw new DemoError(`the chain at ${rpcUrl} has chain id ${chainId}, but /config says ${config.chainId}`);
  }
  const wallets = localWallets(ANVIL_MNEMONIC, provider, 10);
  return { settings, gateway, sim, config, provider, wallets, usdc: new Contract(config.contracts.usdc, ERC20, provider) };
}

export async function usdcBalance(stack: Stack, owner: string): Promise<bigint> {
  return (await stack.usdc.getFunction('balanceOf')(owner)) as bigint;
}
