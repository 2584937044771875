import { keccak256 } from './keccak256';

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * True for a 0x address that is either all lower case or a correct EIP-55 checksum. Upper-case
 * or mixed-case strings with a wrong checksum are refused: they are almost always a typo.
 */
export function isWalletAddress(value: string): boolean {
  if (!HEX_ADDRESS.test(value)) return false;
  const body = value.slice(2);
  if (body === body.toLowerCase()) return true;
  return toChecksumAddress(value) === value;
}

/** The EIP-55 form of a 0x-40-hex address (input case is ignored). */
export function toChecksumAddress(value: string): string {
  if (!HEX_ADDRESS.test(value)) throw new Error(`not a 0x-40-hex address: ${value}`);
  const body = value.slice(2).toLowerCase();
  const hash = keccak256(new TextEncoder().encode(body));
  let out = '0x';
  for (let i = 0; i < body.length; i++) {
    const nibble = (hash[i >> 1] >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    out += nibble >= 8 ? body[i].toUpperCase() : body[i];
  }
  return out;
}
