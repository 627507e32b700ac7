// Public borrow-lend markets: current rates and utilization, their history, and the APY table.
import type {
  ApyRates,
  BorrowLendApy,
  BorrowLendHistory,
  BorrowLendMarket,
  StakingApy,
} from '../exchange/types/borrowLend.ts';
import { ASSET_SYMBOL } from './symbols/plugin.ts';
import { builder } from './builder.ts';
import { BorrowLendBookStateEnum, BorrowLendHistoryIntervalEnum } from './enums.ts';

const dec = (description: string) => ({ type: 'Decimal' as const, description });

const BorrowLendMarketRef = builder.objectRef<BorrowLendMarket>('BorrowLendMarket').implement({
  description: 'The lending pool of one asset: rates, utilization and limits.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Asset symbol.' }),
    state: t.field({
      type: BorrowLendBookStateEnum,
      description: 'Which operations the pool accepts.',
      resolve: (m) => m.state,
    }),
    assetMarkPrice: t.field({ ...dec('Mark price of the asset in USDC.'), resolve: (m) => m.assetMarkPrice }),
    borrowInterestRate: t.field({
      ...dec('Current borrow rate (annualised fraction).'),
      resolve: (m) => m.borrowInterestRate,
    }),
    lendInterestRate: t.field({
      ...dec('Current lend rate (annualised fraction, APY).'),
      resolve: (m) => m.lendInterestRate,
    }),
    borrowedQuantity: t.field({ ...dec('Total borrowed.'), resolve: (m) => m.borrowedQuantity }),
    lentQuantity: t.field({ ...dec('Total lent.'), resolve: (m) => m.lentQuantity }),
    utilization: t.field({ ...dec('borrowed / lent.'), resolve: (m) => m.utilization }),
    optimalUtilization: t.field({
      ...dec('Utilization where the rate curve kinks.'),
      resolve: (m) => m.optimalUtilization,
    }),
    maxUtilization: t.field({ ...dec('Highest allowed utilization.'), resolve: (m) => m.maxUtilization }),
    openBorrowLendLimit: t.field({
      ...dec('Cap on open borrow-lend quantity.'),
      resolve: (m) => m.openBorrowLendLimit,
    }),
    throttleUtilizationThreshold: t.field({
      ...dec('Utilization above which borrowing is throttled.'),
      resolve: (m) => m.throttleUtilizationThreshold,
    }),
    throttleUtilizationBound: t.field({
      ...dec('Utilization bound while throttled.'),
      resolve: (m) => m.throttleUtilizationBound,
    }),
    throttleUpdateFraction: t.field({
      ...dec('Fraction by which the throttle moves per update.'),
      resolve: (m) => m.throttleUpdateFraction,
    }),
    fee: t.field({ ...dec('Borrow entry fee.'), resolve: (m) => m.fee }),
    stepSize: t.field({ ...dec('Quantities must be multiples of this.'), resolve: (m) => m.stepSize }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'When these values were computed.',
      resolve: (m) => m.timestamp,
    }),
  }),
});

const BorrowLendSnapshotRef = builder.objectRef<BorrowLendHistory>('BorrowLendMarketSnapshot').implement({
  description: 'Rates and utilization of borrow-lend markets at one point in time.',
  fields: (t) => ({
    timestamp: t.field({
      type: 'Timestamp',
      description: 'Time of the snapshot.',
      resolve: (h) => h.timestamp,
    }),
    borrowInterestRate: t.field({ ...dec('Borrow rate.'), resolve: (h) => h.borrowInterestRate }),
    lendInterestRate: t.field({ ...dec('Lend rate.'), resolve: (h) => h.lendInterestRate }),
    borrowedQuantity: t.field({ ...dec('Total borrowed.'), resolve: (h) => h.borrowedQuantity }),
    lentQuantity: t.field({ ...dec('Total lent.'), resolve: (h) => h.lentQuantity }),
    utilization: t.field({ ...dec('borrowed / lent.'), resolve: (h) => h.utilization }),
  }),
});

const AssetApyRef = builder.objectRef<BorrowLendApy>('BorrowLendApy').implement({
  description: 'Borrow and lend APY of one asset.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Asset symbol.' }),
    borrowRate: t.field({ ...dec('Borrow APY (fraction).'), resolve: (r) => r.borrowRate }),
    lendRate: t.field({ ...dec('Lend APY (fraction).'), resolve: (r) => r.lendRate }),
  }),
});

const StakingApyRef = builder.objectRef<StakingApy>('StakingApy').implement({
  description: 'Staking yield of one asset.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Asset symbol.' }),
    stakingRate: t.field({ ...dec('Staking APY (fraction).'), resolve: (r) => r.stakingRate }),
    dilutionFactor: t.field({ ...dec('Dilution applied to the staking rate.'), resolve: (r) => r.dilutionFactor }),
  }),
});

const ApyRatesRef = builder.objectRef<ApyRates>('ApyRates').implement({
  description: 'Current yields: borrow-lend per asset and staking.',
  fields: (t) => ({
    borrowLend: t.field({
      type: [AssetApyRef],
      description: 'Borrow and lend APY per asset.',
      resolve: (r) => [...r.borrowLend],
    }),
    staking: t.field({ type: [StakingApyRef], description: 'Staking APY per asset.', resolve: (r) => [...r.staking] }),
  }),
});

builder.queryFields((t) => ({
  borrowLendMarkets: t.field({
    type: [BorrowLendMarketRef],
    description: 'Every borrow-lend pool with its current rates.',
    resolve: async (_, __, ctx) => [...((await ctx.exchange.call('getBorrowLendMarkets', {})) ?? [])],
  }),
  borrowLendMarketHistory: t.field({
    type: [BorrowLendSnapshotRef],
    extensions: { [ASSET_SYMBOL]: true },
    description: 'Rate and utilization history of borrow-lend pools over a window.',
    args: {
      interval: t.arg({ type: BorrowLendHistoryIntervalEnum, required: true, description: 'How far back to look.' }),
      symbol: t.arg.string({ description: 'Asset symbol; omitted = all assets.' }),
    },
    resolve: async (_, { interval, symbol }, ctx) => [
      ...((await ctx.exchange.call('getBorrowLendMarketsHistory', symbol ? { interval, symbol } : { interval })) ?? []),
    ],
  }),
  borrowLendApy: t.field({
    type: ApyRatesRef,
    description: 'Current borrow, lend and staking APY per asset.',
    resolve: (_, __, ctx) => ctx.exchange.call('getBorrowLendApy', {}),
  }),
}));
