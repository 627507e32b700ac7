import { describe, expect, it } from 'vitest';
import { ClockSync } from '../../src/exchange/clock.ts';
import { backoffDelay, parseRetryAfter } from '../../src/exchange/retry.ts';

describe('ClockSync', () => {
  it('measures the offset against the midpoint of the /time round trip', async () => {
    let now = 1_000_000;
    const clock = new ClockSync({
      now: () => now,
      fetchServerTime: async () => {
        now += 100; // 100 ms round trip; the server read its clock half-way
        return 1_000_050 + 30_000;
      },
    });
    expect(await clock.timestamp()).toBe(now + 30_000);
    expect(clock.offset).toBe(30_000);
  });

  it('syncs lazily, once for concurrent callers, and again after five minutes', async () => {
    let now = 0;
    let calls = 0;
    const clock = new ClockSync({ now: () => now, fetchServerTime: async () => (calls++, now + 500) });
    expect(calls).toBe(0);
    await Promise.all([clock.timestamp(), clock.timestamp(), clock.timestamp()]);
    expect(calls).toBe(1);
    now += 299_999;
    await clock.timestamp();
    expect(calls).toBe(1);
    now += 1;
    await clock.timestamp();
    expect(calls).toBe(2);
    clock.invalidate();
    await clock.timestamp();
    expect(calls).toBe(3);
  });

  it('keeps signing with the last offset when /time fails, and retries later', async () => {
    let now = 0;
    let fail = false;
    const clock = new ClockSync({
      now: () => now,
      fetchServerTime: async () => {
        if (fail) throw new Error('down');
        return now + 2_000;
      },
    });
    await clock.timestamp();
    fail = true;
    now += 300_000;
    expect(await clock.timestamp()).toBe(now + 2_000);
  });
});

describe('retry timing', () => {
  it('uses full jitter under an exponential ceiling capped at 5 s', () => {
    const options = { baseMs: 200, capMs: 5_000 };
    expect(backoffDelay(0, { ...options, random: () => 0.999 })).toBe(199);
    expect(backoffDelay(3, { ...options, random: () => 0.5 })).toBe(800);
    expect(backoffDelay(10, { ...options, random: () => 0.5 })).toBe(2_500);
    expect(backoffDelay(2, { ...options, random: () => 0 })).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
