/**
 * EIP-712 encodes each static field of a struct as one 32-byte word. These give that word,
 * refusing a value that does not fit its type (named by `field` in the error) rather than
 * signing something else — for the fixed-layout struct hashes of the hot paths (quotes, the
 * evidence seal), which are tested against ethers' generic encoder.
 */
export const WORD = 32;

export function bytes32Word(value: string, field: string): Buffer {
  if (!/^0x[0-9a-fA-F]{64}$/.test(value)) throw new RangeError(`${field} must be 32 bytes of 0x-hex (got ${value})`);
  return Buffer.from(value.slice(2), 'hex');
}

/** A uintN, big-endian in one word. */
export function uintWord(value: bigint, bits: number, field: string): Buffer {
  if (value < 0n || value >= 1n << BigInt(bits)) throw new RangeError(`${field} does not fit a uint${bits} (got ${value})`);
  return Buffer.from(value.toString(16).padStart(2 * WORD, '0'), 'hex');
}
