// Borrow-lend pools: per-asset supply/demand (simulated market + sandbox accounts), the kinked rate model and the
// public market, history and APY views built from it.
import type { ApyRates, BorrowLendHistory, BorrowLendMarket } from '../../exchange/types/borrowLend.ts';
import type { BorrowLendBookState } from '../../exchange/types/enums/capital.ts';
import type { BorrowLendMarketHistoryInterval } from '../../exchange/types/enums/markets.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import { derivedBytes } from './addresses.ts';
import type { ProductContext } from './context.ts';
import { DAY_MS, HOUR_MS, isoDateTime } from './time.ts';

export interface PoolSpec {
  readonly symbol: string;
  /** Lent/borrowed by the simulated rest of the market (sandbox accounts add to these). */
  readonly externalLent: Decimal;
  readonly externalBorrowed: Decimal;
  readonly optimalUtilization: Decimal;
  readonly maxUtilization: Decimal;
  /** Borrow APR at the optimal utilization, and at 100 % utilization. */
  readonly rateAtOptimal: Decimal;
  readonly rateAtFull: Decimal;
  /** Share of borrow interest the exchange keeps (lenders receive the rest). */
  readonly fee: Decimal;
  /** Cap on total lent quantity (LEND_LIMIT beyond it). */
  readonly openBorrowLendLimit: Decimal;
  readonly stepSize: Decimal;
  state: BorrowLendBookState;
}

export interface PoolTotals {
  readonly lent: Decimal;
  readonly borrowed: Decimal;
}

// Sizes that look like a mid-size venue; utilizations differ per asset so the rate curve is visible.
const POOL_SEEDS: Readonly<Record<string, readonly [lent: string, borrowed: string, limit: string]>> = {
  USDC: ['42000000', '29400000', '250000000'],
  USDT: ['6500000', '3250000', '50000000'],
  SOL: ['310000', '62000', '2000000'],
  BTC: ['410', '82', '4000'],
  ETH: ['5200', '1820', '50000'],
};

export function createPools(ctx: ProductContext): Map<string, PoolSpec> {
  const pools = new Map<string, PoolSpec>();
  for (const asset of ctx.catalog.assetList()) {
    if (asset.collateralWeight === null) continue;
    const seed = POOL_SEEDS[asset.symbol];
    const price = ctx.prices.assetPrice(asset.symbol) ?? D.ONE;
    // Unknown collateral assets get a $5M pool at 30 % utilization.
    const lent = seed ? D.parse(seed[0]) : D.round(D.div(D.parse('5000000'), price, 'down'), asset.decimals, 'down');
    const stable = asset.symbol === 'USDC' || asset.symbol === 'USDT';
    pools.set(asset.symbol, {
      symbol: asset.symbol,
      externalLent: lent,
      externalBorrowed: seed ? D.parse(seed[1]) : D.round(D.mul(lent, D.parse('0.3'), 'down'), asset.decimals, 'down'),
      optimalUtilization: D.parse(stable ? '0.9' : '0.8'),
      maxUtilization: D.parse('0.95'),
      rateAtOptimal: D.parse(stable ? '0.12' : '0.08'),
      rateAtFull: D.parse('1.5'),
      fee: D.parse('0.2'),
      openBorrowLendLimit: seed ? D.parse(seed[2]) : D.mul(lent, D.parse('10'), 'down'),
      stepSize: D.parse(`0.${'0'.repeat(Math.max(0, asset.decimals - 1))}1`),
      state: 'Open',
    });
  }
  return pools;
}

export function utilization(totals: PoolTotals): Decimal {
  return totals.lent === 0n ? 0n : D.round(D.div(totals.borrowed, totals.lent, 'halfEven'), 8, 'halfEven');
}

/** Borrow APR: linear to `rateAtOptimal` at the optimal utilization, then steeply to `rateAtFull` at 100 %. */
export function borrowRate(pool: PoolSpec, u: Decimal): Decimal {
  const rate =
    u <= pool.optimalUtilization
      ? D.div(D.mul(pool.rateAtOptimal, u, 'halfEven'), pool.optimalUtilization, 'halfEven')
      : pool.rateAtOptimal +
        D.div(
          D.mul(pool.rateAtFull - pool.rateAtOptimal, u - pool.optimalUtilization, 'halfEven'),
          D.ONE - pool.optimalUtilization,
          'halfEven',
        );
  return D.round(rate, 8, 'halfEven');
}

