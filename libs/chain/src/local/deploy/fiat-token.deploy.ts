import { loadFiatTokenArtifacts } from '../../artifacts/package-artifacts';
import { linkBytecode } from '../../artifacts/contract-artifact';
import { DEPLOY_GAS } from './deploy-gas';
import type { TxSequence } from './tx-sequence';

export interface FiatTokenAddresses {
  /** The proxy: USDC's address. */
  readonly usdc: string;
  readonly implementation: string;
  readonly signatureChecker: string;
}

/**
 * Queues Circle's FiatToken v2.2 the way it is deployed for real (TOOLCHAIN.md "Chain"): link
 * SignatureChecker, put the implementation behind FiatTokenProxy, hand the proxy admin to
 * `proxyAdmin` (the proxy admin may not call the token), then initialise every version from
 * the operator, who becomes owner, master minter, pauser, blacklister and a minter.
 */
export async function queueFiatToken(seq: TxSequence, root: string, proxyAdmin: string, mintAllowance: bigint): Promise<FiatTokenAddresses> {
  const a = loadFiatTokenArtifacts(root);
  const operator = seq.from;
  const signatureChecker = await seq.deploy('SignatureChecker', a.signatureChecker.abi, a.signatureChecker.bytecode, [], DEPLOY_GAS.signatureChecker);
  const implementation = await seq.deploy(
    'FiatTokenV2_2',
    a.fiatTokenV2_2.abi,
    linkBytecode(a.fiatTokenV2_2, { SignatureChecker: signatureChecker }),
    [],
    DEPLOY_GAS.fiatToken,
  );
  const usdc = await seq.deploy('FiatTokenProxy', a.fiatTokenProxy.abi, a.fiatTokenProxy.bytecode, [implementation], DEPLOY_GAS.fiatTokenProxy);
  await seq.call('USDC changeAdmin', usdc, a.fiatTokenProxy.abi, 'changeAdmin', [proxyAdmin], DEPLOY_GAS.call);
  const token = a.fiatTokenV2_2.abi;
  await seq.call('USDC initialize', usdc, token, 'initialize', ['USD Coin', 'USDC', 'USD', 6, operator, operator, operator, operator], DEPLOY_GAS.initialize);
  await seq.call('USDC initializeV2', usdc, token, 'initializeV2', ['USD Coin'], DEPLOY_GAS.call);
  await seq.call('USDC initializeV2_1', usdc, token, 'initializeV2_1', [operator], DEPLOY_GAS.call);
  await seq.call('USDC initializeV2_2', usdc, token, 'initializeV2_2', [[], 'USDC'], DEPLOY_GAS.call);
  await seq.call('USDC configureMinter', usdc, token, 'configureMinter', [operator, mintAllowance], DEPLOY_GAS.call);
  return { usdc, implementation, signatureChecker };
}
