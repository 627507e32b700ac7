import { describe, expect, it } from 'vitest';
import { KlineInterval } from '../../src/exchange/types/enums/markets.ts';
import { bucketEnd, bucketStart } from '../../src/sandbox/engine/candles.ts';

describe('kline buckets', () => {
  const at = Date.UTC(2026, 1, 18, 17, 34, 56, 789); // Wednesday 2026-02-18

  it('aligns every interval in UTC (weeks on Monday, months on the 1st)', () => {
    const iso = (ms: number): string => new Date(ms).toISOString();
    expect(iso(bucketStart('1s', at))).toBe('2026-02-18T17:34:56.000Z');
    expect(iso(bucketStart('1m', at))).toBe('2026-02-18T17:34:00.000Z');
    expect(iso(bucketStart('15m', at))).toBe('2026-02-18T17:30:00.000Z');
    expect(iso(bucketStart('4h', at))).toBe('2026-02-18T16:00:00.000Z');
    expect(iso(bucketStart('1d', at))).toBe('2026-02-18T00:00:00.000Z');
    expect(iso(bucketStart('1w', at))).toBe('2026-02-16T00:00:00.000Z');
    expect(iso(bucketEnd('1w', bucketStart('1w', at)))).toBe('2026-02-23T00:00:00.000Z');
    expect(iso(bucketStart('1month', at))).toBe('2026-02-01T00:00:00.000Z');
    expect(iso(bucketEnd('1month', bucketStart('1month', at)))).toBe('2026-03-01T00:00:00.000Z');
  });

  it('gives every interval a bucket that contains the instant', () => {
    for (const interval of KlineInterval) {
      const start = bucketStart(interval, at);
      expect(start).toBeLessThanOrEqual(at);
      expect(bucketEnd(interval, start)).toBeGreaterThan(at);
      expect(bucketStart(interval, start)).toBe(start);
    }
  });
});
