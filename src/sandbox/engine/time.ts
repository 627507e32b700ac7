// Time encodings the trading core emits (µs and ms epochs, naive UTC strings) and a µs clock that never goes back.

/** The sandbox clock plus strictly increasing µs stamps for WS `E`/`T` and REST depth `timestamp`. */
export interface EngineClock {
  /** Epoch ms. */
  now(): number;
  /** Epoch µs, strictly increasing across calls (several events can share one ms). */
  micros(): number;
}

export function createClock(now: () => number): EngineClock {
  let last = 0;
  return {
    now,
    micros() {
      last = Math.max(last + 1, Math.floor(now()) * 1000);
      return last;
    },
  };
}

/** `2025-07-27T17:39:00.092`: naive UTC, ms precision (fills, order history, funding). */
export function naiveMillis(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}

/** `2025-07-22T00:00:00`: naive UTC, second precision (funding interval ends, WS kline t/T). */
export function naiveSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** `2026-09-01 17:34:00`: REST kline `start`/`end`. */
export function klineTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export const SECOND_MS = 1000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
