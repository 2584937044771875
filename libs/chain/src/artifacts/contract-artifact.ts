import type { InterfaceAbi } from 'ethers';

/** `{ file: { library: [{ start, length }] } }`: where unlinked library addresses sit in bytecode (byte offsets). */
export type LinkReferences = Record<string, Record<string, { start: number; length: number }[]>>;

/** ABI and creation bytecode of a contract, from a forge or Hardhat artifact. */
export interface ContractArtifact {
  readonly contractName: string;
  readonly abi: InterfaceAbi;
  readonly bytecode: string;
  readonly linkReferences: LinkReferences;
}

/**
 * Writes library addresses into unlinked bytecode at the artifact's link references, as the
 * compiler's linker would (FiatToken v2.2 needs its SignatureChecker library linked).
 */
export function linkBytecode(artifact: ContractArtifact, libraries: Record<string, string>): string {
  let hex = artifact.bytecode.replace(/^0x/, '');
  for (const refsByLibrary of Object.values(artifact.linkReferences)) {
    for (const [library, refs] of Object.entries(refsByLibrary)) {
      const address = libraries[library];
      if (!address) throw new Error(`${artifact.contractName}: no address given for library ${library}`);
      const body = address.replace(/^0x/, '').toLowerCase();
      for (const { start, length } of refs) {
        if (length !== 20) throw new Error(`${artifact.contractName}: unexpected link length ${length}`);
        hex = hex.slice(0, start * 2) + body + hex.slice((start + length) * 2);
      }
    }
  }
  if (hex.includes('__')) throw new Error(`${artifact.contractName}: bytecode still has unlinked libraries`);
  return `0x${hex}`;
}
