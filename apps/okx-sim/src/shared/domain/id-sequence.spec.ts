import { describe, expect, it } from 'vitest';
import { IdSequence } from './id-sequence';

describe('IdSequence', () => {
  it('orders ids by event time, then by creation, even when events are back-dated', () => {
    const ids = new IdSequence();
    const late = ids.next(1_700_000_000_000);
    const early = ids.next(1_600_000_000_000);
    const lateAgain = ids.next(1_700_000_000_000);
    expect(BigInt(early)).toBeLessThan(BigInt(late));
    expect(BigInt(late)).toBeLessThan(BigInt(lateAgain));
    expect(late).toMatch(/^\d{19}$/);
  });
});
