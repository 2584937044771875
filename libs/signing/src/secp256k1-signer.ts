import { computeAddress } from 'ethers';
import { isPrivate, signRecoverable } from 'tiny-secp256k1';

/** What sealing needs of a key: its address, and a 65-byte signature (r ‖ s ‖ v, 0x-hex) of a 32-byte digest. */
export interface DigestSigner {
  readonly address: string;
  sign(digest: Uint8Array): string;
}

/**
 * A secp256k1 key that signs digests with libsecp256k1 compiled to WebAssembly (tiny-secp256k1):
 * RFC 6979 nonces and low-s, so byte for byte the signature ethers' SigningKey gives (the unit
 * test compares them), at about a third of the CPU of its JavaScript curve arithmetic — ~450 µs
 * a signature there, ~170 µs here. Every claim's evidence is signed once, on the storm's path.
 */
export class Secp256k1Signer implements DigestSigner {
  readonly address: string;
  private readonly key: Uint8Array;

  constructor(privateKey: string) {
    if (!/^0x[0-9a-fA-F]{64}$/.test(privateKey)) throw new TypeError('a secp256k1 private key is 32 bytes of 0x-hex');
    this.key = Buffer.from(privateKey.slice(2), 'hex');
    if (!isPrivate(this.key)) throw new TypeError('not a valid secp256k1 private key');
    this.address = computeAddress(privateKey);
  }

  sign(digest: Uint8Array): string {
    if (digest.length !== 32) throw new TypeError(`a digest is 32 bytes, got ${digest.length}`);
    const { signature, recoveryId } = signRecoverable(digest, this.key);
    // Ethereum's v carries only the parity of R.y; ids 2 and 3 (R.x ≥ n) have probability ~2⁻¹²⁷.
    if (recoveryId > 1) throw new Error('signature with an unencodable recovery id');
    return `0x${Buffer.from(signature).toString('hex')}${recoveryId === 0 ? '1b' : '1c'}`;
  }
}
