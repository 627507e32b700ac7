// Wire shapes of public market data (/ticker, /depth, /klines, /markPrices, /openInterest, /fundingRates, /trades).
import type {
  Decimal,
  EpochMicros,
  EpochMillis,
  EpochSeconds,
  MarketSymbol,
  NaiveDateTime,
  PageParams,
} from './common.ts';
import type {
  DepthLimit,
  KlineInterval,
  KlinePriceType,
  MarketType,
  TickerInterval,
  TickerSource,
} from './enums/markets.ts';

export interface Ticker {
  symbol: MarketSymbol;
  firstPrice: Decimal;
  lastPrice: Decimal;
  priceChange: Decimal;
  /** A fraction: `"-0.029032"` = −2.9 %. */
  priceChangePercent: Decimal;
  high: Decimal;
  low: Decimal;
  volume: Decimal;
  quoteVolume: Decimal;
  /** Trade count as a string. */
  trades: string;
}

/** `[price, quantity]`. */
export type DepthLevel = [Decimal, Decimal];

export interface Depth {
  /** Ascending: best ask first. */
  asks: DepthLevel[];
  /** Ascending: best bid last. */
  bids: DepthLevel[];
  /** An integer as a string. */
  lastUpdateId: string;
  timestamp: EpochMicros;
}

export interface Kline {
  /** `"2026-09-01 17:34:00"` (UTC, space separator). */
  start: string;
  end: string;
  /** null for an interval without trades. */
  open?: Decimal | null;
  high?: Decimal | null;
  low?: Decimal | null;
  close?: Decimal | null;
  volume: Decimal;
  quoteVolume: Decimal;
  trades: string;
}

export interface MarkPrice {
  symbol: MarketSymbol;
  markPrice: Decimal;
  indexPrice?: Decimal | null;
  fundingRate?: Decimal | null;
  nextFundingTimestamp?: EpochMillis | null;
}

export interface OpenInterest {
  symbol: MarketSymbol;
  openInterest?: Decimal | null;
  timestamp: EpochMillis;
}

export interface FundingIntervalRate {
  symbol: MarketSymbol;
  intervalEndTimestamp: NaiveDateTime;
  fundingRate: Decimal;
}

export interface Trade {
  id?: number | null;
  price: Decimal;
  quantity: Decimal;
  quoteQuantity: Decimal;
  timestamp: EpochMillis;
  isBuyerMaker: boolean;
}

export interface GetTickerParams {
  symbol: MarketSymbol;
  interval?: TickerInterval;
  source?: TickerSource;
}

export interface GetTickersParams {
  interval?: TickerInterval;
  source?: TickerSource;
}

export interface GetDepthParams {
  symbol: MarketSymbol;
  limit?: DepthLimit;
}

export interface GetKlinesParams {
  symbol: MarketSymbol;
  interval: KlineInterval;
  startTime: EpochSeconds;
  endTime?: EpochSeconds;
  priceType?: KlinePriceType;
  source?: TickerSource;
}

export interface GetMarkPricesParams {
  symbol?: MarketSymbol;
  marketType?: MarketType;
}

export interface GetOpenInterestParams {
  symbol?: MarketSymbol;
}

export interface GetFundingIntervalRatesParams extends PageParams {
  symbol: MarketSymbol;
}

export interface GetRecentTradesParams {
  symbol: MarketSymbol;
  limit?: number;
}

export interface GetHistoricalTradesParams extends PageParams {
  symbol: MarketSymbol;
}
