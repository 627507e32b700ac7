// Read-only public market data rendered as wire shapes: depth, tickers, klines, mark prices, open interest, trades.
import type { KlineInterval, KlinePriceType, MarketType, TickerInterval } from '../../exchange/types/enums/markets.ts';
import type {
  Depth,
  FundingIntervalRate,
  Kline,
  MarkPrice,
  OpenInterest,
  Ticker,
  Trade,
} from '../../exchange/types/marketData.ts';
import { SandboxError } from './errors.ts';
import type { Clockwork } from './clockwork.ts';
import * as D from './decimal.ts';
import { markOf } from './events.ts';
import { isFutures } from './funds.ts';
import { invalidMarketSymbol } from './markets.ts';
import type { EngineDeps, EngineState, MarketState } from './state.ts';
import { tradeWire } from './tape.ts';
import { naiveSeconds } from './time.ts';

/** A history row with the time it is sorted and filtered by. */
export interface TimedRow<T> {
  readonly at: number;
  readonly row: T;
}

const TICKER_WINDOW_MS: Record<TickerInterval, number> = { '1d': 86_400_000, '1w': 7 * 86_400_000 };

export class MarketQueries {
  constructor(
    private readonly deps: EngineDeps,
    private readonly state: EngineState,
    private readonly clockwork: Clockwork,
  ) {}

  /** The market's live state or 400 `Invalid market symbol` (RFQ markets have no book). */
  market(symbol: string): MarketState {
    const market = this.state.markets.get(symbol);
    if (market === undefined) throw invalidMarketSymbol();
    return market;
  }

  depth(symbol: string, limit: number): Depth {
    const market = this.market(symbol);
    if (market.spec.orderBookState === 'Closed') throw new SandboxError(404, 'RESOURCE_NOT_FOUND', 'Not Found');
    const snapshot = market.book.snapshot(limit);
    return {
      asks: snapshot.asks.map((level) => [D.toString(level.price), D.toString(level.size)]),
      bids: snapshot.bids.map((level) => [D.toString(level.price), D.toString(level.size)]),
      lastUpdateId: String(market.book.updateId),
      timestamp: this.deps.clock.micros(),
    };
  }

  ticker(symbol: string, interval: TickerInterval = '1d'): Ticker | null {
    return this.market(symbol).tape.ticker(symbol, this.deps.clock.now(), TICKER_WINDOW_MS[interval]);
  }

  /** Tickers of the markets that ever traded (a market without trades has no ticker: `/ticker` answers 204). */
  tickers(interval: TickerInterval = '1d'): Ticker[] {
    const now = this.deps.clock.now();
    const result: Ticker[] = [];
    for (const market of this.state.markets.values()) {
      if (market.spec.marketType !== 'SPOT' && market.spec.marketType !== 'PERP') continue;
      const ticker = market.tape.ticker(market.spec.symbol, now, TICKER_WINDOW_MS[interval]);
      if (ticker !== null) result.push(ticker);
    }
    return result;
  }

  /** `startTime`/`endTime` are epoch seconds, not milliseconds. */
  klines(
    symbol: string,
    interval: KlineInterval,
    startTime: number,
    endTime: number | undefined,
    priceType: KlinePriceType = 'Last',
  ): Kline[] {
    const market = this.market(symbol);
    const end = endTime === undefined ? this.deps.clock.now() : endTime * 1000;
    if (end < startTime * 1000) throw new SandboxError(400, 'INVALID_RANGE', 'Invalid time range');
    return market.tape.klines(interval, priceType, startTime * 1000, end);
  }

  markPrices(symbol: string | undefined, marketType: MarketType = 'PERP'): MarkPrice[] {
    if (symbol !== undefined) {
      const market = this.state.markets.get(symbol);
      if (market === undefined || market.spec.orderBookState === 'Closed') {
        throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'Symbol not found');
      }
      return [this.markPriceOf(market)];
    }
    return [...this.state.markets.values()]
      .filter((market) => market.spec.marketType === marketType)
      .map((market) => this.markPriceOf(market));
  }

  private markPriceOf(market: MarketState): MarkPrice {
    const futures = isFutures(market.spec);
    return {
      symbol: market.spec.symbol,
      markPrice: D.toString(markOf(market)),
      indexPrice: futures ? D.toString(market.index ?? markOf(market)) : null,
      fundingRate: futures ? D.toString(market.fundingRate) : null,
      nextFundingTimestamp: futures ? market.nextFundingAt : null,
    };
  }

  openInterest(symbol: string | undefined): OpenInterest[] {
    const now = this.deps.clock.now();
    const markets =
      symbol === undefined
        ? [...this.state.markets.values()].filter((market) => isFutures(market.spec))
        : [this.market(symbol)];
    return markets.map((market) => ({
      symbol: market.spec.symbol,
      openInterest: isFutures(market.spec) ? D.toString(this.clockwork.openInterest(market)) : null,
      timestamp: now,
    }));
  }

  /** Settled funding intervals (newest first by default after pagination sorts by `at`). */
  fundingRates(symbol: string): TimedRow<FundingIntervalRate>[] {
    const market = this.market(symbol);
    return market.fundingHistory.map((entry) => ({
      at: entry.end,
      row: {
        symbol,
        intervalEndTimestamp: naiveSeconds(entry.end),
        fundingRate: D.toString(D.round(entry.rate, 9, 'halfEven')),
      },
    }));
  }

  recentTrades(symbol: string, limit: number): Trade[] {
    return this.market(symbol).tape.recent(limit).map(tradeWire);
  }

  historicalTrades(symbol: string, limit: number, offset: number): Trade[] {
    return this.market(symbol).tape.history(limit, offset).map(tradeWire);
  }
}
