/** One AES-256 key of the ring, named so every ciphertext says which key sealed it. */
export interface EncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

/** The configured keys: `active` seals new ciphertexts, every key in `byId` still opens old ones. */
export interface KeyRing {
  readonly active: EncryptionKey;
  readonly byId: ReadonlyMap<string, EncryptionKey>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Parses `keyId:base64,keyId:base64,…` (the first one active). Problems name the entry, never
 * the key material. Throws an Error whose message is fit for a ConfigError.
 */
export function parseKeyRing(value: string): KeyRing {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new Error('must list at least one keyId:base64key');
  const byId = new Map<string, EncryptionKey>();
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    const material = colon < 0 ? '' : entry.slice(colon + 1);
    const where = `entry ${index + 1}${KEY_ID.test(id) ? ` ("${id}")` : ''}`;
    if (!KEY_ID.test(id)) throw new Error(`${where} must be keyId:base64key, keyId being 1-32 of A-Z a-z 0-9 _ -`);
    if (byId.has(id)) throw new Error(`${where}: key id "${id}" appears twice`);
    const key = BASE64.test(material) && material.length % 4 === 0 ? Buffer.from(material, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) throw new Error(`${where}: the key must be 32 bytes, base64-encoded (e.g. openssl rand -base64 32)`);
    byId.set(id, { id, key });
  });
  return { active: byId.values().next().value!, byId };
}
