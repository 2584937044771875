import { describe, expect, it } from 'vitest';
import { internalKeyMatches } from './internal-key';

describe('internalKeyMatches', () => {
  const key = 'local-dev-internal-key-change-me';
  it('accepts exactly the configured key', () => {
    expect(internalKeyMatches(key, key)).toBe(true);
  });
  it.each([[undefined], [''], ['local-dev-internal-key-change-mE'], [`${key} `], [key.slice(0, -1)], ['x'.repeat(10_000)]])('refuses %j', (presented) => {
    expect(internalKeyMatches(presented, key)).toBe(false);
  });
});
