import { SiweMessage } from 'siwe';

export interface SiweInput {
  readonly domain: string;
  readonly address: string;
  readonly chainId: number;
  readonly nonce: string;
  readonly issuedAt: Date;
}

/** The standard EIP-4361 message a wallet would show, for the gateway's SIWE domain and chain. */
export function siweMessage(input: SiweInput): string {
  return new SiweMessage({
    domain: input.domain,
    address: input.address,
    statement: 'Sign in to LiqPass.',
    uri: `http://${input.domain}`,
    version: '1',
    chainId: input.chainId,
    nonce: input.nonce,
    issuedAt: input.issuedAt.toISOString(),
  }).prepareMessage();
}
