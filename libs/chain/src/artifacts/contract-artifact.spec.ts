import { describe, expect, it } from 'vitest';
import { linkBytecode } from './contract-artifact';
import { loadFiatTokenArtifacts } from './package-artifacts';

describe('linkBytecode', () => {
  it('writes the library address at every link reference of FiatToken v2.2', () => {
    const { fiatTokenV2_2 } = loadFiatTokenArtifacts();
    const library = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
    const linked = linkBytecode(fiatTokenV2_2, { SignatureChecker: library });
    const refs = Object.values(fiatTokenV2_2.linkReferences).flatMap((byLib) => Object.values(byLib).flat());
    expect(refs.length).toBeGreaterThan(0);
    for (const { start } of refs) expect(linked.slice(2 + start * 2, 2 + (start + 20) * 2)).toBe(library.slice(2).toLowerCase());
    expect(linked.length).toBe(fiatTokenV2_2.bytecode.length);
  });

  it('refuses to leave a library unlinked', () => {
    expect(() => linkBytecode(loadFiatTokenArtifacts().fiatTokenV2_2, {})).toThrow(/no address given for library SignatureChecker/);
  });
});
