// Perp reference prices: seeded index random walk, mark price from index and book, funding-rate estimate and schedule.
import type { Random } from '../random.ts';
import type { TopOfBook } from './book.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import type { MarketSpec } from './markets.ts';
import { HOUR_MS } from './time.ts';

/**
 * One step of a geometric random walk over `dtMs` (hourly volatility from the market seed). The float only picks the
 * next value, which is snapped to the tick as an exact decimal and kept within [minPrice, maxPrice].
 */
export function randomWalk(current: Decimal, market: MarketSpec, random: Random, dtMs: number): Decimal {
  const sigma = market.hourlyVolatility * Math.sqrt(Math.max(dtMs, 0) / HOUR_MS);
  const factor = Math.exp(sigma * random.gaussian());
  const next = D.toStep(D.mul(current, D.fromFloat(factor, 12), 'halfEven'), market.tickSize, 'halfEven');
  const floor = D.max(market.minPrice, market.tickSize);
  const clamped = D.max(next, floor);
  return market.maxPrice === null ? clamped : D.min(clamped, market.maxPrice);
}

const MARK_BAND_LOW = D.parse('0.97');
const MARK_BAND_HIGH = D.parse('1.03');

/**
 * Mark = median(index, best bid, best ask) when both sides exist (the index when it lies inside the spread), kept
 * within ±3 % of the index (`meanMarkPriceBand`), rounded to the tick.
 */
export function markPrice(index: Decimal, top: TopOfBook, market: MarketSpec): Decimal {
  let mark = index;
  if (top.bid !== null && top.ask !== null) {
    const values = [index, top.bid.price, top.ask.price].sort((a, b) => D.cmp(a, b));
    mark = values[1] as Decimal;
  }
  const low = D.mul(index, MARK_BAND_LOW, 'ceil');
  const high = D.mul(index, MARK_BAND_HIGH, 'floor');
  return D.toStep(D.min(D.max(mark, low), high), market.tickSize, 'halfEven');
}

/** The 1 h interest component (0.01 % per 8 h). */
const BASE_RATE = D.parse('0.0000125');

/** Estimated funding rate for the current interval: premium/8 + interest, clamped to the market bounds, 10 decimals. */
export function fundingRateEstimate(mark: Decimal, index: Decimal, market: MarketSpec): Decimal {
  if (index <= 0n) return BASE_RATE;
  const premium = D.div(mark - index, index, 'halfEven');
  let rate = D.div(premium, D.fromInt(8), 'halfEven') + BASE_RATE;
  if (market.fundingRateBoundBps !== null) {
    const bound = D.div(market.fundingRateBoundBps, D.fromInt(10_000), 'halfEven');
    rate = D.min(D.max(rate, -bound), bound);
  }
  return D.round(rate, 10, 'halfEven');
}
