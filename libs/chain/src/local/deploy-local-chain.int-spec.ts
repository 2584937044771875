import { Contract, Interface, JsonRpcProvider, MaxUint256 } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSafeArtifacts } from '../artifacts/package-artifacts';
import { CHECKOUT_ABI } from '../abi/checkout-abi';
import { signUsdcPermit } from '../usdc/usdc-permit';
import { deployLocalChain, TRADER_FUNDING, type LocalChainDeployment } from './deploy-local-chain';
import { LOCAL_ACCOUNT, localWallets } from './local-accounts';
import { LOCAL_DEPLOYMENT } from './local-deployment';
import { findFreePort, startAnvil, type AnvilHandle } from './start-anvil';

const USDC_ABI = [
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function version() view returns (string)',
  'function balanceOf(address) view returns (uint256)',
  'function allowance(address, address) view returns (uint256)',
  'function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)',
  'function isMinter(address) view returns (bool)',
];
const quiet = { info: () => undefined, warn: () => undefined };

describe('deployLocalChain on a fresh anvil', () => {
  let anvil: AnvilHandle;
  let provider: JsonRpcProvider;
  let deployment: LocalChainDeployment;
  const wallets = localWallets();

  beforeAll(async () => {
    anvil = await startAnvil({ port: await findFreePort() });
    provider = new JsonRpcProvider(anvil.rpcUrl, undefined, { cacheTimeout: -1 });
    deployment = await deployLocalChain({ rpcUrl: anvil.rpcUrl, logger: quiet });
  });
  afterAll(async () => {
    provider?.destroy();
    await anvil?.stop();
  });

  it('puts everything at the fixed local addresses', () => {
    expect(deployment.reused).toBe(false);
    expect(deployment.chainId).toBe(31337);
    expect({ usdc: deployment.usdc, checkout: deployment.checkout, treasurySafe: deployment.treasurySafe }).toEqual(LOCAL_DEPLOYMENT);
  });

  it('deploys real FiatToken v2.2 as USDC with 10,000 USDC for each trader', async () => {
    const usdc = new Contract(deployment.usdc, USDC_ABI, provider);
    expect([await usdc.name(), await usdc.symbol(), await usdc.decimals(), await usdc.version()]).toEqual(['USD Coin', 'USDC', 6n, '2']);
    expect(await usdc.isMinter(deployment.operator)).toBe(true);
    for (const i of LOCAL_ACCOUNT.traders) expect(await usdc.balanceOf(wallets[i].address)).toBe(TRADER_FUNDING);
    expect(TRADER_FUNDING).toBe(10_000_000_000n);
  });

  it('accepts an EIP-2612 permit signed with the USD Coin / 2 domain', async () => {
    const trader = wallets[LOCAL_ACCOUNT.traders[0]].connect(provider);
    const spender = wallets[LOCAL_ACCOUNT.finance].address;
    const permit = await signUsdcPermit(trader, deployment.usdc, spender, 123n, MaxUint256);
    const usdc = new Contract(deployment.usdc, USDC_ABI, wallets[LOCAL_ACCOUNT.deployer].connect(provider));
    await (await usdc.permit(trader.address, spender, 123n, permit.deadline, permit.v, permit.r, permit.s)).wait();
    expect(await usdc.allowance(trader.address, spender)).toBe(123n);
  });

  it('makes the treasury a 2-of-3 Safe owned by accounts 3, 4 and 5', async () => {
    const safe = new Contract(deployment.treasurySafe, loadSafeArtifacts().safeL2.abi, provider);
    expect(await safe.getThreshold()).toBe(2n);
    expect([...(await safe.getOwners())].sort()).toEqual(LOCAL_ACCOUNT.safeOwners.map((i) => wallets[i].address).sort());
    expect(await safe.VERSION()).toBe('1.5.0');
  });

  it('lets the treasury Safe use USDC: it does not administer the proxy, which would refuse its calls', async () => {
    const usdc = new Interface(['function balanceOf(address) view returns (uint256)']);
    const data = usdc.encodeFunctionData('balanceOf', [deployment.treasurySafe]);
    // A call from the proxy admin reverts ("Cannot call fallback function from the proxy admin").
    await expect(provider.call({ to: deployment.usdc, from: deployment.treasurySafe, data })).resolves.toMatch(/^0x0{64}$/);
    const admin = localWallets(undefined, undefined, LOCAL_ACCOUNT.usdcProxyAdmin + 1)[LOCAL_ACCOUNT.usdcProxyAdmin]!.address;
    await expect(provider.call({ to: deployment.usdc, from: admin, data })).rejects.toThrow(/proxy admin/);
  });

  it('wires the checkout to USDC and the Safe, with every role on the Safe and none on the deployer', async () => {
    const checkout = new Contract(deployment.checkout, CHECKOUT_ABI, provider);
    expect(await checkout.token()).toBe(deployment.usdc);
    expect(await checkout.treasury()).toBe(deployment.treasurySafe);
    expect(await checkout.quoteSigner()).toBe(wallets[0].address);
    const [admin, pauser] = [await checkout.DEFAULT_ADMIN_ROLE(), await checkout.PAUSER_ROLE()];
    expect(await checkout.hasRole(admin, deployment.treasurySafe)).toBe(true);
    expect(await checkout.hasRole(pauser, deployment.treasurySafe)).toBe(true);
    expect(await checkout.hasRole(admin, deployment.operator)).toBe(false);
    expect(await checkout.hasRole(pauser, deployment.operator)).toBe(false);
    expect(deployment.deployBlock).toBeGreaterThan(0);
    expect(await provider.getCode(deployment.checkout, deployment.deployBlock - 1)).toBe('0x');
  });

  it('returns the existing deployment unchanged when called again on the same anvil', async () => {
    const blockBefore = await provider.getBlockNumber();
    const again = await deployLocalChain({ rpcUrl: anvil.rpcUrl, logger: quiet });
    expect(again.reused).toBe(true);
    expect({ ...again, reused: false }).toEqual(deployment);
    expect(await provider.getBlockNumber()).toBe(blockBefore); // nothing sent
  });
});

describe('deployLocalChain on an anvil mining every second (as the local stack runs it)', () => {
  it('lands in a few blocks and at the same addresses', async () => {
    const anvil = await startAnvil({ port: await findFreePort(), blockTime: 1 });
    try {
      const started = Date.now();
      const deployment = await deployLocalChain({ rpcUrl: anvil.rpcUrl, logger: quiet });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(deployment.checkout).toBe(LOCAL_DEPLOYMENT.checkout);
    } finally {
      await anvil.stop();
    }
  });
});
