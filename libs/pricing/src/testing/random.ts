/**
 * A small seeded random source (mulberry32) and a property runner: property tests and the
 * calibration bench replay exactly from their seed, with no test-only dependency.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
}

/**
 * Runs `property` on `runs` cases drawn from `generate`; on failure throws with the seed and
 * the case, so the failure replays.
 */
export function forAll<T>(generate: (random: SeededRandom) => T, property: (value: T) => void, { runs = 500, seed = 20_261_127 } = {}): void {
  const random = new SeededRandom(seed);
  for (let run = 0; run < runs; run += 1) {
    const value = generate(random);
    try {
      property(value);
    } catch (error) {
      const shown = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
      throw new Error(`property failed on run ${run} (seed ${seed}) for ${shown}: ${(error as Error).message}`, { cause: error });
    }
  }
}
