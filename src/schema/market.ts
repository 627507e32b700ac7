// Markets: the catalog, filters (tick/step sizes) and every piece of market data reachable from a market.
import type { MarketType } from '../exchange/types/enums/markets.ts';
import type {
  LeverageFilter,
  Market,
  MarketFilters,
  MultiplierBand,
  PriceFilter,
  QuantityFilter,
} from '../exchange/types/markets.ts';
import { AssetRef, MarginFunctionRef } from './asset.ts';
import { builder } from './builder.ts';
import { levelsPerSide, loadOrderBook, OrderBookRef, queryDepthArgs } from './depth.ts';
import { MarketTypeEnum, OrderBookStateEnum, RwaMarketTypeEnum, TickerIntervalEnum } from './enums.ts';
import { klineArgs, KlineRef, loadKlines } from './kline.ts';
import { FundingRatePageRef, loadFundingRates, MarkPriceRef, OpenInterestRef } from './markPrice.ts';
import { pageArgs, pageWindow } from './pagination.ts';
import { TickerRef } from './ticker.ts';
import { DEFAULT_RECENT_TRADES, loadRecentTrades, loadTradeHistory, TradePageRef, TradeRef } from './trade.ts';

/** What `/markets` returns without `marketType`; `markets` keeps that default. */
const DEFAULT_MARKET_TYPES: readonly MarketType[] = ['SPOT', 'PERP'];

const decimal = (description: string) => ({ type: 'Decimal' as const, description });
const optionalDecimal = (description: string) => ({ type: 'Decimal' as const, nullable: true as const, description });

const MultiplierBandRef = builder.objectRef<MultiplierBand>('MultiplierBand').implement({
  description: 'Allowed price band as multipliers of a reference price.',
  fields: (t) => ({
    minMultiplier: t.field({ ...decimal('Lower bound multiplier.'), resolve: (b) => b.minMultiplier }),
    maxMultiplier: t.field({ ...decimal('Upper bound multiplier.'), resolve: (b) => b.maxMultiplier }),
  }),
});

const PriceFilterRef = builder.objectRef<PriceFilter>('PriceFilter').implement({
  description: 'Price rules of a market: orders must respect the tick size and bands.',
  fields: (t) => ({
    minPrice: t.field({ ...decimal('Lowest allowed price.'), resolve: (f) => f.minPrice }),
    maxPrice: t.field({
      ...optionalDecimal('Highest allowed price; null = none.'),
      resolve: (f) => f.maxPrice ?? null,
    }),
    tickSize: t.field({ ...decimal('Prices must be multiples of this.'), resolve: (f) => f.tickSize }),
    minMultiplier: t.field({
      ...optionalDecimal('Lowest price as a multiple of the last active price.'),
      resolve: (f) => f.minMultiplier ?? null,
    }),
    maxMultiplier: t.field({
      ...optionalDecimal('Highest price as a multiple of the last active price.'),
      resolve: (f) => f.maxMultiplier ?? null,
    }),
    minImpactMultiplier: t.field({
      ...optionalDecimal('How far down a market order may sweep.'),
      resolve: (f) => f.minImpactMultiplier ?? null,
    }),
    maxImpactMultiplier: t.field({
      ...optionalDecimal('How far up a market order may sweep.'),
      resolve: (f) => f.maxImpactMultiplier ?? null,
    }),
    meanMarkPriceBand: t.field({
      type: MultiplierBandRef,
      nullable: true,
      description: 'Band around the mean mark price.',
      resolve: (f) => f.meanMarkPriceBand ?? null,
    }),
    discoveryBoundBand: t.field({
      type: MultiplierBandRef,
      nullable: true,
      description: 'Price discovery band (real-world-asset markets).',
      resolve: (f) => f.discoveryBoundBand ?? null,
    }),
  }),
});

const QuantityFilterRef = builder.objectRef<QuantityFilter>('QuantityFilter').implement({
  description: 'Quantity rules of a market: orders must respect the step size and bounds.',
  fields: (t) => ({
    minQuantity: t.field({ ...decimal('Smallest order quantity.'), resolve: (f) => f.minQuantity }),
    maxQuantity: t.field({
      ...optionalDecimal('Largest order quantity; null = none.'),
      resolve: (f) => f.maxQuantity ?? null,
    }),
    stepSize: t.field({ ...decimal('Quantities must be multiples of this.'), resolve: (f) => f.stepSize }),
  }),
});

