import { HDNodeWallet, Mnemonic } from 'ethers';
import { SiweMessage } from 'siwe';

/** anvil's default mnemonic; account i is m/44'/60'/0'/0/i. */
const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';

export function anvilWallet(index: number): HDNodeWallet {
  return HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase(ANVIL_MNEMONIC), `m/44'/60'/0'/0/${index}`);
}

export interface SiweMessageOptions {
  readonly nonce: string;
  readonly domain?: string;
  readonly chainId?: number;
  readonly issuedAt?: Date;
  readonly expirationTime?: Date;
}

/** A standard EIP-4361 message as a wallet would show it, for `address`. */
export function siweMessage(address: string, options: SiweMessageOptions): string {
  return new SiweMessage({
    domain: options.domain ?? 'localhost:3000',
    address,
    statement: 'Sign in to LiqPass.',
    uri: `http://${options.domain ?? 'localhost:3000'}`,
    version: '1',
    chainId: options.chainId ?? 31337,
    nonce: options.nonce,
    issuedAt: (options.issuedAt ?? new Date()).toISOString(),
    expirationTime: options.expirationTime?.toISOString(),
  }).prepareMessage();
}

export async function postJson(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Signs in through the real endpoints and returns the session token. */
export async function signIn(base: string, wallet: HDNodeWallet): Promise<string> {
  const { nonce } = (await (await postJson(base, '/auth/siwe/nonce', {})).json()) as { nonce: string };
  const message = siweMessage(wallet.address, { nonce });
  const response = await postJson(base, '/auth/siwe/verify', { message, signature: await wallet.signMessage(message) });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
