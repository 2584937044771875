import { randomBytes } from 'node:crypto';
import { keccak256, toUtf8Bytes } from 'ethers';
import { describe, expect, it } from 'vitest';
import { useWasmKeccak } from './wasm-keccak';

describe('useWasmKeccak', () => {
  it('gives the same digests as ethers’ own keccak-256, empty and large inputs included', async () => {
    const inputs = [new Uint8Array(0), toUtf8Bytes('abc'), randomBytes(135), randomBytes(136), randomBytes(15_000)];
    const before = inputs.map((input) => keccak256(input));
    await useWasmKeccak();
    await useWasmKeccak();
    expect(inputs.map((input) => keccak256(input))).toEqual(before);
    expect(keccak256('0x')).toBe('0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(keccak256(toUtf8Bytes('abc'))).toBe('0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
  });
});
