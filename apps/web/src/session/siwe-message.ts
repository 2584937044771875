/**
 * An EIP-4361 sign-in message, written out by hand (the format is a fixed text template) so the
 * browser bundle needs no extra library. The gateway parses it with the `siwe` grammar and
 * requires `domain` to equal its SIWE_DOMAIN exactly — `localhost:3000` locally, which is the
 * gateway's host, not this page's — and the chain id to be its CHAIN_ID.
 */
export interface SiweInput {
  readonly domain: string;
  readonly address: string;
  readonly chainId: number;
  readonly nonce: string;
  readonly issuedAt: Date;
  readonly statement?: string;
}

export function siweMessage(input: SiweInput): string {
  const statement = input.statement ?? 'Sign in to LiqPass.';
  return [
    `${input.domain} wants you to sign in with your Ethereum account:`,
    input.address,
    '',
    statement,
    '',
    `URI: http://${input.domain}`,
    'Version: 1',
    `Chain ID: ${input.chainId}`,
    `Nonce: ${input.nonce}`,
    `Issued At: ${input.issuedAt.toISOString()}`,
  ].join('\n');
}

/** The gateway's SIWE domain: a build-time setting, `localhost:3000` as LOCAL-STACK.md fixes it locally. */
export const SIWE_DOMAIN: string = (import.meta.env.VITE_SIWE_DOMAIN as string | undefined) ?? 'localhost:3000';
