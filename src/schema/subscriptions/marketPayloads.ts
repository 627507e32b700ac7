// Public stream payloads mapped to their GraphQL shapes: named fields, ISO timestamps, frozen.
// Each mapper runs once per upstream message; the result is shared by every subscriber, and the GraphQL types in
// ./market.ts and ./orderBook.ts only expose its properties (no per-subscriber work beyond serialisation).
import type { BookLevel, BookTop } from '../../exchange/orderBook.ts';
import type { StreamPayload } from '../../exchange/stream.ts';
import type { StreamGap } from '../../streams/reconcile/types.ts';
import { Side } from '../../exchange/types/enums/trading.ts';
import type { KlineInterval } from '../../exchange/types/enums/markets.ts';
import type { OrderBook } from '../depth.ts';
import type { PublicTrade } from '../trade.ts';
import { multiplyDecimals } from '../validation/decimal.ts';
import { wireValue } from '../enums.ts';
import { decimal, flag, id, integer, levels, requiredText, text, timestamp } from './wire.ts';

export interface TickerUpdate {
  readonly symbol: string;
  readonly eventTime: string | null;
  readonly firstPrice: string | null;
  readonly lastPrice: string | null;
  readonly high: string | null;
  readonly low: string | null;
  readonly volume: string | null;
  readonly quoteVolume: string | null;
  readonly trades: number | null;
}

export interface BookTickerUpdate {
  readonly symbol: string;
  readonly eventTime: string | null;
  readonly engineTime: string | null;
  readonly bestBidPrice: string | null;
  readonly bestBidQuantity: string | null;
  readonly bestAskPrice: string | null;
  readonly bestAskQuantity: string | null;
  readonly updateId: string | null;
}

export interface DepthUpdate {
  /** Only on a gap notice. */
  readonly gap?: StreamGap;
  readonly symbol: string;
  readonly eventTime: string | null;
  readonly engineTime: string | null;
  readonly firstUpdateId: string;
  readonly lastUpdateId: string;
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
}

export interface KlineUpdate {
  readonly symbol: string;
  readonly interval: KlineInterval;
  readonly eventTime: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly open: string | null;
  readonly high: string | null;
  readonly low: string | null;
  readonly close: string | null;
  readonly volume: string | null;
  readonly trades: number | null;
  readonly closed: boolean;
}

export interface MarkPriceUpdate {
  readonly symbol: string;
  readonly eventTime: string | null;
  readonly engineTime: string | null;
  readonly markPrice: string | null;
  readonly indexPrice: string | null;
  readonly fundingRate: string | null;
  readonly nextFundingTime: string | null;
}

export interface LiquidationEvent {
  /** Only on a gap notice. */
  readonly gap?: StreamGap;
  readonly symbol: string;
  readonly eventTime: string | null;
  readonly engineTime: string | null;
  readonly side: Side | null;
  readonly price: string | null;
  readonly quantity: string | null;
}

export interface OpenInterestUpdate {
  readonly symbol: string;
  readonly eventTime: string | null;
  readonly openInterest: string | null;
}

const sideOf = (raw: string | null): Side | null => (raw === null ? null : (wireValue(Side, raw) as Side));

export function toTicker(d: StreamPayload): TickerUpdate {
  return Object.freeze({
    symbol: requiredText(d, 's'),
    eventTime: timestamp(d, 'E'),
    firstPrice: decimal(d, 'o'),
    lastPrice: decimal(d, 'c'),
    high: decimal(d, 'h'),
    low: decimal(d, 'l'),
    volume: decimal(d, 'v'),
    quoteVolume: decimal(d, 'V'),
    trades: integer(d, 'n'),
  });
}

export function toBookTicker(d: StreamPayload): BookTickerUpdate {
  return Object.freeze({
    symbol: requiredText(d, 's'),
    eventTime: timestamp(d, 'E'),
    engineTime: timestamp(d, 'T'),
    bestBidPrice: decimal(d, 'b'),
    bestBidQuantity: decimal(d, 'B'),
    bestAskPrice: decimal(d, 'a'),
    bestAskQuantity: decimal(d, 'A'),
    updateId: id(d, 'u'),
  });
}

/** Depth deltas without both update ids cannot be placed in the sequence: skipped. */
export function toDepthUpdate(d: StreamPayload): DepthUpdate | null {
  const first = id(d, 'U');
  const last = id(d, 'u');
  if (first === null || last === null) return null;
  return Object.freeze({
    symbol: requiredText(d, 's'),
    eventTime: timestamp(d, 'E'),
    engineTime: timestamp(d, 'T'),
    firstUpdateId: first,
    lastUpdateId: last,
    bids: levels(d, 'b'),
    asks: levels(d, 'a'),
  });
}

export function toTrade(d: StreamPayload): PublicTrade {
  const price = decimal(d, 'p');
  const quantity = decimal(d, 'q');
  return Object.freeze({
    symbol: requiredText(d, 's'),
    id: id(d, 't'),
    price,
    quantity,
    // The stream does not carry it; REST computes it the same way, so a tape reads alike from both.
    quoteQuantity: price !== null && quantity !== null ? quoteOf(price, quantity) : null,
    timestamp: timestamp(d, 'T'),
    isBuyerMaker: flag(d, 'm'),
    eventTime: timestamp(d, 'E'),
    buyerOrderId: id(d, 'b'),
    sellerOrderId: id(d, 'a'),
  });
}

/** price × quantity, or null when either is not a plain decimal (the decoder already kept it as text). */
function quoteOf(price: string, quantity: string): string | null {
  try {
    return multiplyDecimals(price, quantity);
  } catch {
    return null;
  }
}

/** The payload has no interval: it comes from the stream name `kline.<interval>.<symbol>`. */
export function toKline(d: StreamPayload, stream: string): KlineUpdate {
  // Unknown intervals pass through; the open enum serves them as UNKNOWN.
  const interval = (stream.split('.', 2)[1] ?? '') as KlineInterval;
  return Object.freeze({
    symbol: requiredText(d, 's'),
    interval,
    eventTime: timestamp(d, 'E'),
    start: timestamp(d, 't'),
    end: timestamp(d, 'T'),
    open: decimal(d, 'o'),
    high: decimal(d, 'h'),
    low: decimal(d, 'l'),
    close: decimal(d, 'c'),
    volume: decimal(d, 'v'),
    trades: integer(d, 'n'),
    closed: flag(d, 'X') ?? false,
  });
}

export function toMarkPrice(d: StreamPayload): MarkPriceUpdate {
  return Object.freeze({
    symbol: requiredText(d, 's'),
    eventTime: timestamp(d, 'E'),
    engineTime: timestamp(d, 'T'),
    markPrice: decimal(d, 'p'),
    indexPrice: decimal(d, 'i'),
    fundingRate: decimal(d, 'f'),
    nextFundingTime: timestamp(d, 'n'),
  });
}

export function toLiquidation(d: StreamPayload): LiquidationEvent {
  return Object.freeze({
    symbol: requiredText(d, 's'),
    eventTime: timestamp(d, 'E'),
    engineTime: timestamp(d, 'T'),
    side: sideOf(text(d, 'S')),
    price: decimal(d, 'p'),
    quantity: decimal(d, 'q'),
  });
}

export function toOpenInterest(d: StreamPayload): OpenInterestUpdate {
  return Object.freeze({ symbol: requiredText(d, 's'), eventTime: timestamp(d, 'E'), openInterest: decimal(d, 'o') });
}

/** The book's top is already best-first and frozen; only the symbol is added. */
export function toOrderBook(symbol: string, top: BookTop): OrderBook {
  return Object.freeze({ symbol, ...top });
}
