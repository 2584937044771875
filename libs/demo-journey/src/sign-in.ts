import type { HDNodeWallet } from 'ethers';
import { check } from './demo-error';
import type { JsonApi } from './json-api';
import { siweMessage } from './siwe';
import type { Stack } from './stack';

export interface Session {
  readonly api: JsonApi;
  readonly address: string;
  readonly roles: readonly string[];
}

/** Sign-In with Ethereum through the gateway (nonce → signed EIP-4361 message → session token). */
export async function signIn(stack: Stack, wallet: HDNodeWallet): Promise<Session> {
  const { nonce } = await stack.gateway.post<{ nonce: string }>('/auth/siwe/nonce', {});
  const message = siweMessage({ domain: stack.settings.siweDomain, address: wallet.address, chainId: stack.config.chainId, nonce, issuedAt: new Date() });
  const signature = await wallet.signMessage(message);
  const session = await stack.gateway.post<{ token: string; address: string; roles: string[] }>('/auth/siwe/verify', { message, signature }, 200);
  check(session.address.toLowerCase() === wallet.address.toLowerCase(), `signed in as ${session.address}, expected ${wallet.address}`);
  return { api: stack.gateway.withToken(session.token), address: session.address, roles: session.roles ?? [] };
}
