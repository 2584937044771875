import { describe, expect, it } from 'vitest';
import { parseKeyRing } from '../domain/key-ring';
import { CredentialsCipher, UnknownEncryptionKeyError } from './credentials-cipher';

const K1 = Buffer.alloc(32, 1).toString('base64');
const K2 = Buffer.alloc(32, 2).toString('base64');
const SECRET = '{"secretKey":"S3CR3T","passphrase":"pass"}';

describe('CredentialsCipher', () => {
  it('round-trips with the active key and never stores the plaintext', () => {
    const cipher = new CredentialsCipher(parseKeyRing(`k1:${K1}`));
    const sealed = cipher.seal(SECRET, 'row-1');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext).toMatch(/^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
    expect(sealed.ciphertext).not.toContain('S3CR3T');
    expect(cipher.open(sealed, 'row-1')).toBe(SECRET);
  });

  it('uses a fresh IV every time', () => {
    const cipher = new CredentialsCipher(parseKeyRing(`k1:${K1}`));
    expect(cipher.seal(SECRET, 'a').ciphertext).not.toBe(cipher.seal(SECRET, 'a').ciphertext);
  });

  it('refuses a ciphertext moved to another row (AAD) or tampered with', () => {
    const cipher = new CredentialsCipher(parseKeyRing(`k1:${K1}`));
    const sealed = cipher.seal(SECRET, 'row-1');
    expect(() => cipher.open(sealed, 'row-2')).toThrow();
    const [v, iv, body, tag] = sealed.ciphertext.split('.');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.open({ ...sealed, ciphertext: [v, iv, flipped.toString('base64'), tag].join('.') }, 'row-1')).toThrow();
  });

  it('opens old ciphertexts after rotation and seals new ones with the new key', () => {
    const before = new CredentialsCipher(parseKeyRing(`k1:${K1}`));
    const old = before.seal(SECRET, 'row-1');
    const after = new CredentialsCipher(parseKeyRing(`k2:${K2},k1:${K1}`));
    expect(after.needsRotation(old)).toBe(true);
    expect(after.open(old, 'row-1')).toBe(SECRET);
    const fresh = after.seal(SECRET, 'row-1');
    expect(fresh.keyId).toBe('k2');
    expect(after.needsRotation(fresh)).toBe(false);
  });

  it('names a key id that is no longer configured', () => {
    const old = new CredentialsCipher(parseKeyRing(`k1:${K1}`)).seal(SECRET, 'row-1');
    const without = new CredentialsCipher(parseKeyRing(`k2:${K2}`));
    expect(() => without.open(old, 'row-1')).toThrow(UnknownEncryptionKeyError);
  });
});
