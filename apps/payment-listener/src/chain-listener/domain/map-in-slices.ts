/**
 * Maps a long list a slice at a time, letting the event loop run between slices: decoding tens of
 * thousands of logs at once would hold up the listener's ticks, lease renewals and the relay.
 */
export async function mapInSlices<T, U>(items: readonly T[], map: (item: T) => U, sliceSize = 500): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += sliceSize) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const item of items.slice(i, i + sliceSize)) out.push(map(item));
  }
  return out;
}
