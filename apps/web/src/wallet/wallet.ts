import type { Eip1193Provider, HDNodeWallet, Signer } from 'ethers';

// ethers is most of the app's weight and nothing on the first screen needs it: it is loaded
// when a wallet is connected (its own chunk), so the sign-in page arrives small.
const loadEthers = () => import('ethers');

/**
 * The connected wallet: an ethers Signer either way, so sign-in, payment and Safe signatures
 * are written once. `kind` says where the keys live.
 */
export interface ConnectedWallet {
  readonly kind: 'injected' | 'dev';
  readonly address: string;
  readonly signer: Signer;
  /** The anvil account index, for the development wallet only. */
  readonly devIndex?: number;
}

/** anvil's public mnemonic: its keys are known to everyone, so this wallet is for the local chain only. */
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';
export const DEV_CHAIN_ID = 31337;

/** What each anvil account is for in the local stack (LOCAL-STACK.md "Chain and wallets"). */
export const DEV_ACCOUNT_ROLES: Record<number, string> = {
  0: 'deployer / operator / superadmin',
  1: 'reviewer',
  2: 'finance',
  3: 'Safe owner',
  4: 'Safe owner',
  5: 'Safe owner',
  6: 'trader',
  7: 'trader',
  8: 'trader',
  9: 'trader',
};

export async function devAccount(index: number): Promise<HDNodeWallet> {
  const { HDNodeWallet, Mnemonic } = await loadEthers();
  return HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase(ANVIL_MNEMONIC), `m/44'/60'/0'/0/${index}`);
}

export async function connectDevWallet(index: number, rpcUrl: string): Promise<ConnectedWallet> {
  const { JsonRpcProvider } = await loadEthers();
  const wallet = (await devAccount(index)).connect(new JsonRpcProvider(rpcUrl, DEV_CHAIN_ID, { staticNetwork: true, pollingInterval: 500 }));
  return { kind: 'dev', address: wallet.address, signer: wallet, devIndex: index };
}

declare global {
  interface Window {
    ethereum?: Eip1193Provider & { on?: (event: string, listener: (...args: unknown[]) => void) => void };
  }
}

export function hasInjectedWallet(): boolean {
  return typeof window !== 'undefined' && window.ethereum !== undefined;
}

/** Asks the injected wallet (MetaMask, Rabby, …) for an account and switches it to the app's chain if it can. */
export async function connectInjectedWallet(chainId: number): Promise<ConnectedWallet> {
  if (!window.ethereum) throw new Error('No browser wallet found.');
  await window.ethereum.request({ method: 'eth_requestAccounts' });
  try {
    await window.ethereum.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: `0x${chainId.toString(16)}` }] });
  } catch {
    // The wallet may not know the chain; signing still works, and a transaction will say which chain is wrong.
  }
  const { BrowserProvider } = await loadEthers();
  const signer = await new BrowserProvider(window.ethereum).getSigner();
  return { kind: 'injected', address: await signer.getAddress(), signer };
}
