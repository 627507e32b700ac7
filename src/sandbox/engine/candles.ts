// Candle buckets for every KlineInterval (UTC-aligned) and a 1-minute candle series that larger intervals roll up from.
import type { KlineInterval } from '../../exchange/types/enums.ts';
import type { Decimal } from './decimal.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.ts';

export interface Candle {
  readonly start: number;
  open: Decimal;
  high: Decimal;
  low: Decimal;
  close: Decimal;
  volume: Decimal;
  quoteVolume: Decimal;
  trades: number;
}

const FIXED_MS: Partial<Record<KlineInterval, number>> = {
  '1m': MINUTE_MS,
  '3m': 3 * MINUTE_MS,
  '5m': 5 * MINUTE_MS,
  '15m': 15 * MINUTE_MS,
  '30m': 30 * MINUTE_MS,
  '1h': HOUR_MS,
  '2h': 2 * HOUR_MS,
  '4h': 4 * HOUR_MS,
  '6h': 6 * HOUR_MS,
  '8h': 8 * HOUR_MS,
  '12h': 12 * HOUR_MS,
  '1d': DAY_MS,
  '3d': 3 * DAY_MS,
};

/** 1970-01-01 was a Thursday; weeks start on Monday (4 days later). */
const WEEK_OFFSET_MS = 4 * DAY_MS;

/** Start (ms) of the bucket of `interval` containing `ms`. */
export function bucketStart(interval: KlineInterval, ms: number): number {
  const fixed = FIXED_MS[interval];
  if (fixed !== undefined) return Math.floor(ms / fixed) * fixed;
  if (interval === '1w') return Math.floor((ms - WEEK_OFFSET_MS) / (7 * DAY_MS)) * 7 * DAY_MS + WEEK_OFFSET_MS;
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** End (ms, exclusive) of the bucket starting at `start`. */
export function bucketEnd(interval: KlineInterval, start: number): number {
  const fixed = FIXED_MS[interval];
  if (fixed !== undefined) return start + fixed;
  if (interval === '1w') return start + 7 * DAY_MS;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

export function newCandle(start: number, price: Decimal): Candle {
  return { start, open: price, high: price, low: price, close: price, volume: 0n, quoteVolume: 0n, trades: 0 };
}

/** Folds one observation into a candle: a trade (quantity/quote/count) or a price sample (zeros). */
export function applyToCandle(candle: Candle, price: Decimal, quantity: Decimal, quote: Decimal, trades: number): void {
  if (price > candle.high) candle.high = price;
  if (price < candle.low) candle.low = price;
  candle.close = price;
  candle.volume += quantity;
  candle.quoteVolume += quote;
  candle.trades += trades;
}

/** Append-mostly 1-minute candles, ordered by start. */
export class MinuteSeries {
  private readonly starts: number[] = [];
  private readonly candles: Candle[] = [];

  record(ms: number, price: Decimal, quantity: Decimal, quote: Decimal, trades: number): void {
    const start = bucketStart('1m', ms);
    const index = this.lowerBound(start);
    const existing = this.candles[index];
    if (existing !== undefined && existing.start === start) {
      applyToCandle(existing, price, quantity, quote, trades);
      return;
    }
    const candle = newCandle(start, price);
    applyToCandle(candle, price, quantity, quote, trades);
    this.starts.splice(index, 0, start);
    this.candles.splice(index, 0, candle);
  }

  /** Candles with `from <= start < to`, oldest first. */
  range(from: number, to: number): Candle[] {
    return this.candles.slice(this.lowerBound(from), this.lowerBound(to));
  }

  /** Rolls the minutes in [from, to) up into buckets of `interval`, oldest first (buckets without data omitted). */
  rollUp(interval: KlineInterval, from: number, to: number): Candle[] {
    const result: Candle[] = [];
    let current: Candle | null = null;
    for (const minute of this.range(from, to)) {
      const start = bucketStart(interval, minute.start);
      if (current === null || current.start !== start) {
        current = newCandle(start, minute.open);
        result.push(current);
      }
      if (minute.high > current.high) current.high = minute.high;
      if (minute.low < current.low) current.low = minute.low;
      current.close = minute.close;
      current.volume += minute.volume;
      current.quoteVolume += minute.quoteVolume;
      current.trades += minute.trades;
    }
    return result;
  }

  private lowerBound(start: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.starts[mid] as number) < start) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
