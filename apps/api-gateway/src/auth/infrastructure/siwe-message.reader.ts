import { verifyMessage } from 'ethers';
import { SiweMessage } from 'siwe';
import type { SiweFields } from '../domain/siwe-rules';

export type ReadResult = { readonly ok: true; readonly fields: SiweFields } | { readonly ok: false; readonly reason: string };

/**
 * Parses an EIP-4361 message with the `siwe` grammar (which also refuses an address that is not
 * EIP-55) and recovers who signed the exact text received. Verifying the received text, not a
 * re-rendering of its fields, means any altered byte changes the recovered signer.
 */
export function readSiweMessage(message: string): ReadResult {
  try {
    const parsed = new SiweMessage(message);
    return {
      ok: true,
      fields: {
        domain: parsed.domain,
        address: parsed.address,
        chainId: Number(parsed.chainId),
        nonce: parsed.nonce,
        issuedAt: parsed.issuedAt,
        expirationTime: parsed.expirationTime,
        notBefore: parsed.notBefore,
      },
    };
  } catch {
    return { ok: false, reason: 'the message is not a valid EIP-4361 sign-in message' };
  }
}

/** The address that signed `message` (EIP-191 personal_sign), or null if the signature is unusable. */
export function recoverSigner(message: string, signature: string): string | null {
  try {
    return verifyMessage(message, signature);
  } catch {
    return null;
  }
}