/** Lend APY: borrow interest spread over the lenders, minus the exchange's fee. */
export function lendRate(pool: PoolSpec, u: Decimal): Decimal {
  return D.round(D.mul(D.mul(borrowRate(pool, u), u, 'halfEven'), D.ONE - pool.fee, 'halfEven'), 8, 'halfEven');
}

export function marketWire(pool: PoolSpec, totals: PoolTotals, price: Decimal, now: number): BorrowLendMarket {
  const u = utilization(totals);
  return {
    symbol: pool.symbol,
    state: pool.state,
    assetMarkPrice: D.toString(price),
    borrowInterestRate: D.toString(borrowRate(pool, u)),
    lendInterestRate: D.toString(lendRate(pool, u)),
    borrowedQuantity: D.toString(totals.borrowed),
    lentQuantity: D.toString(totals.lent),
    utilization: D.toString(u),
    optimalUtilization: D.toString(pool.optimalUtilization),
    maxUtilization: D.toString(pool.maxUtilization),
    openBorrowLendLimit: D.toString(pool.openBorrowLendLimit),
    throttleUtilizationThreshold: '0.9',
    throttleUtilizationBound: '0.95',
    throttleUpdateFraction: '0.1',
    fee: D.toString(pool.fee),
    stepSize: D.toString(pool.stepSize),
    timestamp: isoDateTime(now),
  };
}

const HISTORY_SHAPE: Readonly<Record<BorrowLendMarketHistoryInterval, readonly [step: number, points: number]>> = {
  '1d': [HOUR_MS, 24],
  '1w': [4 * HOUR_MS, 42],
  '1month': [DAY_MS, 30],
  '1year': [7 * DAY_MS, 52],
};

/** A deterministic wobble in [-1, 1) for (asset, bucket): the same bucket always reads the same. */
function wobble(symbol: string, bucket: number): number {
  const bytes = derivedBytes(2, 'borrowLendHistory', symbol, bucket);
  return (((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)) / 32768 - 1;
}

/**
 * Rows for the past interval at a fixed step, oldest first, ending with the current state. Past points drift
 * around today's totals (±8 % utilization, ±3 % supply), so rates stay on the pool's curve.
 */
export function historyRows(
  pool: PoolSpec,
  totals: PoolTotals,
  interval: BorrowLendMarketHistoryInterval,
  now: number,
): BorrowLendHistory[] {
  const [step, points] = HISTORY_SHAPE[interval];
  const lastBucket = Math.floor(now / step);
  const rows: BorrowLendHistory[] = [];
  for (let i = points - 1; i >= 1; i -= 1) {
    const bucket = lastBucket - i;
    const lent = D.round(
      D.mul(totals.lent, D.fromFloat(1 + 0.03 * wobble(`${pool.symbol}:lent`, bucket), 6), 'down'),
      8,
      'down',
    );
    const baseU = utilization(totals);
    const u = D.min(
      pool.maxUtilization,
      D.max(0n, D.mul(baseU, D.fromFloat(1 + 0.08 * wobble(pool.symbol, bucket), 6), 'halfEven')),
    );
    const borrowed = D.round(D.mul(lent, u, 'down'), 8, 'down');
    rows.push(historyRow(pool, { lent, borrowed }, bucket * step));
  }
  rows.push(historyRow(pool, totals, now));
  return rows;
}

function historyRow(pool: PoolSpec, totals: PoolTotals, at: number): BorrowLendHistory {
  const u = utilization(totals);
  return {
    borrowInterestRate: D.toString(borrowRate(pool, u)),
    borrowedQuantity: D.toString(totals.borrowed),
    lendInterestRate: D.toString(lendRate(pool, u)),
    lentQuantity: D.toString(totals.lent),
    utilization: D.toString(u),
    timestamp: isoDateTime(at),
  };
}

/** Staking yields the sandbox advertises (SOL liquid staking); not tied to balances. */
const STAKING: ApyRates['staking'] = [{ symbol: 'SOL', dilutionFactor: '0.9526', stakingRate: '0.0712' }];

export function apyWire(pools: readonly PoolSpec[], totalsOf: (symbol: string) => PoolTotals): ApyRates {
  return {
    borrowLend: pools.map((pool) => {
      const u = utilization(totalsOf(pool.symbol));
      return {
        symbol: pool.symbol,
        borrowRate: D.toString(borrowRate(pool, u)),
        lendRate: D.toString(lendRate(pool, u)),
      };
    }),
    staking: STAKING.filter((entry) => pools.some((pool) => pool.symbol === entry.symbol)),
  };
}
