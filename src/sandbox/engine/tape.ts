// A market's public trade tape: sequential trades, 1s and 1m candles (last/mark/index), live klines and rolling tickers.
import { KlineInterval } from '../../exchange/types/enums/markets.ts';
import type { KlinePriceType } from '../../exchange/types/enums/markets.ts';
import type { Kline, Ticker, Trade } from '../../exchange/types/marketData.ts';
import { bucketEnd, bucketStart, PriceHistory, newCandle, applyToCandle } from './candles.ts';
import type { Candle } from './candles.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import { klineTime, naiveSeconds } from './time.ts';

export interface TradeRecord {
  readonly id: number;
  readonly price: Decimal;
  readonly quantity: Decimal;
  readonly quote: Decimal;
  readonly timestamp: number;
  readonly isBuyerMaker: boolean;
  readonly buyerOrderId: string;
  readonly sellerOrderId: string;
}

/** A live candle change for `kline.<interval>.<symbol>`; `closed` = the bucket ended (`X: true`). */
export interface KlineUpdate {
  readonly interval: KlineInterval;
  readonly candle: Candle;
  readonly closed: boolean;
}

const MAX_TRADES = 100_000;
const MAX_KLINES = 1000;

export class TradeTape {
  private readonly trades: TradeRecord[] = [];
  private nextId: number;
  readonly last = new PriceHistory();
  readonly mark = new PriceHistory();
  readonly index = new PriceHistory();
  private readonly live = new Map<KlineInterval, Candle>();
  lastPrice: Decimal | null = null;

  constructor(firstTradeId = 1) {
    this.nextId = firstTradeId;
  }

  /** Appends a trade (ids sequential per market) and returns the live kline updates it causes. */
  record(entry: Omit<TradeRecord, 'id'>): { trade: TradeRecord; klines: KlineUpdate[] } {
    const trade: TradeRecord = { id: this.nextId, ...entry };
    this.nextId += 1;
    this.trades.push(trade);
    if (this.trades.length > MAX_TRADES) this.trades.splice(0, this.trades.length - MAX_TRADES);
    this.lastPrice = trade.price;
    this.last.record(trade.timestamp, trade.price, trade.quantity, trade.quote, 1);
    const klines: KlineUpdate[] = [];
    for (const interval of KlineInterval) {
      const start = bucketStart(interval, trade.timestamp);
      let candle = this.live.get(interval);
      if (candle !== undefined && candle.start !== start) {
        klines.push({ interval, candle, closed: true });
        candle = undefined;
      }
      candle ??= newCandle(start, trade.price);
      applyToCandle(candle, trade.price, trade.quantity, trade.quote, 1);
      this.live.set(interval, candle);
      klines.push({ interval, candle, closed: false });
    }
    return { trade, klines };
  }

  /** Live candles whose bucket has ended by `now`: published once with `X: true`, then dropped. */
  closeDue(now: number): KlineUpdate[] {
    const closed: KlineUpdate[] = [];
    for (const [interval, candle] of this.live) {
      if (bucketEnd(interval, candle.start) <= now) {
        closed.push({ interval, candle, closed: true });
        this.live.delete(interval);
      }
    }
    return closed;
  }

  /** Newest first (`/trades`). */
  recent(limit: number): TradeRecord[] {
    return this.trades.slice(-limit).reverse();
  }

  /** Newest first, skipping `offset` (`/trades/history`). */
  history(limit: number, offset: number): TradeRecord[] {
    const end = Math.max(0, this.trades.length - offset);
    return this.trades.slice(Math.max(0, end - limit), end).reverse();
  }

  tradeCount(): number {
    return this.trades.length;
  }

  /** Rolling ticker over `windowMs` ending at `now` (minute resolution); null if the market never traded. */
  ticker(symbol: string, now: number, windowMs: number): Ticker | null {
    if (this.lastPrice === null) return null;
    const minutes = this.last.minutes.range(bucketStart('1m', now - windowMs), now + 1);
    const lastPrice = this.lastPrice;
    const first = minutes[0]?.open ?? lastPrice;
    let high = minutes[0]?.high ?? lastPrice;
    let low = minutes[0]?.low ?? lastPrice;
    let volume = 0n;
    let quoteVolume = 0n;
    let trades = 0;
    for (const minute of minutes) {
      if (minute.high > high) high = minute.high;
      if (minute.low < low) low = minute.low;
      volume += minute.volume;
      quoteVolume += minute.quoteVolume;
      trades += minute.trades;
    }
    const change = lastPrice - first;
    return {
      symbol,
      firstPrice: D.toString(first),
      lastPrice: D.toString(lastPrice),
      priceChange: D.toString(change),
      priceChangePercent: D.toString(first === 0n ? 0n : D.round(D.div(change, first, 'halfEven'), 6, 'halfEven')),
      high: D.toString(high),
      low: D.toString(low),
      volume: D.toString(volume),
      quoteVolume: D.toString(quoteVolume),
      trades: String(trades),
    };
  }

  /**
   * REST klines for [startMs, endMs]: contiguous buckets from the first one with data up to the one containing
   * `endMs`, empty buckets with null prices (at most 1000, oldest first).
   */
  klines(interval: KlineInterval, priceType: KlinePriceType, startMs: number, endMs: number): Kline[] {
    const series = priceType === 'Mark' ? this.mark : priceType === 'Index' ? this.index : this.last;
    const from = bucketStart(interval, startMs);
    const filled = series.seriesFor(interval).rollUp(interval, from, endMs + 1);
    const first = filled[0];
    if (first === undefined) return [];
    const byStart = new Map(filled.map((candle) => [candle.start, candle]));
    const result: Kline[] = [];
    for (let start = first.start; start <= endMs && result.length < MAX_KLINES; start = bucketEnd(interval, start)) {
      const end = bucketEnd(interval, start);
      const candle = byStart.get(start);
      result.push({
        start: klineTime(start),
        end: klineTime(end),
        open: candle === undefined ? null : D.toString(candle.open),
        high: candle === undefined ? null : D.toString(candle.high),
        low: candle === undefined ? null : D.toString(candle.low),
        close: candle === undefined ? null : D.toString(candle.close),
        volume: D.toString(candle?.volume ?? 0n),
        quoteVolume: D.toString(candle?.quoteVolume ?? 0n),
        trades: String(candle?.trades ?? 0),
      });
    }
    return result;
  }
}

export function tradeWire(trade: TradeRecord): Trade {
  return {
    id: trade.id,
    price: D.toString(trade.price),
    quantity: D.toString(trade.quantity),
    quoteQuantity: D.toString(trade.quote),
    timestamp: trade.timestamp,
    isBuyerMaker: trade.isBuyerMaker,
  };
}

/** `kline.<interval>.<symbol>` payload: naive ISO `t`/`T`, int `n`, `X` closed flag. */
export function klineEventWire(symbol: string, update: KlineUpdate, eventTime: number): Record<string, unknown> {
  const { candle } = update;
  return {
    e: 'kline',
    E: eventTime,
    s: symbol,
    t: naiveSeconds(candle.start),
    T: naiveSeconds(bucketEnd(update.interval, candle.start)),
    o: D.toString(candle.open),
    h: D.toString(candle.high),
    l: D.toString(candle.low),
    c: D.toString(candle.close),
    v: D.toString(candle.volume),
    n: candle.trades,
    X: update.closed,
  };
}
