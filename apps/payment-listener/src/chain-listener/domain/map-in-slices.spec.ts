import { describe, expect, it } from 'vitest';
import { mapInSlices } from './map-in-slices';

describe('mapInSlices', () => {
  it('maps every item in order', async () => {
    expect(await mapInSlices([1, 2, 3, 4, 5], (n) => n * 10, 2)).toEqual([10, 20, 30, 40, 50]);
    expect(await mapInSlices([], (n: number) => n)).toEqual([]);
  });

  it('lets other work run between slices', async () => {
    const seen: string[] = [];
    const timer = new Promise<void>((resolve) => setImmediate(() => (seen.push('other work'), resolve())));
    await mapInSlices([1, 2, 3, 4], (n) => seen.push(`item ${n}`), 2);
    await timer;
    expect(seen.indexOf('other work')).toBeGreaterThan(seen.indexOf('item 2'));
    expect(seen.indexOf('other work')).toBeLessThan(seen.indexOf('item 4'));
  });
});
