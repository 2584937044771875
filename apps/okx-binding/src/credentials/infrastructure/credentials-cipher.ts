import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyRing } from '../domain/key-ring';

/** A ciphertext and the id of the key that sealed it (stored side by side). */
export interface SealedSecret {
  readonly keyId: string;
  /** `v1.<iv>.<ciphertext>.<tag>`, each part base64. */
  readonly ciphertext: string;
}

/** The key id a row names is not in the configured ring: rotation went too far, or config is wrong. */
export class UnknownEncryptionKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`no configured encryption key has id "${keyId}" (OKX_ENCRYPTION_KEYS)`);
    this.name = 'UnknownEncryptionKeyError';
  }
}

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * AES-256-GCM with a random 96-bit IV per ciphertext and additional authenticated data that
 * ties a ciphertext to its row, so a sealed secret copied onto another row does not open.
 */
export class CredentialsCipher {
  constructor(private readonly ring: KeyRing) {}

  get activeKeyId(): string {
    return this.ring.active.id;
  }

  seal(plaintext: string, aad: string): SealedSecret {
    const { id, key } = this.ring.active;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return { keyId: id, ciphertext: [VERSION, iv.toString('base64'), body.toString('base64'), tag.toString('base64')].join('.') };
  }

  open(sealed: SealedSecret, aad: string): string {
    const key = this.ring.byId.get(sealed.keyId);
    if (!key) throw new UnknownEncryptionKeyError(sealed.keyId);
    const [version, iv, body, tag] = sealed.ciphertext.split('.');
    if (version !== VERSION || iv === undefined || body === undefined || tag === undefined) throw new Error('not a v1 sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** True when the ciphertext was sealed with another key than the active one. */
  needsRotation(sealed: SealedSecret): boolean {
    return sealed.keyId !== this.ring.active.id;
  }
}
