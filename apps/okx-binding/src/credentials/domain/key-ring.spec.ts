import { describe, expect, it } from 'vitest';
import { parseKeyRing } from './key-ring';

const K1 = Buffer.alloc(32, 1).toString('base64');
const K2 = Buffer.alloc(32, 2).toString('base64');

describe('parseKeyRing', () => {
  it('makes the first key active and keeps every key for decryption', () => {
    const ring = parseKeyRing(`k2:${K2}, k1:${K1}`);
    expect(ring.active.id).toBe('k2');
    expect(ring.active.key).toEqual(Buffer.alloc(32, 2));
    expect([...ring.byId.keys()]).toEqual(['k2', 'k1']);
  });

  it.each([
    ['', /at least one/],
    [K1, /keyId:base64key/],
    [`bad id:${K1}`, /keyId:base64key/],
    [`k1:${Buffer.alloc(16).toString('base64')}`, /32 bytes/],
    ['k1:not*base64', /32 bytes/],
    [`k1:${K1},k1:${K2}`, /appears twice/],
  ])('refuses %j', (value, problem) => {
    expect(() => parseKeyRing(value)).toThrow(problem);
  });

  it('never echoes key material in its complaints', () => {
    const short = Buffer.alloc(31, 7).toString('base64');
    try {
      parseKeyRing(`k1:${short}`);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
  });
});
