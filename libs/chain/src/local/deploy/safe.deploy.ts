import { AbiCoder, concat, getCreate2Address, Interface, keccak256, solidityPacked, ZeroAddress } from 'ethers';
import type { ContractArtifact } from '../../artifacts/contract-artifact';
import { loadSafeArtifacts } from '../../artifacts/package-artifacts';
import { DEPLOY_GAS } from './deploy-gas';
import type { TxSequence } from './tx-sequence';

/** Safe 1.5.0 contracts on the local chain; the helpers are what @safe-global/protocol-kit's contractNetworks asks for. */
export interface SafeInfrastructure {
  readonly singleton: string;
  readonly proxyFactory: string;
  readonly fallbackHandler: string;
  readonly multiSend: string;
  readonly multiSendCallOnly: string;
  readonly signMessageLib: string;
  readonly createCall: string;
  readonly simulateTxAccessor: string;
}

export async function queueSafeInfrastructure(seq: TxSequence, root: string): Promise<SafeInfrastructure> {
  const a = loadSafeArtifacts(root);
  const deploy = (label: string, artifact: ContractArtifact, gas: bigint) => seq.deploy(label, artifact.abi, artifact.bytecode, [], gas);
  return {
    singleton: await deploy('SafeL2', a.safeL2, DEPLOY_GAS.safeSingleton),
    proxyFactory: await deploy('SafeProxyFactory', a.proxyFactory, DEPLOY_GAS.proxyFactory),
    fallbackHandler: await deploy('CompatibilityFallbackHandler', a.fallbackHandler, DEPLOY_GAS.fallbackHandler),
    multiSend: await deploy('MultiSend', a.multiSend, DEPLOY_GAS.safeHelper),
    multiSendCallOnly: await deploy('MultiSendCallOnly', a.multiSendCallOnly, DEPLOY_GAS.safeHelper),
    signMessageLib: await deploy('SignMessageLib', a.signMessageLib, DEPLOY_GAS.safeHelper),
    createCall: await deploy('CreateCall', a.createCall, DEPLOY_GAS.safeHelper),
    simulateTxAccessor: await deploy('SimulateTxAccessor', a.simulateTxAccessor, DEPLOY_GAS.safeHelper),
  };
}

/**
 * Queues a Safe proxy set up with `owners` and `threshold`, and returns its address, computed
 * the way SafeProxyFactory's CREATE2 will place it (the factory may not be mined yet).
 */
export async function queueSafe(
  seq: TxSequence,
  root: string,
  infra: SafeInfrastructure,
  owners: readonly string[],
  threshold: number,
  saltNonce = 0n,
): Promise<string> {
  const a = loadSafeArtifacts(root);
  const initializer = new Interface(a.safeL2.abi).encodeFunctionData('setup', [
    owners,
    threshold,
    ZeroAddress,
    '0x',
    infra.fallbackHandler,
    ZeroAddress,
    0,
    ZeroAddress,
  ]);
  const salt = keccak256(solidityPacked(['bytes32', 'uint256'], [keccak256(initializer), saltNonce]));
  const initCode = concat([a.safeProxy.bytecode, AbiCoder.defaultAbiCoder().encode(['uint256'], [infra.singleton])]);
  const safe = getCreate2Address(infra.proxyFactory, salt, keccak256(initCode));
  await seq.call('Safe createProxyWithNonce', infra.proxyFactory, a.proxyFactory.abi, 'createProxyWithNonce', [infra.singleton, initializer, saltNonce], DEPLOY_GAS.safeProxy);
  return safe;
}
