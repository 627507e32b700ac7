// Wire shapes of markets and trading calendars (/markets, /market, /securities, /market-sessions, /market-holidays).
import type { MarginFunction } from './assets.ts';
import type { AssetSymbol, Decimal, EpochMillis, MarketSymbol, NaiveDateTime } from './common.ts';
import type { MarketType, OrderBookState, RwaMarketType } from './enums/markets.ts';

export interface MultiplierBand {
  maxMultiplier: Decimal;
  minMultiplier: Decimal;
}

export interface MeanPremiumBand {
  tolerancePct: Decimal;
  indexPrice?: Decimal | null;
  maxPremiumPct?: Decimal | null;
  minPremiumPct?: Decimal | null;
}

export interface PriceFilter {
  minPrice: Decimal;
  maxPrice?: Decimal | null;
  tickSize: Decimal;
  maxMultiplier?: Decimal | null;
  minMultiplier?: Decimal | null;
  maxImpactMultiplier?: Decimal | null;
  minImpactMultiplier?: Decimal | null;
  meanMarkPriceBand?: MultiplierBand | null;
  meanPremiumBand?: MeanPremiumBand | null;
  discoveryBoundBand?: MultiplierBand | null;
  borrowEntryFeeMaxMultiplier?: Decimal | null;
  borrowEntryFeeMinMultiplier?: Decimal | null;
  maxPriceUpdateMultiplier?: Decimal | null;
  minPriceUpdateMultiplier?: Decimal | null;
}

export interface QuantityFilter {
  minQuantity: Decimal;
  maxQuantity?: Decimal | null;
  stepSize: Decimal;
}

/** Removed 2025-03-19; may still be absent or present. */
export interface LeverageFilter {
  minLeverage: Decimal;
  maxLeverage: Decimal;
  stepSize: Decimal;
}

export interface MarketFilters {
  price: PriceFilter;
  quantity: QuantityFilter;
  leverage?: LeverageFilter | null;
}

export interface Market {
  symbol: MarketSymbol;
  baseSymbol: AssetSymbol;
  quoteSymbol: AssetSymbol;
  marketType: MarketType;
  rwaMarketType?: RwaMarketType | null;
  filters: MarketFilters;
  imfFunction?: MarginFunction | null;
  mmfFunction?: MarginFunction | null;
  /** ms; ccxt once saw it as a string. */
  fundingInterval?: EpochMillis | null;
  /** Basis points. */
  fundingRateUpperBound?: Decimal | null;
  fundingRateLowerBound?: Decimal | null;
  openInterestLimit?: Decimal | null;
  orderBookState: OrderBookState;
  /** µs precision (`"2025-01-21T06:34:54.691858"`). */
  createdAt: NaiveDateTime;
  visible: boolean;
  positionLimitWeight?: Decimal | null;
}

export interface SecuritySession {
  name: string;
  minQuantity: Decimal;
  maxQuantity?: Decimal | null;
  stepSize: Decimal;
}

/** A tokenized equity (`AAPL.US`). */
export interface Security {
  asset: AssetSymbol;
  cusip?: string | null;
  name: string;
  sessions: SecuritySession[];
}

export interface MarketSession {
  name: string;
  description?: string | null;
  /** `HH:MM:SS` in `timezone`. */
  startTime: string;
  endTime: string;
  /** IANA zone, e.g. `America/New_York`. */
  timezone: string;
  /** 1 = Monday … 7 = Sunday. */
  startWeekday: number;
  endWeekday: number;
}

export interface MarketHoliday {
  market: string;
  name: string;
  /** `YYYY-MM-DD`. */
  date: string;
  startTime: string;
  endTime: string;
  timezone: string;
}

export interface GetMarketsParams {
  /** Repeated query key; omitted = SPOT and PERP only. */
  marketType?: MarketType[];
}

export interface GetMarketParams {
  symbol: MarketSymbol;
}
