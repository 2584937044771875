import { Contract, JsonRpcProvider, type HDNodeWallet } from 'ethers';
import { createLogger } from '@liqpass/observability';
import { CHECKOUT_ABI } from '../abi/checkout-abi';
import { ensureContractsBuilt, loadForgeArtifact } from '../artifacts/forge-artifacts';
import { loadSafeArtifacts } from '../artifacts/package-artifacts';
import { workspaceRoot } from '../artifacts/workspace-paths';
import { DEPLOY_GAS } from './deploy/deploy-gas';
import { queueFiatToken, type FiatTokenAddresses } from './deploy/fiat-token.deploy';
import { queueSafe, queueSafeInfrastructure, type SafeInfrastructure } from './deploy/safe.deploy';
import { TxSequence } from './deploy/tx-sequence';
import { ANVIL_MNEMONIC, LOCAL_ACCOUNT, localWallets } from './local-accounts';

export const USDC_DECIMALS = 6;
export const TRADER_FUNDING = 10_000n * 10n ** 6n;
/** What the operator may still mint after funding traders: enough for benchmarks and demos. */
const OPERATOR_MINT_ALLOWANCE = 10n ** 15n * 10n ** 6n;
const SAFE_THRESHOLD = 2;

export interface DeployLocalChainOptions {
  readonly rpcUrl: string;
  readonly mnemonic?: string;
  /** Who signs quotes; account 0 (the local operator) by default. */
  readonly quoteSigner?: string;
  readonly logger?: { info(message: string): void; warn(message: string): void };
}

export interface LocalChainDeployment {
  readonly chainId: number;
  readonly rpcUrl: string;
  /** FiatToken v2.2 proxy. */
  readonly usdc: string;
  readonly usdcImplementation: string;
  readonly checkout: string;
  readonly treasurySafe: string;
  readonly safe: SafeInfrastructure & { readonly owners: readonly string[]; readonly threshold: number };
  /** Account 0: deployer, USDC owner and minter. */
  readonly operator: string;
  readonly quoteSigner: string;
  readonly traders: readonly string[];
  /** Block the checkout was deployed in: where a payment listener starts reading. */
  readonly deployBlock: number;
  /** True when an earlier deployment on this chain was found and returned unchanged. */
  readonly reused: boolean;
}

interface Planned {
  readonly safeInfra: SafeInfrastructure;
  readonly treasurySafe: string;
  readonly token: FiatTokenAddresses;
  readonly checkout: string;
}

/** Every transaction of a deployment, in a fixed order; run dry, it yields the same addresses. */
async function queueDeployment(seq: TxSequence, root: string, wallets: HDNodeWallet[], quoteSigner: string): Promise<Planned> {
  const owners = LOCAL_ACCOUNT.safeOwners.map((i) => wallets[i].address);
  const safeInfra = await queueSafeInfrastructure(seq, root);
  const treasurySafe = await queueSafe(seq, root, safeInfra, owners, SAFE_THRESHOLD);
  // A proxy admin cannot use the token: a dedicated account administers it, so the deployer can
  // initialise and mint and the treasury Safe can pay out.
  const token = await queueFiatToken(seq, root, wallets[LOCAL_ACCOUNT.usdcProxyAdmin]!.address, OPERATOR_MINT_ALLOWANCE);
  const usdcAbi = ['function mint(address to, uint256 amount) returns (bool)'];
  for (const i of LOCAL_ACCOUNT.traders) {
    await seq.call(`USDC mint to trader ${i}`, token.usdc, usdcAbi, 'mint', [wallets[i].address, TRADER_FUNDING], DEPLOY_GAS.mint);
  }
  const artifact = seq.isDryRun ? undefined : loadForgeArtifact('LiqPassCheckout', root);
  // Admin and pauser are the Safe: the deployer keeps no power over the checkout.
  const checkout = await seq.deploy(
    'LiqPassCheckout',
    artifact?.abi ?? [],
    artifact?.bytecode ?? '0x',
    [token.usdc, treasurySafe, quoteSigner, treasurySafe, treasurySafe],
    DEPLOY_GAS.checkout,
  );
  return { safeInfra, treasurySafe, token, checkout };
}

/**
 * Deploys the local chain's contracts (LOCAL-STACK.md): Circle's FiatToken v2.2 as USDC, a
 * 2-of-3 Safe (accounts 3, 4, 5) as treasury, LiqPassCheckout, and 10,000 USDC for traders 6–9.
 *
 * On a fresh anvil the addresses are always the same (LOCAL_DEPLOYMENT). On an anvil where
 * account 0 has sent transactions before, an earlier deployment at those addresses is checked
 * and returned unchanged (`reused: true`, balances as they are); if there is none, a new set is
 * deployed at new addresses and a warning says the defaults no longer apply.
 */
