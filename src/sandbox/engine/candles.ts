// Candle buckets for every KlineInterval (UTC-aligned) and the candle series (1-second, 1-minute) intervals roll up from.
import type { KlineInterval } from '../../exchange/types/enums/markets.ts';
import type { Decimal } from './decimal.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './time.ts';

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
  '1s': SECOND_MS,
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

/** Append-mostly candles of one resolution, ordered by start; beyond `maxCandles` the oldest are dropped. */
export class CandleSeries {
  private readonly starts: number[] = [];
  private readonly candles: Candle[] = [];

  constructor(
    private readonly resolution: '1s' | '1m',
    private readonly maxCandles = Number.POSITIVE_INFINITY,
  ) {}

  record(ms: number, price: Decimal, quantity: Decimal, quote: Decimal, trades: number): void {
    const start = bucketStart(this.resolution, ms);
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
    const excess = this.candles.length - this.maxCandles;
    if (excess > 0) {
      this.starts.splice(0, excess);
      this.candles.splice(0, excess);
    }
  }

  /** Candles with `from <= start < to`, oldest first. */
  range(from: number, to: number): Candle[] {
    return this.candles.slice(this.lowerBound(from), this.lowerBound(to));
  }

  /** Rolls the candles in [from, to) up into buckets of `interval`, oldest first (buckets without data omitted). */
  rollUp(interval: KlineInterval, from: number, to: number): Candle[] {
    const result: Candle[] = [];
    let current: Candle | null = null;
    for (const part of this.range(from, to)) {
      const start = bucketStart(interval, part.start);
      if (current === null || current.start !== start) {
        current = newCandle(start, part.open);
        result.push(current);
      }
      if (part.high > current.high) current.high = part.high;
      if (part.low < current.low) current.low = part.low;
      current.close = part.close;
      current.volume += part.volume;
      current.quoteVolume += part.quoteVolume;
      current.trades += part.trades;
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

/** Second candles kept per series (6 hours): enough for charts of the recent past without growing forever. */
const SECONDS_KEPT = 6 * 3600;

/** One price's candle history: 1-second candles (recent, for `1s`) and 1-minute candles (everything larger). */
export class PriceHistory {
  readonly seconds = new CandleSeries('1s', SECONDS_KEPT);
  readonly minutes = new CandleSeries('1m');

  record(ms: number, price: Decimal, quantity: Decimal, quote: Decimal, trades: number): void {
    this.seconds.record(ms, price, quantity, quote, trades);
    this.minutes.record(ms, price, quantity, quote, trades);
  }

  /** The series `interval` rolls up from. */
  seriesFor(interval: KlineInterval): CandleSeries {
    return interval === '1s' ? this.seconds : this.minutes;
  }
}
