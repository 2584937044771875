import { HDNodeWallet, type Provider } from 'ethers';

/** anvil's default mnemonic; its accounts have well-known keys and exist only for local use. */
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';

/** Who is who among the mnemonic's accounts, by index (LOCAL-STACK.md "Chain and wallets"). */
export const LOCAL_ACCOUNT = {
  /** Deploys everything, signs quotes, is USDC's minter: the local operator. */
  deployer: 0,
  reviewer: 1,
  finance: 2,
  safeOwners: [3, 4, 5],
  traders: [6, 7, 8, 9],
  /**
   * Administers the USDC proxy and nothing else. A FiatTokenProxy refuses every token call from
   * its admin, so the admin must be an account that never needs USDC — never the treasury.
   */
  usdcProxyAdmin: 10,
} as const;

/** The first `count` wallets of a mnemonic on the standard path m/44'/60'/0'/0/i, optionally connected. */
export function localWallets(mnemonic: string = ANVIL_MNEMONIC, provider?: Provider, count = 10): HDNodeWallet[] {
  // Derive the account-level node once: each fromPhrase runs the slow mnemonic-to-seed step.
  const base = HDNodeWallet.fromPhrase(mnemonic, undefined, "m/44'/60'/0'/0");
  return Array.from({ length: count }, (_, i) => {
    const wallet = base.deriveChild(i);
    return provider ? wallet.connect(provider) : wallet;
  });
}
