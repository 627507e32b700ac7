import { describe, expect, it } from 'vitest';
import { Doorkeeper } from '../../src/execution/doorkeeper.ts';

const key = (i: number): string => `POST /graphql\n{"query":"{ n }","variables":{"i":${i}}}`;

describe('Doorkeeper', () => {
  it('says no to a first sighting and yes to the second', () => {
    const doorkeeper = new Doorkeeper(100);
    expect(doorkeeper.seenBefore(key(1))).toBe(false);
    expect(doorkeeper.seenBefore(key(1))).toBe(true);
    expect(doorkeeper.seenBefore(key(2))).toBe(false);
  });

  it('starts afresh after `capacity` new keys', () => {
    const doorkeeper = new Doorkeeper(10);
    for (let i = 0; i < 10; i++) expect(doorkeeper.seenBefore(key(i))).toBe(false);
    expect(doorkeeper.seenBefore(key(0))).toBe(true);
    expect(doorkeeper.seenBefore(key(10))).toBe(false); // the eleventh new key: the filter is cleared first
    expect(doorkeeper.seenBefore(key(0))).toBe(false);
    expect(doorkeeper.seenBefore(key(10))).toBe(true);
  });

  it('takes few new keys for seen ones, up to its capacity', () => {
    const doorkeeper = new Doorkeeper(4_000);
    let falsePositives = 0;
    for (let i = 0; i < 4_000; i++) if (doorkeeper.seenBefore(key(i))) falsePositives += 1;
    // About 0.5 % at capacity with 16 bits per key and three probes, less on the way there.
    expect(falsePositives).toBeLessThan(40);
  });
});