const LeverageFilterRef = builder.objectRef<LeverageFilter>('LeverageFilter').implement({
  description: 'Leverage rules (removed by the exchange in 2025; present only on old data).',
  fields: (t) => ({
    minLeverage: t.field({ ...decimal('Lowest leverage.'), resolve: (f) => f.minLeverage }),
    maxLeverage: t.field({ ...decimal('Highest leverage.'), resolve: (f) => f.maxLeverage }),
    stepSize: t.field({ ...decimal('Leverage step.'), resolve: (f) => f.stepSize }),
  }),
});

const MarketFiltersRef = builder.objectRef<MarketFilters>('MarketFilters').implement({
  description: 'Order validation rules of a market.',
  fields: (t) => ({
    price: t.field({ type: PriceFilterRef, description: 'Price rules.', resolve: (f) => f.price }),
    quantity: t.field({ type: QuantityFilterRef, description: 'Quantity rules.', resolve: (f) => f.quantity }),
    leverage: t.field({
      type: LeverageFilterRef,
      nullable: true,
      description: 'Leverage rules, if any.',
      resolve: (f) => f.leverage ?? null,
    }),
  }),
});

export const MarketRef = builder.objectRef<Market>('Market').implement({
  description: 'A market (spot, perpetual, prediction …) with its rules and live data.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol, e.g. `SOL_USDC`, `SOL_USDC_PERP`.' }),
    baseSymbol: t.exposeString('baseSymbol', { description: 'Symbol of the traded asset.' }),
    quoteSymbol: t.exposeString('quoteSymbol', { description: 'Symbol of the pricing asset.' }),
    baseAsset: t.field({
      type: AssetRef,
      nullable: true,
      description: 'The traded asset; null if the exchange lists no such asset.',
      resolve: (m, _, ctx) => ctx.loaders.asset.load(m.baseSymbol),
    }),
    quoteAsset: t.field({
      type: AssetRef,
      nullable: true,
      description: 'The pricing asset.',
      resolve: (m, _, ctx) => ctx.loaders.asset.load(m.quoteSymbol),
    }),
    marketType: t.field({ type: MarketTypeEnum, description: 'Kind of market.', resolve: (m) => m.marketType }),
    rwaMarketType: t.field({
      type: RwaMarketTypeEnum,
      nullable: true,
      description: 'Real-world-asset class; null for crypto.',
      resolve: (m) => m.rwaMarketType ?? null,
    }),
    orderBookState: t.field({
      type: OrderBookStateEnum,
      description: 'Which orders the market accepts now.',
      resolve: (m) => m.orderBookState,
    }),
    visible: t.exposeBoolean('visible', { description: 'Whether the market is listed in the app.' }),
    createdAt: t.field({
      type: 'Timestamp',
      description: 'Listing time.',
      resolve: (m) => m.createdAt,
    }),
    filters: t.field({
      type: MarketFiltersRef,
      description: 'Tick size, step size and bands for orders.',
      resolve: (m) => m.filters,
    }),
    imfFunction: t.field({
      type: MarginFunctionRef,
      nullable: true,
      description: 'Initial margin function (futures).',
      resolve: (m) => m.imfFunction ?? null,
    }),
    mmfFunction: t.field({
      type: MarginFunctionRef,
      nullable: true,
      description: 'Maintenance margin function (futures).',
      resolve: (m) => m.mmfFunction ?? null,
    }),
    fundingIntervalMs: t.int({
      nullable: true,
      description: 'Funding interval in ms (perpetuals; not a perp marker).',
      resolve: (m) => (m.fundingInterval == null ? null : Number(m.fundingInterval)),
    }),
    fundingRateUpperBound: t.field({
      ...optionalDecimal('Funding rate cap, in basis points.'),
      resolve: (m) => m.fundingRateUpperBound ?? null,
    }),
    fundingRateLowerBound: t.field({
      ...optionalDecimal('Funding rate floor, in basis points.'),
      resolve: (m) => m.fundingRateLowerBound ?? null,
    }),
    openInterestLimit: t.field({
      ...optionalDecimal('Open interest cap (0 on spot).'),
      resolve: (m) => m.openInterestLimit ?? null,
    }),
    positionLimitWeight: t.field({
      ...optionalDecimal('Weight of this market in position limits.'),
      resolve: (m) => m.positionLimitWeight ?? null,
    }),
    ticker: t.field({
      type: TickerRef,
      nullable: true,
      description: 'Price and volume summary (batched across markets).',
      args: { interval: t.arg({ type: TickerIntervalEnum, description: 'Window; omitted = rolling 24 h.' }) },
      resolve: (m, { interval }, ctx) => ctx.loaders.ticker.load({ symbol: m.symbol, interval: interval ?? null }),
    }),
    orderBook: t.field({
      type: OrderBookRef,
      description: 'Order book snapshot.',
      args: queryDepthArgs(t.arg),
      resolve: (m, args, ctx) => loadOrderBook(ctx, m.symbol, levelsPerSide(args)),
    }),
    klines: t.field({
      type: [KlineRef],
      description: 'Candles between `from` and `to`.',
      args: klineArgs(t.arg),
      resolve: (m, args, ctx) => loadKlines(ctx, m.symbol, args),
    }),
    recentTrades: t.field({
      type: [TradeRef],
      description: 'Most recent public trades, newest first.',
      args: { limit: t.arg.int({ defaultValue: DEFAULT_RECENT_TRADES, description: 'Number of trades, 1 to 1000.' }) },
      resolve: (m, { limit }, ctx) => loadRecentTrades(ctx, m.symbol, limit ?? DEFAULT_RECENT_TRADES),
    }),
    tradeHistory: t.field({
      type: TradePageRef,
      description: 'Older public trades by limit and offset.',
      args: pageArgs(t.arg),
      resolve: (m, args, ctx) => loadTradeHistory(ctx, m.symbol, pageWindow(args)),
    }),
    markPrice: t.field({
      type: MarkPriceRef,
      nullable: true,
      description:
        'Mark price (batched: one exchange call per market type); index price and funding only for perpetuals.',
      resolve: (m, _, ctx) => ctx.loaders.markPrice.load(m.symbol),
    }),
    fundingRates: t.field({
      type: FundingRatePageRef,
      description: 'Funding rate history (perpetuals).',
      args: pageArgs(t.arg),
      resolve: (m, args, ctx) => loadFundingRates(ctx, m.symbol, pageWindow(args)),
    }),
    openInterest: t.field({
      type: OpenInterestRef,
      nullable: true,
      description: 'Open interest (futures); null for spot.',
      resolve: (m, _, ctx) => (m.marketType === 'SPOT' ? null : ctx.loaders.openInterest.load(m.symbol)),
    }),
  }),
});

