// Time-driven work of the trading core: index/mark updates, price-trigger checks, funding, periodic stream publications.
import type { Random } from '../random.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import type { Publisher } from './events.ts';
import { markOf } from './events.ts';
import { isFutures, settleCash } from './funds.ts';
import { fundingRateEstimate, markPrice, randomWalk } from './pricing.ts';
import type { EngineDeps, EngineState, MarketState } from './state.ts';
import type { Triggers } from './triggers.ts';

/** At most this many missed funding intervals are settled in one tick (a long pause skips the rest). */
const MAX_FUNDING_CATCH_UP = 48;

export class Clockwork {
  private readonly random: Random;

  constructor(
    private readonly deps: EngineDeps,
    private readonly state: EngineState,
    private readonly publisher: Publisher,
    private readonly triggers: Triggers,
  ) {
    this.random = deps.random.fork('index');
  }

  tick(): void {
    const now = this.deps.clock.now();
    // Spot first: perp indices read their spot source's fresh price.
    const markets = [...this.state.markets.values()].sort(
      (a, b) => Number(isFutures(a.spec)) - Number(isFutures(b.spec)),
    );
    for (const market of markets) {
      this.updatePrices(market, now);
      this.sample(market, now);
      this.triggers.check(market);
      this.fund(market, now);
      this.publishPeriodic(market, now);
      this.publisher.klines(market, market.tape.closeDue(now));
    }
  }

  /** Open interest in contracts: the sum of long positions. */
  openInterest(market: MarketState): Decimal {
    let total = 0n;
    for (const position of this.state.positions.openPositions()) {
      if (position.symbol === market.spec.symbol && position.netQuantity > 0n) total += position.netQuantity;
    }
    return total;
  }

  /**
   * Whether markets without an index source random-walk their index. The sandbox ties it to the live flow, so a
   * paused (or disabled) flow freezes every price and tests can compare answers taken at different moments.
   */
  walkIndex = true;

  updatePrices(market: MarketState, now: number): void {
    const { spec, book } = market;
    const elapsed = now - market.lastPriceUpdateAt;
    market.lastPriceUpdateAt = now;
    if (!isFutures(spec)) {
      market.index = market.tape.lastPrice ?? midPrice(market) ?? spec.initialPrice;
      market.mark = market.index;
      return;
    }
    const source = spec.indexSource === null ? undefined : this.state.markets.get(spec.indexSource);
    if (source !== undefined) {
      market.index = source.tape.lastPrice ?? midPrice(source) ?? source.index ?? spec.initialPrice;
    } else if (this.walkIndex || market.index === null) {
      market.index = randomWalk(market.index ?? spec.initialPrice, spec, this.random, elapsed);
    }
    market.mark = markPrice(market.index, book.top(), spec);
    market.fundingRate = fundingRateEstimate(market.mark, market.index, spec);
  }

  /** Keeps one mark/index observation per second for `priceType=Mark|Index` klines. */
  private sample(market: MarketState, now: number): void {
    if (now - market.lastSampleAt < 1000) return;
    market.lastSampleAt = now;
    if (market.mark !== null) market.tape.mark.record(now, market.mark, 0n, 0n, 0);
    if (market.index !== null) market.tape.index.record(now, market.index, 0n, 0n, 0);
  }

  private fund(market: MarketState, now: number): void {
    const interval = market.spec.fundingInterval;
    if (interval === null || now < market.nextFundingAt) return;
    let settled = 0;
    while (market.nextFundingAt <= now && settled < MAX_FUNDING_CATCH_UP) {
      this.settleFunding(market, market.nextFundingAt);
      market.nextFundingAt += interval;
      settled += 1;
    }
    if (market.nextFundingAt <= now) market.nextFundingAt = (Math.floor(now / interval) + 1) * interval;
  }

  /** Longs pay shorts `netQuantity × mark × rate` (rounded toward zero to the quote precision); the house nets the rest. */
  settleFunding(market: MarketState, intervalEnd: number): void {
    const { spec } = market;
    const rate = market.fundingRate;
    const mark = markOf(market);
    const decimals = this.deps.markets.assetDecimals(spec.quote);
    market.fundingHistory.push({ end: intervalEnd, rate });
    for (const position of this.state.positions.openPositions()) {
      if (position.symbol !== spec.symbol) continue;
      const payment = D.round(-D.mul(D.mul(position.netQuantity, mark, 'halfEven'), rate, 'down'), decimals, 'down');
      if (payment === 0n) continue;
      settleCash(this.deps.ledger, position.accountId, spec.quote, payment);
      this.deps.ledger.toHouse(spec.quote, -payment);
      position.funding += payment;
      this.state.addFunding({
        accountId: position.accountId,
        symbol: spec.symbol,
        positionId: position.id,
        quantity: payment,
        intervalEnd,
        rate,
      });
      this.state.addSettlement({
        accountId: position.accountId,
        quantity: payment,
        source: 'FundingPayment',
        positionId: position.id,
        timestamp: intervalEnd,
      });
      this.publisher.positionUpdate(position, 'positionAdjusted');
    }
  }

  private publishPeriodic(market: MarketState, now: number): void {
    const { spec } = market;
    if (now - market.lastTickerAt >= 1000) {
      market.lastTickerAt = now;
      const ticker = market.tape.ticker(spec.symbol, now, 86_400_000);
      if (ticker !== null) {
        this.publisher.publish(`ticker.${spec.symbol}`, {
          e: 'ticker',
          E: this.publisher.eventTime(),
          s: spec.symbol,
          o: ticker.firstPrice,
          c: ticker.lastPrice,
          h: ticker.high,
          l: ticker.low,
          v: ticker.volume,
          V: ticker.quoteVolume,
          n: Number(ticker.trades),
        });
      }
      if (isFutures(spec) || spec.marketType === 'PREDICTION') {
        const eventTime = this.publisher.eventTime();
        const data: Record<string, unknown> = {
          e: 'markPrice',
          E: eventTime,
          s: spec.symbol,
          p: D.toString(markOf(market)),
        };
        if (isFutures(spec)) {
          data.f = D.toString(market.fundingRate);
          data.i = D.toString(market.index ?? markOf(market));
          data.n = market.nextFundingAt;
        }
        data.T = eventTime - 1;
        this.publisher.publish(`markPrice.${spec.symbol}`, data);
      }
    }
    if (isFutures(spec) && now - market.lastOpenInterestAt >= 60_000) {
      market.lastOpenInterestAt = now;
      this.publisher.publish(`openInterest.${spec.symbol}`, {
        e: 'openInterest',
        E: this.publisher.eventTime(),
        s: spec.symbol,
        o: D.toString(this.openInterest(market)),
      });
    }
  }
}

export function midPrice(market: MarketState): Decimal | null {
  const top = market.book.top();
  if (top.bid === null || top.ask === null) return null;
  return D.toStep((top.bid.price + top.ask.price) / 2n, market.spec.tickSize, 'halfEven');
}