export async function deployLocalChain(options: DeployLocalChainOptions): Promise<LocalChainDeployment> {
  const log = options.logger ?? createLogger('deploy-local-chain');
  const root = workspaceRoot();
  const provider = new JsonRpcProvider(options.rpcUrl, undefined, { cacheTimeout: -1, polling: true, pollingInterval: 100 });
  try {
    const chainId = Number((await provider.getNetwork()).chainId);
    const wallets = localWallets(options.mnemonic ?? ANVIL_MNEMONIC, provider, LOCAL_ACCOUNT.usdcProxyAdmin + 1);
    const operator = wallets[LOCAL_ACCOUNT.deployer];
    const quoteSigner = options.quoteSigner ?? operator.address;
    const describe = (p: Planned, deployBlock: number, reused: boolean, signer = quoteSigner): LocalChainDeployment => ({
      chainId,
      rpcUrl: options.rpcUrl,
      usdc: p.token.usdc,
      usdcImplementation: p.token.implementation,
      checkout: p.checkout,
      treasurySafe: p.treasurySafe,
      safe: { ...p.safeInfra, owners: LOCAL_ACCOUNT.safeOwners.map((i) => wallets[i].address), threshold: SAFE_THRESHOLD },
      operator: operator.address,
      quoteSigner: signer,
      traders: LOCAL_ACCOUNT.traders.map((i) => wallets[i].address),
      deployBlock,
      reused,
    });

    if ((await operator.getNonce('latest')) > 0) {
      const earlier = await queueDeployment(TxSequence.dryRun(operator.address, 0), root, wallets, quoteSigner);
      const found = await findDeployment(provider, earlier);
      if (found) {
        log.info(`chain ${chainId}: reusing the deployment already on ${options.rpcUrl} (checkout ${earlier.checkout})`);
        return describe(earlier, found.deployBlock, true, found.quoteSigner);
      }
      log.warn(`chain ${chainId}: account 0 was used before and holds no LiqPass deployment; deploying a new set — the default addresses do not apply`);
    }

    await ensureContractsBuilt(root);
    log.info(`chain ${chainId}: deploying USDC (FiatToken v2.2), treasury Safe and LiqPassCheckout from ${operator.address}`);
    const seq = await TxSequence.start(operator);
    const planned = await queueDeployment(seq, root, wallets, quoteSigner);
    log.info(`chain ${chainId}: ${seq.pendingCount} transactions sent; waiting for them to be mined`);
    const receipts = await seq.confirm();
    await checkDeployment(provider, planned);
    const deployment = describe(planned, receipts.get('LiqPassCheckout')!.blockNumber, false);
    log.info(`chain ${chainId}: usdc ${deployment.usdc}, checkout ${deployment.checkout}, treasury Safe ${deployment.treasurySafe}`);
    return deployment;
  } finally {
    provider.destroy();
  }
}

/** The planned checkout, if it is on the chain and wired to the planned USDC and Safe: its deploy block and current signer. */
async function findDeployment(provider: JsonRpcProvider, p: Planned): Promise<{ deployBlock: number; quoteSigner: string } | undefined> {
  if ((await provider.getCode(p.checkout)) === '0x') return undefined;
  const checkout = new Contract(p.checkout, CHECKOUT_ABI, provider);
  const [token, treasury, quoteSigner] = await Promise.all([checkout.token(), checkout.treasury(), checkout.quoteSigner()]);
  if (token !== p.token.usdc || treasury !== p.treasurySafe) return undefined;
  // Binary search for the first block with the checkout's code.
  let low = 0;
  let high = await provider.getBlockNumber();
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if ((await provider.getCode(p.checkout, mid)) === '0x') low = mid + 1;
    else high = mid;
  }
  return { deployBlock: low, quoteSigner };
}

/** Fails loudly if what was mined is not what was planned (e.g. a changed Safe proxy bytecode). */
async function checkDeployment(provider: JsonRpcProvider, p: Planned): Promise<void> {
  if ((await provider.getCode(p.treasurySafe)) === '0x') throw new Error(`no Safe at the predicted address ${p.treasurySafe}`);
  const safe = new Contract(p.treasurySafe, loadSafeArtifacts().safeL2.abi, provider);
  if (Number(await safe.getThreshold()) !== SAFE_THRESHOLD) throw new Error('treasury Safe has the wrong threshold');
  const checkout = new Contract(p.checkout, CHECKOUT_ABI, provider);
  if ((await checkout.treasury()) !== p.treasurySafe) throw new Error('checkout treasury is not the Safe');
}