builder.objectField(AssetRef, 'markets', (t) =>
  t.field({
    type: [MarketRef],
    description: 'Markets (of every type) that trade or price in this asset.',
    resolve: async (asset, _, ctx) =>
      (await ctx.loaders.allMarkets()).filter((m) => m.baseSymbol === asset.symbol || m.quoteSymbol === asset.symbol),
  }),
);

builder.objectField(TickerRef, 'market', (t) =>
  t.field({
    type: MarketRef,
    nullable: true,
    description: 'The market of this ticker.',
    resolve: (r, _, ctx) => ctx.loaders.market.load(r.symbol),
  }),
);

builder.queryFields((t) => ({
  markets: t.field({
    type: [MarketRef],
    description: "Markets of the given types; omitted = spot and perpetual markets (the exchange's default).",
    args: { marketType: t.arg({ type: [MarketTypeEnum], description: 'Market types to list.' }) },
    resolve: async (_, { marketType }, ctx) => {
      const types = new Set<string>(marketType && marketType.length > 0 ? marketType : DEFAULT_MARKET_TYPES);
      return (await ctx.loaders.allMarkets()).filter((m) => types.has(m.marketType));
    },
  }),
  market: t.field({
    type: MarketRef,
    nullable: true,
    description: 'One market by symbol; null when the exchange does not know it.',
    args: { symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC`.' }) },
    resolve: (_, { symbol }, ctx) => ctx.loaders.market.load(symbol),
  }),
}));
